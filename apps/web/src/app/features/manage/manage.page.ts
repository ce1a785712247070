import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

@Component({
  selector: 'app-manage-page',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'areas.manage'">
      <h1 data-testid="area-title">{{ t('title') }}</h1>
      <p>{{ t('summary') }}</p>
    </ng-container>
  `,
})
export class ManagePage {}
