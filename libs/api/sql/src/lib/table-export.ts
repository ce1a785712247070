import { Workbook } from 'exceljs';
import type { Locale } from '@incubator/contracts';

export type TableFormat = 'csv' | 'xlsx';
/** A Date cell is a calendar day at UTC midnight: written as YYYY-MM-DD in CSV and shown so in XLSX. */
export type TableCell = string | number | Date | null;

/**
 * The one writer of every CSV and XLSX table the platform produces (startups, funding rounds, KPI reports,
 * occupancy, rent roll, report files), in the reader's locale. XLSX goes through exceljs, whose text cells
 * are string cells, never formulas; numbers (and decimal amounts given as exact strings, e.g. "263.23")
 * are number cells with a number format, so they can be summed. CSV is written here so that each cell can
 * be neutralised against formula injection, and follows the reader's spreadsheet: French Excel expects a
 * UTF-8 BOM, `;` between cells, a decimal comma and CRLF; English keeps `,`, a decimal point and LF.
 */
export async function renderTable(sheetName: string, headers: string[], rows: TableCell[][], format: TableFormat, locale: Locale): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv([headers, ...rows], locale), 'utf8');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  for (const values of rows) {
    const row = sheet.addRow(values.map((value) => (typeof value === 'string' && DECIMAL_FRACTION.test(value) ? Number(value) : value)));
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      else if (typeof value === 'string' && DECIMAL_FRACTION.test(value)) cell.numFmt = decimalsFormat(value.split('.')[1].length);
      else if (typeof value === 'number') cell.numFmt = Number.isInteger(value) ? '0' : '0.00##';
    });
  }
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** `#,##0.00` for two decimals: the spreadsheet shows the digits in the reader's own separators. */
function decimalsFormat(decimals: number): string {
  return `#,##0.${'0'.repeat(decimals)}`;
}

/**
 * A spreadsheet opening a CSV runs any cell that starts with one of these as a formula
 * (`=HYPERLINK(…)`, `+SUM(…)`, `-2+3`, `@cmd`; tab and CR are skipped before that check by some).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number (our amounts, e.g. "-263.23"): read as a number, never as a formula. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** A decimal number with a fraction ("263.23", not "123456789", which may be a SIREN): a number cell in XLSX. */
const DECIMAL_FRACTION = /^-?\d+\.\d+$/;

interface CsvDialect {
  separator: string;
  decimal: string;
  lineEnd: string;
  bom: string;
  /** Characters that force a cell into quotes (RFC 4180 with the dialect's separator). */
  needsQuotes: RegExp;
}

/** The CSV each locale's spreadsheet opens as a table without an import wizard. */
const CSV_DIALECTS: Record<Locale, CsvDialect> = {
  fr: { separator: ';', decimal: ',', lineEnd: '\r\n', bom: '\uFEFF', needsQuotes: /[";\r\n|]/ },
  en: { separator: ',', decimal: '.', lineEnd: '\n', bom: '', needsQuotes: /[",\r\n|]/ },
};

/**
 * OWASP's rule for CSV injection: a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 * single quote and is quoted, so the spreadsheet shows it as text. Numbers (and decimal amounts written
 * as text) are left as they are, so they stay numbers, with the locale's decimal separator.
 */
export function csvCell(value: TableCell, locale: Locale = 'en'): string {
  const dialect = CSV_DIALECTS[locale];
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', dialect.decimal);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (DECIMAL.test(value)) return value.replace('.', dialect.decimal);
  const neutralised = FORMULA_START.test(value);
  const text = neutralised ? `'${value}` : value;
  return neutralised || dialect.needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV in the locale's dialect: English comma-separated with LF between rows and no BOM (the format
 * exports have always had); French with a BOM, `;`, decimal commas and CRLF. No final line end.
 */
export function toCsv(rows: TableCell[][], locale: Locale = 'en'): string {
  const dialect = CSV_DIALECTS[locale];
  return dialect.bom + rows.map((row) => row.map((cell) => csvCell(cell, locale)).join(dialect.separator)).join(dialect.lineEnd);
}
