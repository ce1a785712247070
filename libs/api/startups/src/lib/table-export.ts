import { Workbook } from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';
export type TableCell = string | number | Date | null;

/** One table as CSV or XLSX through exceljs (one library for both; typed cells in XLSX), header in bold. */
export async function renderTable(sheetName: string, headers: string[], rows: TableCell[][], format: TableFormat): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  rows.forEach((row) => sheet.addRow(row));
  sheet.columns.forEach((column) => (column.width = 18));
  const buffer = format === 'csv' ? await workbook.csv.writeBuffer() : await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
