import type { Locale } from '@incubator/contracts';

/**
 * How the board pack writes numbers, dates and periods for its reader: French "1 234,5", "31/12/2026",
 * "T3 2026"; English "1,234.5", "31 Dec 2026", "Q3 2026". The PDF's standard fonts have no narrow
 * no-break space, so grouping uses a plain space. Formatters are built once (Intl objects are costly).
 */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/** A number as the reader reads it; null (no data, or withheld) is a dash. */
export function formatNumber(value: number | string | null, locale: Locale, decimals = 0): string {
  if (value === null || value === '—') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  return numberFormat(locale, decimals).format(n).replace(/[\u202f\u00a0]/g, ' ');
}

/** Euros without cents above 1 000 (a board reads "1 200 000 €", not "1 200 000,00 €"). */
export function formatEuros(value: number | string | null, locale: Locale): string {
  if (value === null) return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  const text = formatNumber(n, locale, Math.abs(n) >= 1000 ? 0 : 2);
  return text === '—' ? text : locale === 'fr' ? `${text} €` : `€${text}`;
}

/** Short euros for chart axes and tiles: "1,2 M€" / "€1.2M", "350 k€" / "€350k". */
export function formatEurosShort(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  const abs = Math.abs(value);
  const [scaled, unit] = abs >= 1e6 ? [value / 1e6, 'M'] : abs >= 1e3 ? [value / 1e3, 'k'] : [value, ''];
  const text = formatNumber(scaled, locale, abs >= 1e3 && Math.abs(scaled) < 100 ? 1 : 0);
  return locale === 'fr' ? `${text} ${unit}€` : `€${text}${unit}`;
}

/** A percentage already in % units (71.4 → "71,4 %" / "71.4%"). */
export function formatPercent(value: number | null, locale: Locale, decimals = 1): string {
  if (value === null) return '—';
  return locale === 'fr' ? `${formatNumber(value, locale, decimals)} %` : `${formatNumber(value, locale, decimals)}%`;
}

/** A signed change in % ("+14,3 %"), or a dash when there is nothing to compare with. */
export function formatChange(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '-' : '';
  return `${sign}${formatPercent(Math.abs(value), locale)}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO day ("2026-12-31") as "31/12/2026" (fr) or "31 Dec 2026" (en); anything else is left as it is. */
export function formatDate(day: string | null, locale: Locale): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  return locale === 'fr' ? `${date}/${month}/${year}` : `${Number(date)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/** The day before an ISO day: the last day of a half-open range. */
export function dayBefore(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** "2026-Q3" as "T3 2026" (fr) or "Q3 2026" (en). */
export function quarterLabel(quarter: string, locale: Locale): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  return `${locale === 'fr' ? 'T' : 'Q'}${match[2]} ${match[1]}`;
}

/** The quarter `back` quarters before ("2026-Q1", 1 → "2025-Q4"). */
export function previousQuarter(quarter: string, back: number): string {
  const [year, q] = quarter.split('-Q').map(Number);
  const index = year * 4 + q - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
