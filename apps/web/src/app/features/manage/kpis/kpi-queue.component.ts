import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { KpiDefinitionResponse, KpiReportResponse, Locale } from '@incubator/contracts';
import { Observable } from 'rxjs';
import { FormError, genericError } from '../../../core/forms/api-error';
import { formatPeriod } from '../../../core/kpis/kpi-periods';
import { KpisService } from '../../../core/kpis/kpis.service';
import { describeValues } from './kpi-values';

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
                <span class="muted" data-testid="kpi-queue-values">{{ values(report) }}</span>
              </div>
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
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (page) => this.reports.set(page.items),
        error: () => this.loadFailed.set(true),
      });
  }

  protected period(period: string): string {
    return formatPeriod(period, this.locale());
  }

  protected values(report: KpiReportResponse): string {
    return describeValues(report.values, this.definitions(), this.locale());
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
