import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@incubator/contracts';
import { AccountService } from '../../../core/auth/account.service';
import { linkToken } from '../../../core/auth/link-token';
import { FormError, formError, httpStatus } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import {
  matchesSibling,
  NEW_PASSWORD_VALIDATORS,
  VALIDATE_WHILE_TYPING,
} from '../../../core/forms/form-validation';

@Component({
  selector: 'app-reset-password-page',
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
        <h1>{{ t('auth.reset.title') }}</h1>

        @if (done()) {
          <p class="form-success" role="status" data-testid="reset-done">{{ t('auth.reset.done') }}</p>
          <p><a mat-flat-button routerLink="/login">{{ t('auth.reset.signIn') }}</a></p>
        } @else if (!token || gone()) {
          <p class="form-error" role="alert" data-testid="reset-error">
            {{ t(token ? 'auth.reset.gone' : 'auth.reset.missing') }}
          </p>
          <p><a routerLink="/forgot-password">{{ t('auth.reset.requestNew') }}</a></p>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form-stack">
            <mat-form-field appearance="outline">
              <mat-label>{{ t('auth.reset.password') }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="new-password"
                data-testid="reset-password"
              />
              <mat-hint>{{ t('forms.passwordHint', passwordRule) }}</mat-hint>
              <mat-error><app-field-error [errors]="form.controls.password.errors" /></mat-error>
            </mat-form-field>

            <mat-form-field appearance="outline">
              <mat-label>{{ t('auth.reset.passwordConfirm') }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="passwordConfirm"
                autocomplete="new-password"
                data-testid="reset-password-confirm"
              />
              <mat-error><app-field-error [errors]="form.controls.passwordConfirm.errors" /></mat-error>
            </mat-form-field>

            @if (error(); as error) {
              <p class="form-error" role="alert" data-testid="reset-error">
                {{ error.key ? t(error.key) : error.text }}
              </p>
            }

            <button mat-flat-button type="submit" data-testid="reset-submit" [attr.aria-busy]="submitting()">
              {{ submitting() ? t('auth.reset.submitting') : t('auth.reset.submit') }}
            </button>
          </form>
        }
      </section>
    </ng-container>
  `,
})
export class ResetPasswordPage {
  private readonly account = inject(AccountService);

  protected readonly token = linkToken(inject(ActivatedRoute).snapshot);
  protected readonly passwordRule = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', NEW_PASSWORD_VALIDATORS],
    passwordConfirm: ['', [Validators.required, matchesSibling('password')]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<FormError | null>(null);
  protected readonly done = signal(false);
  /** The link was invalid, expired or already used (410). */
  protected readonly gone = signal(false);

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.passwordConfirm.updateValueAndValidity({ emitEvent: false }));
  }

  protected submit(): void {
    if (this.submitting() || !this.token) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.account.confirmPasswordReset({ token: this.token, password: this.form.getRawValue().password }).subscribe({
      next: () => {
        this.submitting.set(false);
        this.done.set(true);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        if (httpStatus(error) === 410) {
          this.gone.set(true);
        } else {
          this.error.set(formError(this.form, error));
        }
      },
    });
  }
}
