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
  /**
   * A form's own reading of an error, before the generic one: what to show above the button (a
   * message with a link), null when it has shown it at a field, undefined when it has nothing to say.
   */
  explain: (error: unknown) => FormError | null | undefined = () => undefined,
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
      const generic = formError(form, error, aliases);
      const explained = explain(error);
      state.error.set(explained === undefined ? generic : explained);
    },
  });
}
