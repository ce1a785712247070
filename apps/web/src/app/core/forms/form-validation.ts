import { Provider } from '@angular/core';
import {
  AbstractControl,
  FormGroupDirective,
  NgForm,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@incubator/contracts';

/** Shows a field's error as soon as the user types in it or leaves it, and after a submit. */
export class WhileTypingErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control?.invalid && (control.dirty || control.touched || !!form?.submitted);
  }
}

/** Add to a form component's `providers`. */
export const VALIDATE_WHILE_TYPING: Provider = {
  provide: ErrorStateMatcher,
  useClass: WhileTypingErrorStateMatcher,
};

/** For a confirmation field: equal to its sibling `otherName` (error `passwordMismatch`). */
export function matchesSibling(otherName: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const other = control.parent?.get(otherName);
    return other && control.value && control.value !== other.value ? { passwordMismatch: true } : null;
  };
}

/** Rules of a new password, the same as the API's. */
export const NEW_PASSWORD_VALIDATORS: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];

/** An http(s) address (error `url`), as the API accepts for websites and evidence links. */
export function httpUrl(control: AbstractControl): ValidationErrors | null {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  if (!value) {
    return null;
  }
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? null : { url: true };
  } catch {
    return { url: true };
  }
}

/** A whole number, typed or given (error `wholeNumber`); an empty field is left to `Validators.required`. */
export function wholeNumber(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const whole = typeof value === 'number' ? Number.isInteger(value) : /^\s*-?\d+\s*$/.test(String(value));
  return whole ? null : { wholeNumber: true };
}

/**
 * Blank text counts as missing (error `required`): the API trims what it receives. Goes with
 * `Validators.required`, which Material reads to mark the field as required.
 */
export function notBlank(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  return typeof value === 'string' && value !== '' && value.trim() === '' ? { required: true } : null;
}
