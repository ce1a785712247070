import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { Locale, Permission } from '@incubator/contracts';
import { AuthService } from '../../core/auth/auth.service';
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
      @if (canAsk()) {
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
      }
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
  /** Regenerating a finished pack e-mails every recipient again: the park's team decides (ReportsManage). */
  private readonly canRegenerate = computed(() => this.auth.permissions().includes(Permission.ReportsManage));
  /** A failed run is asked for again as it is (the API retries it); only a completed one needs regenerating. */
  private readonly latestFailed = computed(() => this.packs.runs()?.find((r) => r.kind === 'board_pack' && r.period === this.quarter())?.status === 'failed');
  protected readonly canAsk = computed(() => this.action() !== 'regenerate' || this.canRegenerate() || this.latestFailed());

  private readonly auth = inject(AuthService);

  protected generate(): void {
    const action = this.action();
    if (action !== 'inProgress') {
      this.packs.request('board_pack', this.quarter(), action === 'regenerate' && this.canRegenerate());
    }
  }
}
