import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { CURRENCY_MINOR_UNITS, Currency, parseMinorUnits } from '@incubator/contracts';
import { numberFormat } from '../i18n/intl-format';

/** A decimal string of the API ("1500000.50") as money in the user's language: "1 500 000,50 €". */
export function formatAmount(decimal: string | null | undefined, currency: string, locale: string): string {
  if (decimal === null || decimal === undefined || decimal === '' || Number.isNaN(Number(decimal))) {
    return '—';
  }
  return numberFormat(locale, { style: 'currency', currency }).format(Number(decimal));
}

/** Euros, without cents: the ecosystem figures are large sums. */
export function formatEuros(decimal: string | null | undefined, locale: string): string {
  if (decimal === null || decimal === undefined || decimal === '' || Number.isNaN(Number(decimal))) {
    return '—';
  }
  return numberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
    Number(decimal),
  );
}

/** What a user types ("1 500 000,50") as the API's decimal string ("1500000.50"). */
export function normaliseDecimal(text: string): string {
  return text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
}

/**
 * A positive amount in the currency given by `currency()`, with no more decimals than it has
 * (error `amount`). Empty is left to `Validators.required`.
 */
export function amountIn(currency: () => Currency): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const text = typeof control.value === 'string' ? normaliseDecimal(control.value) : '';
    if (!text) {
      return null;
    }
    const minor = parseMinorUnits(text, CURRENCY_MINOR_UNITS[currency()] ?? 2);
    return minor !== null && minor > 0n ? null : { amount: true };
  };
}

const RATE = /^\d{1,6}(?:\.\d{1,10})?$/;

/** An exchange rate, EUR for one unit of the currency (error `rate`). */
export function exchangeRate(control: AbstractControl): ValidationErrors | null {
  const text = typeof control.value === 'string' ? normaliseDecimal(control.value) : '';
  if (!text) {
    return null;
  }
  return RATE.test(text) && Number(text) > 0 ? null : { rate: true };
}
