import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { TranslocoDirective } from '@jsverse/transloco';
import { MFA_POLICY_ROLES, MfaPolicy } from '@incubator/contracts';
import { FormError, genericError } from '../../core/forms/api-error';
import { AccountApiService } from './account-api.service';

type PolicyRole = MfaPolicy['requiredRoles'][number];

/**
 * For admins: which roles of the organisation must use two-factor authentication. Here rather than on
 * the members page because it is read next to one's own second factor, which it makes compulsory.
 */
@Component({
  selector: 'app-mfa-policy-section',
  imports: [MatButtonModule, MatCheckboxModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'account.mfaPolicy'">
      <h2 id="account-mfa-policy">{{ t('title', { organisation: organisation() }) }}</h2>
      <p class="intro">{{ t('intro') }}</p>
      @if (required(); as required) {
        <fieldset class="roles" data-testid="mfa-policy">
          <legend>{{ t('legend') }}</legend>
          @for (role of roles; track role) {
            <mat-checkbox [checked]="required.includes(role)" (change)="toggle(role, $event.checked)" [attr.data-testid]="'mfa-policy-' + role">
              {{ t('roles.' + role) }}
            </mat-checkbox>
          }
        </fieldset>
        @if (error(); as error) {
          <p class="form-error" role="alert" data-testid="mfa-policy-error">{{ error.key ? t(error.key) : error.text }}</p>
        }
        @if (saved()) {
          <p class="form-success" role="status" data-testid="mfa-policy-done">{{ t('saved') }}</p>
        }
        <button mat-flat-button type="button" data-testid="mfa-policy-save" [attr.aria-busy]="saving()" (click)="save()">{{ t('save') }}</button>
      } @else if (error(); as error) {
        <p class="form-error" role="alert" data-testid="mfa-policy-error">{{ error.key ? t(error.key) : error.text }}</p>
      } @else {
        <p aria-busy="true">…</p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .roles {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      margin: 0 0 0.75rem;
      padding: 0;
      border: 0;
    }
    legend {
      margin-bottom: 0.25rem;
      padding: 0;
    }
  `,
})
export class MfaPolicySectionComponent {
  private readonly api = inject(AccountApiService);
  private readonly destroyRef = inject(DestroyRef);

  /** The organisation's name, for the heading. */
  readonly organisation = input('');
  protected readonly roles = MFA_POLICY_ROLES;
  protected readonly required = signal<PolicyRole[] | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<FormError | null>(null);

  constructor() {
    this.api
      .mfaPolicy()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (policy) => this.required.set(policy.requiredRoles), error: (error: unknown) => this.error.set(genericError(error)) });
  }

  protected toggle(role: PolicyRole, checked: boolean): void {
    this.saved.set(false);
    // Kept in the order of MFA_POLICY_ROLES, whatever the order of the clicks.
    this.required.update((roles) => this.roles.filter((r) => (r === role ? checked : roles?.includes(r))));
  }

  protected save(): void {
    const requiredRoles = this.required();
    if (!requiredRoles || this.saving()) {
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.api
      .setMfaPolicy({ requiredRoles })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (policy) => {
          this.saving.set(false);
          this.required.set(policy.requiredRoles);
          this.saved.set(true);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(genericError(error));
        },
      });
  }
}
