import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthUser, MfaChallengeResponse, MfaEnrolmentResponse } from '@incubator/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { landingUrl } from '../../../core/auth/return-url';
import { FormError, formError, httpStatus } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';

@Component({
  selector: 'app-login-page',
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
  templateUrl: './login.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    // No length rule here: an account keeps the password it was given under older rules.
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<FormError | null>(null);
  /** The second step, once the password was right and MFA is on (or must be set up first). */
  protected readonly challenge = signal<MfaChallengeResponse | null>(null);
  protected readonly enrolment = signal<MfaEnrolmentResponse | null>(null);
  /** Shown once after an enrolment at sign-in, before going on. */
  protected readonly recoveryCodes = signal<string[] | null>(null);
  private signedInUser: AuthUser | null = null;
  protected readonly codeForm = inject(NonNullableFormBuilder).group({
    // A 6-digit code, or a recovery code (xxxx-xxxx-xxxx-xxxx).
    code: ['', [Validators.required, Validators.pattern(/^\s*(\d{6}|[A-Za-z2-7]{4}(-[A-Za-z2-7]{4}){3})\s*$/)]],
  });

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: (answer) => {
        if ('challengeToken' in answer) {
          this.submitting.set(false);
          this.challenge.set(answer);
          if (answer.mfa === 'enrol') {
            this.auth.startChallengeEnrolment(answer.challengeToken).subscribe({
              next: (enrolment) => this.enrolment.set(enrolment),
              error: (error: unknown) => this.error.set(this.describe(error)),
            });
          }
          return;
        }
        this.land(answer);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(this.describe(error));
      },
    });
  }

  /** The second step: the code (or a recovery code), or the first code of a new enrolment. */
  protected submitCode(): void {
    const challenge = this.challenge();
    if (!challenge || this.submitting()) {
      return;
    }
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      return;
    }
    const code = this.codeForm.getRawValue().code.trim();
    this.submitting.set(true);
    this.error.set(null);
    const failed = (error: unknown) => {
      this.submitting.set(false);
      const status = httpStatus(error);
      // An expired or spent challenge: start again from the password.
      this.error.set(status === 429 ? { key: 'auth.mfa.tooMany' } : status === 401 ? { key: 'auth.mfa.invalid' } : formError(this.codeForm, error));
    };
    if (challenge.mfa === 'enrol') {
      this.auth.confirmChallengeEnrolment({ challengeToken: challenge.challengeToken, code }).subscribe({
        next: ({ user, recoveryCodes }) => {
          this.submitting.set(false);
          this.signedInUser = user;
          this.recoveryCodes.set(recoveryCodes);
        },
        error: failed,
      });
      return;
    }
    const answer = /^\d{6}$/.test(code) ? { code } : { recoveryCode: code.toLowerCase() };
    this.auth.verifyMfa({ challengeToken: challenge.challengeToken, ...answer }).subscribe({ next: (user) => this.land(user), error: failed });
  }

  /** After the recovery codes were shown. */
  protected continueAfterCodes(): void {
    if (this.signedInUser) {
      this.land(this.signedInUser);
    }
  }

  private land(user: AuthUser): void {
    void this.router.navigateByUrl(landingUrl(user, this.route.snapshot.queryParamMap.get('returnUrl')));
  }

  private describe(error: unknown): FormError | null {
    // The API gives the same answer for an unknown email and a wrong password, and so do we.
    return httpStatus(error) === 401 ? { key: 'auth.login.invalid' } : formError(this.form, error);
  }
}
