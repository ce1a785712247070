import { AbstractControl, ValidationErrors } from '@angular/forms';
import { Locale } from '@incubator/contracts';
import { numberFormat } from '../i18n/intl-format';

const EUROS = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/;

/**
 * "15,50" or "15.50" euros → 1550 cents, read digit by digit so that no binary fraction
 * (15.5 × 100 = 1550.0000000000002 on some values) can creep in. Null when it is not an amount.
 */
export function eurosToCents(text: string): number | null {
  const match = EUROS.exec(text);
  if (!match) {
    return null;
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(fraction);
}

/** 1550 → "15.50" ("15,50" in French), for an input field that `eurosToCents` reads back. */
export function centsToEuros(cents: number, locale: Locale = 'en'): string {
  const whole = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  // What a person types in their language (a French field reads "18,50"); eurosToCents reads both.
  return `${cents < 0 && whole === 0 ? '-' : ''}${whole}${locale === 'fr' ? ',' : '.'}${rest}`;
}

/** An amount in cents as money in the user's language: 123456 → "1 234,56 €" in French. */
export function formatCents(cents: number, locale: Locale): string {
  return numberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A form validator: an amount `eurosToCents` can read (error `euroAmount`); empty is left to `required`. */
export function euroAmount(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return eurosToCents(String(value)) === null ? { euroAmount: true } : null;
}
