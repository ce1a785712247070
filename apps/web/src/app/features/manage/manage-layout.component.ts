import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The park management area: its sections, then the page. */
@Component({
  selector: 'app-manage-layout',
  imports: [MatButtonModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'manage.nav'">
      <nav class="sections" [attr.aria-label]="t('label')">
        @for (section of sections; track section.link) {
          <a
            mat-button
            [routerLink]="section.link"
            routerLinkActive="is-active"
            [routerLinkActiveOptions]="{ exact: section.exact }"
            ariaCurrentWhenActive="page"
            [attr.data-testid]="'manage-nav-' + section.key"
          >
            {{ t(section.key) }}
          </a>
        }
      </nav>
    </ng-container>
    <router-outlet />
  `,
  styles: `
    :host {
      display: block;
    }
    .sections {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .is-active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManageLayoutComponent {
  protected readonly sections = [
    { key: 'overview', link: '/manage', exact: true },
    { key: 'programs', link: '/manage/programs', exact: false },
    { key: 'startups', link: '/manage/startups', exact: false },
    { key: 'space', link: '/manage/space', exact: false },
  ];
}
