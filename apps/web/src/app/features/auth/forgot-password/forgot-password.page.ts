import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AccountService } from '../../../core/auth/account.service';
import { FormError, formError } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';

@Component({
  selector: 'app-forgot-password-page',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section class="auth-page">
        <h1>{{ t('auth.forgot.title') }}</h1>

        @if (sentTo(); as email) {
          <!-- The same answer whether the account exists or not: the page must not reveal it. -->
          <p class="form-success" role="status" data-testid="forgot-sent">{{ t('auth.forgot.sent', { email }) }}</p>
        } @else {
          <p>{{ t('auth.forgot.intro') }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form-stack">
            <mat-form-field appearance="outline">
              <mat-label>{{ t('auth.forgot.email') }}</mat-label>
              <input
                matInput
                type="email"
                formControlName="email"
                autocomplete="username"
                inputmode="email"
                data-testid="forgot-email"
              />
              <mat-error><app-field-error [errors]="form.controls.email.errors" /></mat-error>
            </mat-form-field>

            @if (error(); as error) {
              <p class="form-error" role="alert" data-testid="forgot-error">
                {{ error.key ? t(error.key) : error.text }}
              </p>
            }

            <button mat-flat-button type="submit" data-testid="forgot-submit" [attr.aria-busy]="submitting()">
              {{ submitting() ? t('auth.forgot.submitting') : t('auth.forgot.submit') }}
            </button>
          </form>
        }

        <p><a routerLink="/login">{{ t('auth.forgot.back') }}</a></p>
      </section>
    </ng-container>
  `,
})
export class ForgotPasswordPage {
  private readonly account = inject(AccountService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<FormError | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.account.requestPasswordReset({ email }).subscribe({
      next: () => {
        this.submitting.set(false);
        this.sentTo.set(email);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(formError(this.form, error));
      },
    });
  }
}
