import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { KpiDefinitionResponse, KpiReportResponse, Locale, previousPeriod } from '@incubator/contracts';
import { catchError, forkJoin, map, Observable, of, switchMap } from 'rxjs';
import { FormError, genericError } from '../../../core/forms/api-error';
import {
  anomalies,
  compareValues,
  formatChange,
  formatFactor,
  formatKpiValue,
  KpiComparison,
  reportedFor,
} from '../../../core/kpis/kpi-comparison';
import { formatPeriod } from '../../../core/kpis/kpi-periods';
import { KpisService } from '../../../core/kpis/kpis.service';

/** A report in the queue, beside what the startup handed in for the period before. */
interface QueueEntry {
  report: KpiReportResponse;
  previousPeriod: string;
  /** False when the previous period's reports could not be read: the comparison is then unknown. */
  compared: boolean;
  rows: KpiComparison[];
  flagged: KpiComparison[];
}

/** Reports submitted by the startups, waiting for a manager to validate them or hand them back. */
@Component({
  selector: 'app-kpi-queue',
  imports: [MatButtonModule, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (loadFailed()) {
        <p class="form-error" role="alert">{{ t('pipeline.loadError') }}</p>
      }
      @if (error(); as error) {
        <p class="form-error" role="alert" data-testid="kpi-queue-error">{{ error.key ? t(error.key) : error.text }}</p>
      }
      @if (reports(); as reports) {
        <ul class="queue">
          @for (report of reports; track report.id) {
            <li data-testid="kpi-queue-row" [attr.data-report-id]="report.id">
              <div class="summary">
                <a [routerLink]="['/manage/startups', report.startupId]" data-testid="kpi-queue-startup">{{ report.startupName }}</a>
                <span data-testid="kpi-queue-period">{{ period(report.period) }}</span>
              </div>
              @if (entry(report); as entry) {
                <div class="comparison">
                  <div class="table-scroll" tabindex="0" [attr.aria-label]="t('kpis.queue.comparisonLabel', { startup: report.startupName })">
                    <table data-testid="kpi-queue-values">
                      <thead>
                        <tr>
                          <th scope="col">{{ t('kpis.queue.kpi') }}</th>
                          <th scope="col" class="num">{{ period(report.period) }}</th>
                          <th scope="col" class="num">{{ period(entry.previousPeriod) }}</th>
                          <th scope="col" class="num">{{ t('kpis.queue.difference') }}</th>
                          <th scope="col" class="num">{{ t('kpis.queue.change') }}</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (row of entry.rows; track row.key) {
                          <tr [class.anomaly]="row.anomaly" [attr.data-testid]="'kpi-queue-kpi-' + row.key" [attr.data-anomaly]="row.anomaly">
                            <th scope="row">
                              @if (row.anomaly) {
                                <span class="flag" aria-hidden="true">⚠</span>
                              }
                              {{ label(row) }}
                            </th>
                            <td class="num">{{ value(row, row.current) }}</td>
                            <td class="num">{{ entry.compared ? value(row, row.previous) : previous() === null ? '…' : '?' }}</td>
                            <td class="num">{{ value(row, row.difference, true) }}</td>
                            <td class="num">{{ change(row) }}</td>
                          </tr>
                        }
                      </tbody>
                    </table>
                  </div>
                  @if (!entry.compared && previous() !== null) {
                    <p class="muted" data-testid="kpi-queue-no-previous">{{ t('kpis.queue.previousUnavailable') }}</p>
                  }
                  @if (entry.flagged.length) {
                    <div class="warning" role="note" data-testid="kpi-queue-anomalies">
                      <strong>{{ t('kpis.anomaly.title') }}</strong>
                      <ul>
                        @for (row of entry.flagged; track row.key) {
                          <li>{{ t('kpis.anomaly.' + row.anomaly, explanation(row, entry.previousPeriod)) }}</li>
                        }
                      </ul>
                    </div>
                  }
                </div>
              }
              @if (returning() === report.id) {
                <div class="return">
                  <label [attr.for]="'return-' + report.id">{{ t('kpis.queue.comment') }}</label>
                  <textarea
                    [id]="'return-' + report.id"
                    rows="3"
                    [value]="comment()"
                    (input)="comment.set($any($event.target).value)"
                    data-testid="kpi-return-comment"
                  ></textarea>
                  <div class="buttons">
                    <button mat-button type="button" (click)="returning.set(null)">{{ t('pipeline.cancel') }}</button>
                    <button
                      mat-flat-button
                      type="button"
                      [disabled]="!comment().trim() || busy() !== null"
                      (click)="confirmReturn(report)"
                      data-testid="kpi-return-confirm"
                    >
                      {{ t('kpis.queue.confirmReturn') }}
                    </button>
                  </div>
                </div>
              } @else {
                <div class="buttons">
                  <button mat-stroked-button type="button" [disabled]="busy() !== null" (click)="startReturn(report)" data-testid="kpi-return">
                    {{ t('kpis.queue.return') }}
                  </button>
                  <button mat-flat-button type="button" [disabled]="busy() !== null" (click)="validate(report)" data-testid="kpi-validate">
                    {{ t('kpis.queue.validate') }}
                  </button>
                </div>
              }
            </li>
          } @empty {
            <li class="muted" data-testid="kpi-queue-empty">{{ t('kpis.queue.empty') }}</li>
          }
        </ul>
      } @else if (!loadFailed()) {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .queue {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .queue > li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .summary {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
    }
    .return {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      flex: 1 1 20rem;
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
      justify-content: flex-end;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .comparison {
      flex: 1 1 100%;
      min-width: 0;
      order: 1;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 0.125rem 0.75rem 0.125rem 0;
      text-align: left;
      font-weight: normal;
      white-space: nowrap;
    }
    thead th {
      color: var(--mat-sys-on-surface-variant);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    tr.anomaly th,
    tr.anomaly td {
      font-weight: 600;
      color: var(--mat-sys-error);
    }
    .warning {
      margin-top: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-radius: 4px;
    }
    .warning ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiQueueComponent {
  private readonly kpis = inject(KpisService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  readonly definitions = input.required<readonly KpiDefinitionResponse[]>();
  readonly locale = input.required<Locale>();

  protected readonly reports = signal<KpiReportResponse[] | null>(null);
  /** The previous periods' handed-in reports, by period; a period missing here could not be read. */
  protected readonly previous = signal<Map<string, KpiReportResponse[]> | null>(null);
  private readonly entries = computed(() => {
    const previous = this.previous();
    const definitions = this.definitions();
    return new Map(
      (this.reports() ?? []).map((report) => {
        const period = previousPeriod(report.period);
        const before = previous?.get(period);
        const values = before ? (reportedFor(before, report.startupId, period)?.values ?? {}) : {};
        const rows = compareValues(report.values, values, definitions);
        const entry: QueueEntry = { report, previousPeriod: period, compared: before !== undefined, rows, flagged: anomalies(rows) };
        return [report.id, entry];
      }),
    );
  });
  protected readonly loadFailed = signal(false);
  /** The report being validated or returned. */
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<FormError | null>(null);
  /** The report whose return comment is being written. */
  protected readonly returning = signal<string | null>(null);
  protected readonly comment = signal('');

  constructor() {
    this.kpis
      .reports({ status: 'submitted', limit: 100, offset: 0 })
      .pipe(
        switchMap((page) => {
          this.reports.set(page.items);
          return this.previousReports(page.items);
        }),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (previous) => this.previous.set(previous),
        error: () => this.loadFailed.set(true),
      });
  }

  protected period(period: string): string {
    return formatPeriod(period, this.locale());
  }

  protected entry(report: KpiReportResponse): QueueEntry | undefined {
    return this.entries().get(report.id);
  }

  protected label(row: KpiComparison): string {
    const d = row.definition;
    return d ? (this.locale() === 'fr' ? d.labelFr : d.labelEn) : row.key;
  }

  protected value(row: KpiComparison, value: number | null, signed = false): string {
    return formatKpiValue(value, row.definition?.unit ?? 'count', this.locale(), signed);
  }

  protected change(row: KpiComparison): string {
    return formatChange(row.changePercent, this.locale());
  }

  /** The parameters of a flag's explanation: which KPI, from what to what, how many times. */
  protected explanation(row: KpiComparison, period: string): Record<string, string> {
    return {
      kpi: this.label(row),
      previous: this.value(row, row.previous),
      current: this.value(row, row.current),
      factor: formatFactor(row.factor, this.locale()),
      period: this.period(period),
    };
  }

  /** One read per previous period in the queue (usually one or two), each period whole. */
  private previousReports(reports: readonly KpiReportResponse[]): Observable<Map<string, KpiReportResponse[]>> {
    const periods = [...new Set(reports.map((r) => previousPeriod(r.period)))];
    if (periods.length === 0) {
      return of(new Map());
    }
    return forkJoin(
      periods.map((period) =>
        this.kpis.reportsOfPeriod(period).pipe(
          map((list) => [period, list] as const),
          // Without the previous period the queue still works; the comparison says it is unknown.
          catchError(() => of(null)),
        ),
      ),
    ).pipe(map((pairs) => new Map(pairs.filter((p): p is readonly [string, KpiReportResponse[]] => p !== null))));
  }

  protected startReturn(report: KpiReportResponse): void {
    this.comment.set('');
    this.returning.set(report.id);
  }

  protected validate(report: KpiReportResponse): void {
    this.decide(report, this.kpis.validate(report.id), 'kpis.queue.validated');
  }

  protected confirmReturn(report: KpiReportResponse): void {
    const comment = this.comment().trim();
    if (comment) {
      this.decide(report, this.kpis.returnReport(report.id, comment), 'kpis.queue.returned');
    }
  }

  /** Either decision takes the report out of the queue. */
  private decide(report: KpiReportResponse, request: Observable<KpiReportResponse>, done: string): void {
    if (this.busy() !== null) {
      return;
    }
    this.busy.set(report.id);
    this.error.set(null);
    request.subscribe({
      next: () => {
        this.busy.set(null);
        this.returning.set(null);
        this.reports.update((list) => (list ?? []).filter((r) => r.id !== report.id));
        this.snackBar.open(
          this.transloco.translate(done, { startup: report.startupName, period: this.period(report.period) }),
          undefined,
          { duration: 5000 },
        );
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.error.set(genericError(error));
      },
    });
  }
}
