import { Locale } from '@incubator/contracts';
import { saveFile } from '../api/save-file';

/**
 * A table as CSV in the user's language, as the API's exports write it: `;` and decimal commas in
 * French, `,` and points in English; CRLF line ends; cells quoted only when they must be.
 */
export function localeCsv(rows: readonly (readonly string[])[], locale: Locale): string {
  const separator = locale === 'fr' ? ';' : ',';
  const cell = (value: string) => (value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(cell).join(separator)).join('\r\n') + '\r\n';
}

/** Cents as a plain decimal for a spreadsheet: 1550 → "15,50" in French, "15.50" in English (no currency sign). */
export function csvAmount(cents: number, locale: Locale): string {
  return (cents / 100).toFixed(2).replace('.', locale === 'fr' ? ',' : '.');
}

/** Hands the CSV to the browser as a file, with the UTF-8 BOM French Excel needs to read accents. */
export function saveCsv(document: Document, csv: string, fileName: string): void {
  saveFile(document, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), fileName);
}
