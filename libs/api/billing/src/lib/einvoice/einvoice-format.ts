/** Small pure helpers shared by the CII XML and the PDF: cents, basis points and dates as text. */

/** Integer cents as a decimal with exactly two digits (`-12.5 €` → `-12.50`), no float arithmetic. */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points as a percentage without trailing zeros (2000 → `20`, 550 → `5.5`, 1234 → `12.34`). */
export function percent(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(Math.round(bp));
  const decimals = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 100)}${decimals ? `.${decimals}` : ''}`;
}

/** A quantity with at most four decimals, no exponent. */
export function decimalQuantity(quantity: number): string {
  return String(Number(quantity.toFixed(4)));
}

/** `YYYY-MM-DD` → `YYYYMMDD` (UNTDID 2379 format 102). */
export function format102(date: string): string {
  return date.replace(/-/g, '');
}

/** The day before a `YYYY-MM-DD` date: the inclusive end of a half-open period. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** `1 234,56 €` (fr) or `€1,234.56` (en); plain spaces, so every font and text extractor reads them. */
export function formatMoney(cents: number, currency: string, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency })
    .format(cents / 100)
    .replace(/[\u202f\u00a0]/g, ' ');
}

export function formatPercent(bp: number, locale: 'fr' | 'en'): string {
  const text = percent(bp);
  return locale === 'fr' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/** `31/01/2027` in both languages (the English PDF is read by French companies' partners: day first). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function formatQuantity(quantity: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 4 })
    .format(quantity)
    .replace(/[\u202f\u00a0]/g, ' ');
}
