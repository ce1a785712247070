import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'notFound'">
      <h1>{{ t('title') }}</h1>
      <p>{{ t('text') }}</p>
      <p><a routerLink="/status">{{ t('back') }}</a></p>
    </ng-container>
  `,
})
export class NotFoundPage {}
