import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { HeartbeatResponse } from '@incubator/contracts';
import { FormError, genericError } from '../../../core/forms/api-error';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { HeartbeatsService } from '../../../core/system/heartbeats.service';

/**
 * The heartbeats: the operator sends one through API → Redis → worker → PostgreSQL and sees when
 * (and by which worker) it was recorded, newest first. A job requested but not yet listed means the
 * worker is not taking jobs.
 */
@Component({
  selector: 'app-heartbeats-page',
  imports: [LocalDatePipe, MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="header">
        <h1>{{ t('operator.heartbeats.title') }}</h1>
        <div class="actions">
          <button mat-flat-button type="button" (click)="send()" [disabled]="sending()" data-testid="heartbeat-request">
            {{ t('operator.heartbeats.request') }}
          </button>
          <button mat-stroked-button type="button" (click)="load()" [disabled]="loading()" data-testid="heartbeats-refresh">
            {{ t('operator.heartbeats.refresh') }}
          </button>
        </div>
      </div>
      <p>{{ t('operator.heartbeats.intro') }}</p>
      @if (requested(); as jobId) {
        <p role="status" data-testid="heartbeat-requested">{{ t('operator.heartbeats.requested', { jobId }) }}</p>
      }
      @if (error(); as error) {
        <p class="form-error" role="alert" data-testid="heartbeats-error">{{ error.key ? t(error.key) : error.text }}</p>
      }
      @if (heartbeats(); as heartbeats) {
        @if (heartbeats.length > 0) {
          <div class="table-scroll">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{{ t('operator.heartbeats.job') }}</th>
                  <th scope="col">{{ t('operator.heartbeats.source') }}</th>
                  <th scope="col">{{ t('operator.heartbeats.requestedAt') }}</th>
                  <th scope="col">{{ t('operator.heartbeats.processedAt') }}</th>
                  <th scope="col">{{ t('operator.heartbeats.processedBy') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (heartbeat of heartbeats; track heartbeat.id) {
                  <tr data-testid="heartbeat" [attr.data-job-id]="heartbeat.jobId">
                    <td>{{ heartbeat.jobId }}</td>
                    <td>{{ t('operator.heartbeats.sources.' + heartbeat.source) }}</td>
                    <td>{{ heartbeat.requestedAt | localDate: locale() }}</td>
                    <td>{{ heartbeat.processedAt | localDate: locale() }}</td>
                    <td>{{ heartbeat.processedBy }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p class="muted" data-testid="heartbeats-empty">{{ t('operator.heartbeats.empty') }}</p>
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
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .table-scroll {
      overflow-x: auto;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeartbeatsPage {
  private readonly service = inject(HeartbeatsService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly heartbeats = signal<HeartbeatResponse[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly sending = signal(false);
  protected readonly requested = signal<string | null>(null);
  protected readonly error = signal<FormError | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.service.list().subscribe({
      next: (page) => {
        this.loading.set(false);
        this.error.set(null);
        this.heartbeats.set(page.items);
      },
      error: (failure: unknown) => {
        this.loading.set(false);
        this.error.set(genericError(failure));
      },
    });
  }

  protected send(): void {
    this.sending.set(true);
    this.service.request().subscribe({
      next: ({ jobId }) => {
        this.sending.set(false);
        this.requested.set(jobId);
      },
      error: (failure: unknown) => {
        this.sending.set(false);
        this.error.set(genericError(failure));
      },
    });
  }
}
