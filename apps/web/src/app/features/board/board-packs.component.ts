import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { Locale } from '@incubator/contracts';
import { reportRuns } from '../../core/reports/report-runs';
import { formatQuarter } from '../../core/reports/quarters';
import { periodAction } from '../reports/pack-request';
import { RunListComponent } from '../reports/run-list.component';

/** The board packs produced so far, and the button that produces the selected quarter's. */
@Component({
  selector: 'app-board-packs',
  imports: [MatButtonModule, RunListComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="actions">
        <button
          mat-flat-button
          type="button"
          [disabled]="packs.requesting() || action() === 'inProgress'"
          (click)="generate()"
          data-testid="pack-generate"
        >
          {{ t('reports.packs.' + action(), { quarter: quarterLabel() }) }}
        </button>
      </div>
      @if (packs.error(); as error) {
        <p class="form-error" role="alert" data-testid="pack-request-error">{{ error.key ? t(error.key) : error.text }}</p>
      }
      @if (packs.failed()) {
        <p class="form-error" role="alert">{{ t('reports.runs.loadError') }}</p>
      } @else if (packs.runs(); as runs) {
        <app-run-list [runs]="runs" [locale]="locale()" [label]="t('reports.packs.title')" />
      } @else {
        <p aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styles: `
    .actions {
      margin-bottom: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BoardPacksComponent {
  readonly quarter = input.required<string>();
  readonly locale = input.required<Locale>();

  protected readonly packs = reportRuns('board_pack');
  protected readonly quarterLabel = computed(() => formatQuarter(this.quarter(), this.locale()));
  protected readonly action = computed(() => periodAction(this.packs.runs(), 'board_pack', this.quarter()));

  protected generate(): void {
    const action = this.action();
    if (action !== 'inProgress') {
      this.packs.request('board_pack', this.quarter(), action === 'regenerate');
    }
  }
}
