import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

/** How far a startup portal page got loading its startup's data. */
export type PortalState = 'loading' | 'loaded' | 'noStartup' | 'failed';

/** What a portal page says until its data is there: loading, no startup linked, or a failure. */
@Component({
  selector: 'app-portal-state',
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @switch (state()) {
        @case ('loading') {
          <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
        }
        @case ('noStartup') {
          <p data-testid="portal-no-startup">{{ t('portal.noStartup') }}</p>
        }
        @case ('failed') {
          <p class="form-error" role="alert">{{ t('pipeline.loadError') }}</p>
        }
      }
    </ng-container>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalStateComponent {
  readonly state = input.required<PortalState>();
}
