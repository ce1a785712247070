import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { FundingRoundResponse, KpiReportResponse, Locale, Permission } from '@incubator/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FundingService } from '../../../core/funding/funding.service';
import { formatPeriod } from '../../../core/kpis/kpi-periods';
import { KpisService } from '../../../core/kpis/kpis.service';
import { RoundDialogComponent, RoundDialogData } from '../../funding/round-dialog.component';
import { RoundListComponent } from '../../funding/round-list.component';
import { RoundsExportComponent } from '../../funding/rounds-export.component';
import { KpiChartComponent } from './kpi-chart.component';
import { kpiSeries } from './kpi-history';

/** A startup's reported KPIs over time and its funding rounds, on its page for managers. */
@Component({
  selector: 'app-startup-kpis',
  imports: [KpiChartComponent, MatButtonModule, RoundListComponent, RoundsExportComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <section aria-labelledby="startup-kpis-title" data-testid="startup-kpis">
        <h2 id="startup-kpis-title">{{ t('kpis.startup.title') }}</h2>
        @switch (state()) {
          @case ('loading') {
            <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
          }
          @case ('failed') {
            <p class="form-error" role="alert">{{ t('pipeline.loadError') }}</p>
          }
          @case ('loaded') {
            @if (reports().length === 0) {
              <p class="muted" data-testid="startup-kpis-empty">{{ t('kpis.startup.noReport') }}</p>
            } @else {
              <!-- Chart.js downloads only once the page is idle, in its own chunk. -->
              @defer (on idle) {
                <div class="charts">
                  <app-kpi-chart
                    data-testid="kpi-chart-headcount"
                    [label]="t('kpis.startup.headcount')"
                    [series]="headcount()"
                    [locale]="locale()"
                  />
                  <app-kpi-chart
                    data-testid="kpi-chart-revenue"
                    [label]="t('kpis.startup.revenue')"
                    [series]="revenue()"
                    [locale]="locale()"
                  />
                </div>
              } @placeholder {
                <p class="muted">{{ t('pipeline.loading') }}</p>
              }
              <ul class="history" data-testid="startup-kpi-history">
                @for (report of reports(); track report.id) {
                  <li data-testid="startup-kpi-report">
                    {{ period(report.period) }} ·
                    <span class="badge" [attr.data-status]="report.status">{{ t('kpis.statuses.' + report.status) }}</span>
                  </li>
                }
              </ul>
            }

            <div class="section-header">
              <h3>{{ t('funding.title') }}</h3>
              @if (canWriteFunding()) {
                <button mat-stroked-button type="button" (click)="openRound()" data-testid="round-new">
                  {{ t('funding.new') }}
                </button>
              }
            </div>
            @if (rounds().length > 0) {
              <app-rounds-export [startupId]="startupId()" />
            }
            <app-round-list
              [rounds]="rounds()"
              [locale]="locale()"
              [canEdit]="canWriteFunding()"
              (edit)="openRound($event)"
            />
          }
        }
      </section>
    </ng-container>
  `,
  styleUrl: './startup-kpis.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupKpisComponent {
  private readonly kpis = inject(KpisService);
  private readonly funding = inject(FundingService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);

  readonly startupId = input.required<string>();
  readonly locale = input.required<Locale>();

  protected readonly state = signal<'loading' | 'loaded' | 'failed'>('loading');
  protected readonly reports = signal<KpiReportResponse[]>([]);
  protected readonly rounds = signal<FundingRoundResponse[]>([]);
  protected readonly headcount = computed(() => kpiSeries(this.reports(), 'headcount'));
  protected readonly revenue = computed(() => kpiSeries(this.reports(), 'revenue'));
  protected readonly canWriteFunding = computed(() => this.auth.permissions().includes(Permission.FundingWrite));

  constructor() {
    effect((onCleanup) => {
      const startupId = this.startupId();
      this.state.set('loading');
      const subscription = forkJoin({
        reports: this.kpis.reports({ startupId, limit: 100, offset: 0 }),
        rounds: this.funding.rounds({ startupId, limit: 100, offset: 0 }),
      })
        .pipe(catchError(() => of(null)))
        .subscribe((result) => {
          if (!result) {
            this.state.set('failed');
            return;
          }
          this.reports.set(result.reports.items);
          this.rounds.set(result.rounds.items);
          this.state.set('loaded');
        });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected period(period: string): string {
    return formatPeriod(period, this.locale());
  }

  protected openRound(round?: FundingRoundResponse): void {
    this.dialog
      .open<RoundDialogComponent, RoundDialogData, FundingRoundResponse>(RoundDialogComponent, {
        data: { startupId: this.startupId(), round },
        width: '48rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.rounds.update((list) => (round ? list.map((r) => (r.id === saved.id ? saved : r)) : [saved, ...list]));
        }
      });
  }
}
