import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { ReportKind } from '@incubator/contracts';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { LocaleService } from '../../../core/i18n/locale.service';
import { formatPeriod, recentPeriods } from '../../../core/kpis/kpi-periods';
import { reportRuns } from '../../../core/reports/report-runs';
import { formatQuarter, lastCompletedQuarter, recentQuarters } from '../../../core/reports/quarters';
import { today } from '../../../core/space/today';
import { periodAction } from '../../reports/pack-request';
import { RunListComponent } from '../../reports/run-list.component';

/** The park team's reports: the monthly occupancy & rent roll and the quarterly board pack, on demand and as run. */
@Component({
  selector: 'app-reports-page',
  imports: [MatButtonModule, RunListComponent, SelectFieldComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('reports.manage.title') }}</h1>
      <p>{{ t('reports.manage.intro') }}</p>

      <div class="requests">
        <section aria-labelledby="occupancy-request-title">
          <h2 id="occupancy-request-title">{{ t('reports.kinds.occupancy') }}</h2>
          <app-select-field
            [control]="month"
            [label]="t('reports.manage.month')"
            [options]="months()"
            testId="occupancy-month"
            subscriptSizing="dynamic"
          />
          <button
            mat-flat-button
            type="button"
            [disabled]="runs.requesting() || occupancyAction() === 'inProgress'"
            (click)="request('occupancy', month.value, occupancyAction())"
            data-testid="occupancy-generate"
          >
            {{ t('reports.manage.' + occupancyAction()) }}
          </button>
        </section>
        <section aria-labelledby="pack-request-title">
          <h2 id="pack-request-title">{{ t('reports.kinds.board_pack') }}</h2>
          <app-select-field
            [control]="quarter"
            [label]="t('reports.board.quarter')"
            [options]="quarters()"
            testId="pack-quarter"
            subscriptSizing="dynamic"
          />
          <button
            mat-flat-button
            type="button"
            [disabled]="runs.requesting() || packAction() === 'inProgress'"
            (click)="request('board_pack', quarter.value, packAction())"
            data-testid="pack-generate"
          >
            {{ t('reports.manage.' + packAction()) }}
          </button>
        </section>
      </div>
      @if (runs.error(); as error) {
        <p class="form-error" role="alert" data-testid="report-request-error">{{ error.key ? t(error.key) : error.text }}</p>
      }

      <h2 id="runs-title">{{ t('reports.manage.runsTitle') }}</h2>
      @if (runs.failed()) {
        <p class="form-error" role="alert">{{ t('reports.runs.loadError') }}</p>
      } @else if (runs.runs(); as list) {
        <app-run-list [runs]="list" [locale]="locale()" [label]="t('reports.manage.runsTitle')" [showKind]="true" />
      } @else {
        <p aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styles: `
    .requests {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 1.5rem;
    }
    .requests section {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5rem;
    }
    app-select-field {
      min-width: 14rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly day = today();

  protected readonly locale = inject(LocaleService).locale;
  protected readonly runs = reportRuns();
  protected readonly month = new FormControl(recentPeriods(this.day, 1)[0], { nonNullable: true });
  protected readonly quarter = new FormControl(lastCompletedQuarter(this.day), { nonNullable: true });
  private readonly monthValue = toSignal(this.month.valueChanges, { initialValue: this.month.value });
  private readonly quarterValue = toSignal(this.quarter.valueChanges, { initialValue: this.quarter.value });

  protected readonly months = computed<SelectOption[]>(() =>
    recentPeriods(this.day, 12).map((period) => ({ value: period, label: formatPeriod(period, this.locale()) })),
  );
  protected readonly quarters = computed<SelectOption[]>(() =>
    recentQuarters(this.day).map((q) => ({ value: q, label: formatQuarter(q, this.locale()) })),
  );
  protected readonly occupancyAction = computed(() => periodAction(this.runs.runs(), 'occupancy', this.monthValue()));
  protected readonly packAction = computed(() => periodAction(this.runs.runs(), 'board_pack', this.quarterValue()));

  protected request(kind: ReportKind, period: string, action: 'generate' | 'inProgress' | 'regenerate'): void {
    if (action !== 'inProgress') {
      this.runs.request(kind, period, action === 'regenerate');
    }
  }
}
