import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { QueueCounts } from '@incubator/contracts';
import { FormError, genericError } from '../../../core/forms/api-error';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ReportsService } from '../../../core/reports/reports.service';

const COUNTS = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/** The background job queues: how many jobs wait, run or failed, and a retry for the failed ones. */
@Component({
  selector: 'app-queues-page',
  imports: [LocalDatePipe, LocalNumberPipe, MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="header">
        <h1 data-testid="area-title">{{ t('reports.queues.title') }}</h1>
        <button mat-stroked-button type="button" (click)="load()" [disabled]="loading()" data-testid="queues-refresh">
          {{ t('reports.queues.refresh') }}
        </button>
      </div>
      <p>{{ t('reports.queues.intro') }}</p>
      @if (error(); as error) {
        <p class="form-error" role="alert" data-testid="queues-error">{{ error.key ? t(error.key) : error.text }}</p>
      }
      @for (queue of queues() ?? []; track queue.name) {
        <section [attr.aria-labelledby]="'queue-' + queue.name" [attr.data-testid]="'queue-' + queue.name">
          <h2 [id]="'queue-' + queue.name">
            {{ t('reports.queues.names.' + queue.name) }}
            @if (queue.paused) {
              <span class="paused">{{ t('reports.queues.paused') }}</span>
            }
          </h2>
          <div class="table-scroll">
            <table class="data counts">
              <thead>
                <tr>
                  @for (count of counts; track count) {
                    <th scope="col" class="num">{{ t('reports.queues.counts.' + count) }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                <tr>
                  @for (count of counts; track count) {
                    <td class="num" [attr.data-testid]="'queue-count-' + count">{{ queue[count] | localNumber: locale() }}</td>
                  }
                </tr>
              </tbody>
            </table>
          </div>
          @if (queue.failedJobs.length > 0) {
            <div class="table-scroll">
              <table class="data">
                <caption>{{ t('reports.queues.failedJobs') }}</caption>
                <thead>
                  <tr>
                    <th scope="col">{{ t('reports.queues.job') }}</th>
                    <th scope="col">{{ t('reports.queues.reason') }}</th>
                    <th scope="col" class="num">{{ t('reports.queues.attempts') }}</th>
                    <th scope="col">{{ t('reports.queues.finishedOn') }}</th>
                    <th scope="col"><span class="visually-hidden">{{ t('reports.queues.actions') }}</span></th>
                  </tr>
                </thead>
                <tbody>
                  @for (job of queue.failedJobs; track job.id) {
                    <tr data-testid="failed-job" [attr.data-job-id]="job.id">
                      <td>{{ job.name }} <span class="muted">#{{ job.id }}</span></td>
                      <td class="reason">{{ job.failedReason }}</td>
                      <td class="num">{{ job.attemptsMade | localNumber: locale() }}</td>
                      <td>{{ job.finishedOn | localDate: locale() }}</td>
                      <td>
                        <button
                          mat-stroked-button
                          type="button"
                          [disabled]="retrying() !== null"
                          (click)="retry(queue.name, job.id)"
                          data-testid="queue-retry"
                        >
                          {{ t('reports.queues.retry') }}
                        </button>
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </section>
      } @empty {
        @if (queues() !== null) {
          <p class="muted">{{ t('reports.queues.empty') }}</p>
        }
      }
    </ng-container>
  `,
  styles: `
    @use '../../data-table';
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    .counts {
      max-width: 40rem;
    }
    .table-scroll {
      overflow-x: auto;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding: 0.25rem 0;
    }
    .reason {
      word-break: break-word;
    }
    .paused {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuesPage {
  private readonly reports = inject(ReportsService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly counts = COUNTS;
  protected readonly queues = signal<QueueCounts[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly retrying = signal<string | null>(null);
  protected readonly error = signal<FormError | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.reports.queues().subscribe({
      next: (queues) => {
        this.loading.set(false);
        this.error.set(null);
        this.queues.set(queues);
      },
      error: (failure: unknown) => {
        this.loading.set(false);
        this.error.set(genericError(failure));
      },
    });
  }

  protected retry(queue: string, jobId: string): void {
    this.retrying.set(jobId);
    this.reports.retryJob(queue, jobId).subscribe({
      next: () => {
        this.retrying.set(null);
        this.load();
      },
      error: (failure: unknown) => {
        this.retrying.set(null);
        this.error.set(genericError(failure));
      },
    });
  }
}
