import { AbstractControl, ValidationErrors } from '@angular/forms';

/** The 6 digits of an authenticator app (error `totpCode`); spaces around are forgiven. */
export function totpCode(control: AbstractControl): ValidationErrors | null {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  return !value || /^\d{6}$/.test(value) ? null : { totpCode: true };
}

/** A code of the app or a recovery code, xxxx-xxxx-xxxx-xxxx (error `totpOrRecovery`), as the API accepts. */
export function totpOrRecoveryCode(control: AbstractControl): ValidationErrors | null {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  return !value || /^(\d{6}|[A-Za-z2-7]{4}(-[A-Za-z2-7]{4}){3})$/.test(value) ? null : { totpOrRecovery: true };
}

/** Recovery codes are issued in lower case; a user may type them in capitals. */
export function normaliseCode(code: string): string {
  const trimmed = code.trim();
  return /^\d{6}$/.test(trimmed) ? trimmed : trimmed.toLowerCase();
}

/** The text file of the recovery codes: who they are for and when, then one code a line. */
export function recoveryCodesFile(header: string, codes: readonly string[]): string {
  return `${header}\n\n${codes.join('\n')}\n`;
}
