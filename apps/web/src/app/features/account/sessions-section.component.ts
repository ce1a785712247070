import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionSummary } from '@incubator/contracts';
import { Observable } from 'rxjs';
import { FormError, genericError } from '../../core/forms/api-error';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { LocaleService } from '../../core/i18n/locale.service';
import { AccountApiService } from './account-api.service';
import { describeUserAgent } from './user-agent';

/**
 * "My sessions": where the account is signed in, to sign out a lost phone or a borrowed computer.
 * A plain table that becomes one card per session on a phone (no horizontal scroll at 390 px).
 */
@Component({
  selector: 'app-sessions-section',
  imports: [LocalDatePipe, MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './sessions-section.component.scss',
  template: `
    <ng-container *transloco="let t; read: 'account.sessions'">
      <h2 id="account-sessions">{{ t('title') }}</h2>
      <p class="intro">{{ t('intro') }}</p>
      @if (error(); as error) {
        <p class="form-error" role="alert" data-testid="sessions-error">{{ error.key ? t(error.key) : error.text }}</p>
      }
      @if (done(); as done) {
        <p class="form-success" role="status" data-testid="sessions-done">{{ t(done) }}</p>
      }
      @if (sessions(); as sessions) {
        <table class="sessions" data-testid="sessions">
          <thead>
            <tr>
              <th scope="col">{{ t('device') }}</th>
              <th scope="col">{{ t('ip') }}</th>
              <th scope="col">{{ t('createdAt') }}</th>
              <th scope="col">{{ t('lastUsedAt') }}</th>
              <th scope="col"><span class="visually-hidden">{{ t('actions') }}</span></th>
            </tr>
          </thead>
          <tbody>
            @for (session of sessions; track session.id) {
              <tr data-testid="session" [class.is-current]="session.current">
                <td class="device">
                  <span data-testid="session-device" [title]="session.userAgent ?? ''">{{ describe(session) ?? t('unknownDevice') }}</span>
                  @if (session.current) {
                    <span class="badge" data-testid="session-current">{{ t('current') }}</span>
                  }
                  @if (session.organisation; as organisation) {
                    <span class="muted">{{ organisation.name }}</span>
                  }
                </td>
                <td [attr.data-label]="t('ip')" data-testid="session-ip">{{ session.ip ?? '—' }}</td>
                <td [attr.data-label]="t('createdAt')" data-testid="session-created">{{ session.createdAt | localDate: locale() }}</td>
                <td [attr.data-label]="t('lastUsedAt')" data-testid="session-last-used">{{ session.lastUsedAt | localDate: locale() }}</td>
                <td class="actions">
                  @if (!session.current) {
                    <button
                      mat-stroked-button
                      type="button"
                      data-testid="session-revoke"
                      [disabled]="busy()"
                      [attr.aria-label]="t('revokeLabel', { device: describe(session) ?? t('unknownDevice') })"
                      (click)="revoke(session)"
                    >
                      {{ t('revoke') }}
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (hasOthers()) {
          <p>
            <button mat-flat-button type="button" data-testid="sessions-revoke-others" [disabled]="busy()" (click)="revokeOthers()">
              {{ t('revokeOthers') }}
            </button>
          </p>
        }
      } @else if (!error()) {
        <p aria-busy="true">{{ t('loading') }}</p>
      }
    </ng-container>
  `,
})
export class SessionsSectionComponent {
  private readonly api = inject(AccountApiService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly sessions = signal<SessionSummary[] | null>(null);
  protected readonly hasOthers = computed(() => this.sessions()?.some((session) => !session.current) ?? false);
  protected readonly busy = signal(false);
  protected readonly error = signal<FormError | null>(null);
  /** Translation key of what was just done. */
  protected readonly done = signal<string | null>(null);
  protected readonly describe = (session: SessionSummary) => describeUserAgent(session.userAgent);

  constructor() {
    this.reload();
  }

  /** Reads the list again, e.g. after a password change signed the other sessions out. */
  reload(): void {
    this.api
      .sessions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (sessions) => this.sessions.set(sessions),
        error: (error: unknown) => this.error.set(genericError(error)),
      });
  }

  protected revoke(session: SessionSummary): void {
    this.act(this.api.revokeSession(session.id), 'revoked');
  }

  protected revokeOthers(): void {
    this.act(this.api.revokeOtherSessions(), 'othersRevoked');
  }

  private act(request: Observable<void>, doneKey: string): void {
    this.busy.set(true);
    this.error.set(null);
    this.done.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        this.done.set(doneKey);
        this.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(genericError(error));
        // A session already gone (404) is best shown gone.
        this.reload();
      },
    });
  }
}
