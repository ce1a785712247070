import { signal, WritableSignal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { Observable } from 'rxjs';
import { FormError, formError } from './api-error';

/** What a form shows while it is sent: busy, then the error above its button. */
export interface SubmitState {
  readonly submitting: WritableSignal<boolean>;
  readonly error: WritableSignal<FormError | null>;
}

export function submitState(): SubmitState {
  return { submitting: signal(false), error: signal<FormError | null>(null) };
}

/**
 * Sends a form once at a time: an invalid form only shows its errors; the API's field errors go
 * to their fields (see `formError`) and the rest above the button.
 */
export function submitForm<T>(
  form: AbstractControl,
  state: SubmitState,
  request: () => Observable<T>,
  done: (value: T) => void,
  aliases: Readonly<Record<string, string>> = {},
): void {
  if (state.submitting()) {
    return;
  }
  if (form.invalid) {
    form.markAllAsTouched();
    return;
  }
  state.submitting.set(true);
  state.error.set(null);
  request().subscribe({
    next: (value) => {
      state.submitting.set(false);
      done(value);
    },
    error: (error: unknown) => {
      state.submitting.set(false);
      state.error.set(formError(form, error, aliases));
    },
  });
}
