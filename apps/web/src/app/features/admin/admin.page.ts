import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

@Component({
  selector: 'app-admin-page',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'areas.admin'">
      <h1>{{ t('title') }}</h1>
      <p>{{ t('summary') }}</p>
    </ng-container>
  `,
})
export class AdminPage {}
