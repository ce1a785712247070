import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@incubator/contracts';
import { FieldErrorComponent } from '../../core/forms/field-error.component';
import { matchesSibling, NEW_PASSWORD_VALIDATORS, VALIDATE_WHILE_TYPING } from '../../core/forms/form-validation';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { AccountApiService } from './account-api.service';

/** Change of password: the current one, the new one twice. The user stays signed in here; other sessions end. */
@Component({
  selector: 'app-password-section',
  imports: [FieldErrorComponent, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'account.password'">
      <h2 id="account-password">{{ t('title') }}</h2>
      <p class="intro">{{ t('intro') }}</p>
      <form [formGroup]="form" (ngSubmit)="submit(formDirective)" #formDirective="ngForm" novalidate class="form-stack">
        <!-- For password managers: which account this password is for. -->
        <input type="email" name="username" autocomplete="username" [value]="email()" hidden readonly />
        <mat-form-field appearance="outline">
          <mat-label>{{ t('current') }}</mat-label>
          <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" data-testid="password-current" />
          <mat-error><app-field-error [errors]="form.controls.currentPassword.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('new') }}</mat-label>
          <input matInput type="password" formControlName="newPassword" autocomplete="new-password" data-testid="password-new" />
          <mat-hint>{{ t('hint', passwordRule) }}</mat-hint>
          <mat-error><app-field-error [errors]="form.controls.newPassword.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('confirm') }}</mat-label>
          <input matInput type="password" formControlName="newPasswordConfirm" autocomplete="new-password" data-testid="password-confirm" />
          <mat-error><app-field-error [errors]="form.controls.newPasswordConfirm.errors" /></mat-error>
        </mat-form-field>

        @if (state.error(); as error) {
          <p class="form-error" role="alert" data-testid="password-error">{{ error.key ? t(error.key) : error.text }}</p>
        }
        @if (done()) {
          <p class="form-success" role="status" data-testid="password-done">{{ t('done') }}</p>
        }
        <div>
          <button mat-flat-button type="submit" data-testid="password-submit" [attr.aria-busy]="state.submitting()">
            {{ state.submitting() ? t('submitting') : t('submit') }}
          </button>
        </div>
      </form>
    </ng-container>
  `,
})
export class PasswordSectionComponent {
  private readonly api = inject(AccountApiService);

  /** The account's email, for password managers. */
  readonly email = input('');
  /** After a change: the other sessions were signed out. */
  readonly changed = output<void>();

  protected readonly passwordRule = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly form = inject(NonNullableFormBuilder).group({
    // No length rule: the current password may date from older rules.
    currentPassword: ['', Validators.required],
    newPassword: ['', NEW_PASSWORD_VALIDATORS],
    newPasswordConfirm: ['', [Validators.required, matchesSibling('newPassword')]],
  });
  protected readonly state = submitState();
  protected readonly done = signal(false);

  constructor() {
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.newPasswordConfirm.updateValueAndValidity({ emitEvent: false }));
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.done.set(false));
  }

  protected submit(formDirective: FormGroupDirective): void {
    const { currentPassword, newPassword } = this.form.getRawValue();
    submitForm(
      this.form,
      this.state,
      () => this.api.changePassword({ currentPassword, newPassword }),
      () => {
        // resetForm, not reset: the submitted flag would otherwise show every emptied field in error.
        formDirective.resetForm();
        this.done.set(true);
        this.changed.emit();
      },
    );
  }
}
