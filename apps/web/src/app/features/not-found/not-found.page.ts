import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { isArea } from '../../core/auth/areas';

/** What the not-found page links back to: an area's home, or (outside any area) the status page. */
export interface NotFoundRouteData {
  area?: string;
}

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 data-testid="not-found">{{ t('notFound.title') }}</h1>
      <p>{{ t('notFound.text') }}</p>
      @if (area; as area) {
        <p>
          <a [routerLink]="'/' + area" data-testid="not-found-home">
            {{ t('notFound.areaHome', { area: t('nav.' + area) }) }}
          </a>
        </p>
      } @else {
        <p><a routerLink="/status" data-testid="not-found-home">{{ t('notFound.back') }}</a></p>
      }
    </ng-container>
  `,
})
export class NotFoundPage {
  private readonly data: NotFoundRouteData = inject(ActivatedRoute).snapshot.data;
  protected readonly area = isArea(this.data.area) ? this.data.area : null;
}
