import { ChangeDetectionStrategy, Component, DestroyRef, DOCUMENT, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { MfaEnrolmentResponse, MfaStatusResponse } from '@incubator/contracts';
import { saveFile } from '../../core/api/save-file';
import { AuthService } from '../../core/auth/auth.service';
import { FormError, genericError } from '../../core/forms/api-error';
import { FieldErrorComponent } from '../../core/forms/field-error.component';
import { VALIDATE_WHILE_TYPING } from '../../core/forms/form-validation';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { AccountApiService } from './account-api.service';
import { normaliseCode, recoveryCodesFile, totpCode, totpOrRecoveryCode } from './mfa-codes';

/**
 * Two-factor authentication (TOTP): its status, enrolment (QR code or key, a first code, then the
 * recovery codes, shown this once), and turning it off where the organisation does not require it.
 */
@Component({
  selector: 'app-mfa-section',
  imports: [FieldErrorComponent, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './mfa-section.component.scss',
  templateUrl: './mfa-section.component.html',
})
export class MfaSectionComponent {
  private readonly api = inject(AccountApiService);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly status = signal<MfaStatusResponse | null>(null);
  protected readonly loadError = signal<FormError | null>(null);
  /** An enrolment under way: the QR code and key, until a first code confirms it. */
  protected readonly enrolment = signal<MfaEnrolmentResponse | null>(null);
  /** Just confirmed: the recovery codes, in clear this once. */
  protected readonly recoveryCodes = signal<string[] | null>(null);
  /** Translation key of what copying or downloading the codes did. */
  protected readonly codesFeedback = signal<string | null>(null);
  protected readonly canDisable = computed(() => {
    const status = this.status();
    return !!status?.enabled && !status.required;
  });

  protected readonly enrolState = submitState();
  protected readonly confirmForm = this.fb.group({ code: ['', [Validators.required, totpCode]] });
  protected readonly confirmState = submitState();
  protected readonly disableForm = this.fb.group({
    password: ['', Validators.required],
    code: ['', [Validators.required, totpOrRecoveryCode]],
  });
  protected readonly disableState = submitState();

  constructor() {
    this.reload();
  }

  protected startEnrolment(): void {
    // A form without fields: submitForm for its busy state and error message only.
    submitForm(this.fb.group({}), this.enrolState, () => this.api.startMfaEnrolment(), (enrolment) => {
      this.confirmForm.reset();
      this.enrolment.set(enrolment);
    });
  }

  protected cancelEnrolment(): void {
    // The pending secret stays on the server, unused: a new enrolment replaces it.
    this.enrolment.set(null);
    this.confirmState.error.set(null);
  }

  protected confirmEnrolment(): void {
    const code = this.confirmForm.getRawValue().code.trim();
    submitForm(this.confirmForm, this.confirmState, () => this.api.confirmMfaEnrolment({ code }), ({ recoveryCodes }) => {
      this.enrolment.set(null);
      this.codesFeedback.set(null);
      this.recoveryCodes.set(recoveryCodes);
    });
  }

  protected copyCodes(): void {
    const codes = this.recoveryCodes();
    const clipboard = this.document.defaultView?.navigator.clipboard;
    if (!codes) {
      return;
    }
    if (!clipboard) {
      // No clipboard outside a secure context: the download remains.
      this.codesFeedback.set('copyFailed');
      return;
    }
    clipboard.writeText(codes.join('\n')).then(
      () => this.codesFeedback.set('copied'),
      () => this.codesFeedback.set('copyFailed'),
    );
  }

  protected downloadCodes(): void {
    const codes = this.recoveryCodes();
    if (!codes) {
      return;
    }
    const header = this.transloco.translate('account.mfa.fileHeader', {
      email: this.auth.user()?.email ?? '',
      organisation: this.auth.user()?.organisation?.name ?? '',
      date: new Date().toISOString().slice(0, 10),
    });
    const blob = new Blob([recoveryCodesFile(header, codes)], { type: 'text/plain;charset=utf-8' });
    saveFile(this.document, blob, this.transloco.translate('account.mfa.fileName'));
    this.codesFeedback.set('downloaded');
  }

  /** The codes were saved: they are not shown again. */
  protected codesSaved(): void {
    this.recoveryCodes.set(null);
    this.reload();
  }

  protected disable(): void {
    const { password, code } = this.disableForm.getRawValue();
    submitForm(this.disableForm, this.disableState, () => this.api.disableMfa({ password, code: normaliseCode(code) }), () => {
      this.disableForm.reset();
      this.reload();
    });
  }

  private reload(): void {
    this.api
      .mfaStatus()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (status) => {
          this.loadError.set(null);
          this.status.set(status);
        },
        error: (error: unknown) => this.loadError.set(genericError(error)),
      });
  }
}
