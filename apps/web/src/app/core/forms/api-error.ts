import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl } from '@angular/forms';
import { ApiErrorResponse } from '@incubator/contracts';

/** The API's error body, when the error is an HTTP answer that carries one. */
export function apiError(error: unknown): ApiErrorResponse | null {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) {
    return null;
  }
  const body = error.error as Partial<ApiErrorResponse>;
  return typeof body.message === 'string' ? (body as ApiErrorResponse) : null;
}

export function httpStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/**
 * Shows the API's field messages (already in the user's language) at their fields, as a
 * `server` error that the next edit of the field clears. Returns the messages of fields the
 * form does not have, for the form to show above its button.
 */
export function showFieldErrors(
  form: AbstractControl,
  error: unknown,
  /** API field path → form control path, where they differ. */
  aliases: Readonly<Record<string, string>> = {},
): { shown: boolean; others: string[] } {
  const fields = apiError(error)?.fields ?? {};
  const others: string[] = [];
  let shown = false;
  for (const [path, messages] of Object.entries(fields)) {
    const control = form.get(aliases[path] ?? path);
    if (!control) {
      others.push(...messages);
    } else if (messages.length > 0) {
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
      shown = true;
    }
  }
  return { shown, others };
}

/** A link after a form's message, to what the message names (a translation key for its text). */
export interface FormErrorLink {
  path: string[];
  key: string;
  params?: Record<string, unknown>;
}

/**
 * What a form shows above its button: a translation key, or a message the API wrote in the user's
 * language; with a link, optionally.
 */
export type FormError = (
  | { key: string; params?: Record<string, unknown>; text?: undefined }
  | { text: string; key?: undefined; params?: undefined }
) & { link?: FormErrorLink };

/**
 * For a 400, or another 4xx that names fields (a 409 "name already used", a 422 at `status`), shows
 * the field messages at their fields and returns what is left to say above the button (null when
 * every message is at a field). For other errors, the generic message.
 */
export function formError(
  form: AbstractControl,
  error: unknown,
  aliases: Readonly<Record<string, string>> = {},
): FormError | null {
  const status = httpStatus(error);
  if (status === 400 || (status !== null && status > 400 && status < 500 && apiError(error)?.fields)) {
    const { shown, others } = showFieldErrors(form, error, aliases);
    if (others.length > 0) {
      return { text: others.join(' ') };
    }
    if (shown) {
      return null;
    }
  }
  return genericError(error);
}

/** The message for an error a page has no text of its own for. */
export function genericError(error: unknown): FormError {
  const status = httpStatus(error);
  if (status === 0) {
    return { key: 'errors.network' };
  }
  if (status === 429) {
    return { key: 'errors.tooManyAttempts' };
  }
  const message = apiError(error)?.message;
  // A 4xx message explains what to fix; a 5xx message is not for the user.
  return status !== null && status < 500 && message ? { text: message } : { key: 'errors.unexpected' };
}
