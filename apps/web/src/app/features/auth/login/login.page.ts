import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
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
      next: (user) => {
        void this.router.navigateByUrl(landingUrl(user, this.route.snapshot.queryParamMap.get('returnUrl')));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(this.describe(error));
      },
    });
  }

  private describe(error: unknown): FormError | null {
    // The API gives the same answer for an unknown email and a wrong password, and so do we.
    return httpStatus(error) === 401 ? { key: 'auth.login.invalid' } : formError(this.form, error);
  }
}
