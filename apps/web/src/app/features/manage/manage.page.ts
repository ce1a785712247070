import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The landing page of park management: where to go next. */
@Component({
  selector: 'app-manage-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 data-testid="area-title">{{ t('areas.manage.title') }}</h1>
      <p>{{ t('areas.manage.summary') }}</p>
      <ul class="cards">
        <li>
          <a routerLink="/manage/programs" data-testid="manage-programs-link">{{ t('manage.landing.programs') }}</a>
          <p>{{ t('manage.landing.programsText') }}</p>
        </li>
        <li>
          <a routerLink="/manage/startups" data-testid="manage-startups-link">{{ t('manage.landing.startups') }}</a>
          <p>{{ t('manage.landing.startupsText') }}</p>
        </li>
        <li>
          <a routerLink="/manage/kpis" data-testid="manage-kpis-link">{{ t('manage.landing.kpis') }}</a>
          <p>{{ t('manage.landing.kpisText') }}</p>
        </li>
        <li>
          <a routerLink="/manage/reports" data-testid="manage-reports-link">{{ t('manage.landing.reports') }}</a>
          <p>{{ t('manage.landing.reportsText') }}</p>
        </li>
      </ul>
    </ng-container>
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 1rem;
      padding: 0;
      list-style: none;
    }
    li {
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    a {
      font: var(--mat-sys-title-medium);
    }
    p {
      margin-bottom: 0;
    }
  `,
})
export class ManagePage {}
