import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { Permission } from '@incubator/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { MfaPolicySectionComponent } from './mfa-policy-section.component';
import { MfaSectionComponent } from './mfa-section.component';
import { PasswordSectionComponent } from './password-section.component';
import { SessionsSectionComponent } from './sessions-section.component';

/**
 * "Mon compte / My account", for every signed-in user: password, sessions and, for members of an
 * organisation, the second factor (the platform operator has none: MFA hangs on a membership),
 * plus the organisation's MFA policy for those who manage its users.
 */
@Component({
  selector: 'app-account-page',
  imports: [MfaPolicySectionComponent, MfaSectionComponent, PasswordSectionComponent, SessionsSectionComponent, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'account'">
      <h1>{{ t('title') }}</h1>
      @if (user(); as user) {
        <p class="who" data-testid="account-who">
          {{ user.displayName }} · {{ user.email }} · {{ user.organisation?.name ?? t('platform') }}
        </p>
        <section class="card" aria-labelledby="account-password">
          <app-password-section [email]="user.email" (changed)="sessions()?.reload()" />
        </section>
        <section class="card" aria-labelledby="account-sessions">
          <app-sessions-section />
        </section>
        @if (user.organisation; as organisation) {
          <section class="card" aria-labelledby="account-mfa">
            <app-mfa-section />
          </section>
          @if (canSetPolicy()) {
            <section class="card" aria-labelledby="account-mfa-policy">
              <app-mfa-policy-section [organisation]="organisation.name" />
            </section>
          }
        }
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      min-width: 0;
    }
    h1,
    .who {
      margin: 0;
    }
    .who {
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .card {
      min-width: 0;
      padding: 0 1rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
    }
    @media (max-width: 30rem) {
      .card {
        padding: 0 0.5rem 0.75rem;
      }
    }
  `,
})
export class AccountPage {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly canSetPolicy = computed(() => this.auth.permissions().includes(Permission.UsersManage));
  protected readonly sessions = viewChild(SessionsSectionComponent);
}
