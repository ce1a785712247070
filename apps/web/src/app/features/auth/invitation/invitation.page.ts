import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  AcceptInvitationRequest,
  InvitationPreview,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@incubator/contracts';
import { AccountService } from '../../../core/auth/account.service';
import { AuthService } from '../../../core/auth/auth.service';
import { linkToken } from '../../../core/auth/link-token';
import { homeUrl } from '../../../core/auth/return-url';
import { FormError, formError, genericError, httpStatus } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import {
  matchesSibling,
  NEW_PASSWORD_VALIDATORS,
  VALIDATE_WHILE_TYPING,
} from '../../../core/forms/form-validation';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';

/** The API's limit on a display name. */
export const DISPLAY_NAME_MAX_LENGTH = 120;

/** What the invitation link leads to, before the form. */
export type InvitationState =
  | { kind: 'loading' }
  | { kind: 'ready'; preview: InvitationPreview }
  /** No token in the link, an unknown token (404), a used or expired one (410), anything else. */
  | { kind: 'missing' | 'notFound' | 'gone' }
  | { kind: 'failed'; error: FormError };

@Component({
  selector: 'app-invitation-page',
  imports: [
    FieldErrorComponent,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './invitation.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPage {
  private readonly auth = inject(AuthService);
  private readonly account = inject(AccountService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly token = linkToken(inject(ActivatedRoute).snapshot);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly passwordRule = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly state = signal<InvitationState>({ kind: 'loading' });
  protected readonly submitting = signal(false);
  protected readonly error = signal<FormError | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    password: ['', NEW_PASSWORD_VALIDATORS],
    passwordConfirm: ['', [Validators.required, matchesSibling('password')]],
  });

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.passwordConfirm.updateValueAndValidity({ emitEvent: false }));
    this.load();
  }

  private load(): void {
    if (!this.token) {
      this.state.set({ kind: 'missing' });
      return;
    }
    this.account
      .previewInvitation(this.token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preview) => {
          if (preview.existingAccount) {
            // The account keeps its name and password: only the password proves it is theirs.
            this.form.controls.displayName.disable();
            this.form.controls.passwordConfirm.disable();
            this.form.controls.password.setValidators(Validators.required);
            this.form.controls.password.updateValueAndValidity();
          }
          this.state.set({ kind: 'ready', preview });
        },
        error: (error: unknown) => this.state.set(this.failure(error)),
      });
  }

  protected submit(): void {
    const state = this.state();
    if (this.submitting() || state.kind !== 'ready' || !this.token) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { displayName, password } = this.form.getRawValue();
    const request: AcceptInvitationRequest = {
      token: this.token,
      // An existing account keeps its name: send none.
      displayName: state.preview.existingAccount ? undefined : displayName.trim(),
      password,
      locale: this.locale(),
    };
    this.submitting.set(true);
    this.error.set(null);
    this.auth.acceptInvitation(request).subscribe({
      next: (user) => void this.router.navigateByUrl(homeUrl(user)),
      error: (error: unknown) => {
        this.submitting.set(false);
        const state = this.failure(error);
        if (state.kind === 'failed') {
          // 401: the password of the existing account does not match.
          this.error.set(
            httpStatus(error) === 401 ? { key: 'auth.invitation.wrongPassword' } : formError(this.form, error),
          );
        } else {
          this.state.set(state);
        }
      },
    });
  }

  private failure(error: unknown): InvitationState {
    switch (httpStatus(error)) {
      // 400: the token in the link is malformed (cut short by a mail client, say): as good as unknown.
      case 400:
      case 404:
        return { kind: 'notFound' };
      case 410:
        return { kind: 'gone' };
      default:
        return { kind: 'failed', error: genericError(error) };
    }
  }
}
