import { Workbook } from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';
/** A Date cell is a calendar day at UTC midnight: written as YYYY-MM-DD in CSV and shown so in XLSX. */
export type TableCell = string | number | Date | null;

/**
 * The one writer of every CSV and XLSX table the platform produces (startups, funding rounds, KPI reports,
 * occupancy, rent roll, report files). XLSX goes through exceljs, whose text cells are string cells, never
 * formulas. CSV is written here so that each cell can be neutralised against formula injection.
 */
export async function renderTable(sheetName: string, headers: string[], rows: TableCell[][], format: TableFormat): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv([headers, ...rows]), 'utf8');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  for (const values of rows) {
    sheet.addRow(values).eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A spreadsheet opening a CSV runs any cell that starts with one of these as a formula
 * (`=HYPERLINK(…)`, `+SUM(…)`, `-2+3`, `@cmd`; tab and CR are skipped before that check by some).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number (our amounts, e.g. "-263.23"): read as a number, never as a formula. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Characters that force a cell into quotes (RFC 4180; the same set exceljs' CSV writer quoted). */
const NEEDS_QUOTES = /[",\r\n|]/;

/**
 * OWASP's rule for CSV injection: a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 * single quote and is quoted, so the spreadsheet shows it as text. Numbers (and decimal amounts written
 * as text) are left as they are, so they stay numbers.
 */
export function csvCell(value: TableCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const neutralised = FORMULA_START.test(value) && !DECIMAL.test(value);
  const text = neutralised ? `'${value}` : value;
  return neutralised || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV: comma-separated, LF between rows, no BOM and no final newline (the format exports have always had). */
export function toCsv(rows: TableCell[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n');
}
