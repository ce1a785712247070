import { HeadlineFigure } from '@incubator/contracts';
import { formatEuros } from '../../core/funding/amounts';
import { numberFormat } from '../../core/i18n/intl-format';

const RATES: ReadonlySet<HeadlineFigure['key']> = new Set(['occupancy_rate', 'milestone_completion', 'report_completion']);

/** A headline figure in the user's language: euros, a rate (the API gives 0–100) or a count; "—" when withheld. */
export function formatFigure(key: HeadlineFigure['key'], value: number | null, locale: string): string {
  if (value === null) {
    return '—';
  }
  if (key === 'funds_raised_eur') {
    return formatEuros(String(value), locale);
  }
  if (RATES.has(key)) {
    return formatRate(value, locale);
  }
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** 87.5 → "87,5 %" / "87.5%". */
export function formatRate(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** A change in %, always signed: "+12,5 %", "−3 %", "0 %". */
export function formatChange(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    percent / 100,
  );
}

/** A decimal string of the API as a number for a chart; null stays null (withheld). */
export function toNumber(decimal: string | null): number | null {
  return decimal === null || decimal === '' || Number.isNaN(Number(decimal)) ? null : Number(decimal);
}
