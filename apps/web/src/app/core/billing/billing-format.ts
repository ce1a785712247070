import { AbstractControl, ValidationErrors } from '@angular/forms';
import {
  BillingRunStatus,
  ChargeKind,
  InvoiceKind,
  InvoiceLineKind,
  InvoiceStatus,
  Locale,
  PaymentKind,
  PaymentMethod,
  SettlementStatus,
  VatCategory,
} from '@incubator/contracts';
import { eurosToCents, formatCents } from '../space/money';
import { dateTimeFormat, numberFormat } from '../i18n/intl-format';

export { formatCents };

/** Spaces a French user types or pastes in an amount: "1 234,56" (plain, no-break, narrow no-break). */
const GROUPING = /[\s\u00a0\u202f]/g;

/**
 * Euros as typed ("1 234,56", "-15.5", "12 €") → cents, exactly (digit by digit, see `eurosToCents`).
 * A minus sign only when `signed` (a discount, a deposit refund). Null when it is not an amount.
 */
export function parseEuros(text: string, signed = false): number | null {
  let value = text.replace(GROUPING, '').replace(/€$/, '');
  const negative = value.startsWith('-');
  if (negative) {
    if (!signed) {
      return null;
    }
    value = value.slice(1);
  }
  const cents = eurosToCents(value);
  if (cents === null) {
    return null;
  }
  return negative ? -cents : cents;
}

/** A form validator for `parseEuros` (the house's `decimal` message); empty is left to `required`. */
export function euros(signed = false, allowZero = false) {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') {
      return null;
    }
    const cents = parseEuros(String(value), signed);
    return cents === null || (!allowZero && cents === 0) ? { decimal: true } : null;
  };
}

/** Cents → what `parseEuros` reads back in the user's language: 123456 → "1234,56" in French. */
export function centsToInput(cents: number, locale: Locale): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return sign + (locale === 'fr' ? text.replace('.', ',') : text);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as on an invoice: 01/12/2026 in French (dd/mm/yyyy), 12/01/2026 in English. */
export function formatDay(day: string | null | undefined, locale: Locale): string {
  const match = day ? DAY.exec(day) : null;
  if (!match) {
    return day ?? '';
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "2026-11" → "novembre 2026" / "November 2026". */
export function formatMonth(month: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) {
    return month;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A billing period, its end exclusive as the API sends it: shown with its last day included. */
export function formatPeriod(start: string | null, end: string | null, locale: Locale): string {
  if (!start || !end) {
    return '';
  }
  const match = DAY.exec(end);
  if (!match) {
    return `${formatDay(start, locale)} – ${end}`;
  }
  const last = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - 86_400_000);
  return `${formatDay(start, locale)} – ${formatDay(last.toISOString().slice(0, 10), locale)}`;
}

/** "20" or "5,5" % → basis points (2000, 550); null when it is not a rate. */
export function percentToBp(text: string): number | null {
  const match = /^\s*(\d{1,2}|100)(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) {
    return null;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 2000 basis points → "20 %" in French, "20%" in English. */
export function formatRate(bp: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** Translation keys of the codes the API sends: a page shows labels, never codes. */
export const billingLabels = {
  invoiceStatus: (status: InvoiceStatus) => `billing.invoiceStatuses.${status}`,
  settlement: (settlement: SettlementStatus | null) => (settlement ? `billing.settlements.${settlement}` : 'billing.settlements.none'),
  invoiceKind: (kind: InvoiceKind) => `billing.invoiceKinds.${kind}`,
  lineKind: (kind: InvoiceLineKind) => `billing.lineKinds.${kind}`,
  chargeKind: (kind: ChargeKind) => `billing.lineKinds.${kind}`,
  paymentKind: (kind: PaymentKind) => `billing.paymentKinds.${kind}`,
  paymentMethod: (method: PaymentMethod) => `billing.paymentMethods.${method}`,
  runStatus: (status: BillingRunStatus) => `billing.runStatuses.${status}`,
  vatCategory: (category: VatCategory) => `billing.vatCategories.${category}`,
} as const;

/** The first and last month (YYYY-MM) of a quarter such as "2026-Q1". */
export function quarterMonths(quarter: string): { from: string; to: string } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  const pad = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${pad(first)}`, to: `${year}-${pad(first + 2)}` };
}
