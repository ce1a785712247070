import { AbstractControl, ValidationErrors } from '@angular/forms';
import { isValidSiren } from '@incubator/contracts';

/** Optional SIREN: empty, or 9 digits with a valid check digit (spaces allowed as typed on a Kbis). */
export function optionalSiren(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').replace(/\s+/g, '');
  return value === '' || isValidSiren(value) ? null : { sirenInvalid: true };
}

export function normaliseSiren(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  return compact === '' ? null : compact;
}
