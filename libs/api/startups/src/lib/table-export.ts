import { Workbook } from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';
/** A Date cell is a calendar day at UTC midnight: written as YYYY-MM-DD in CSV and shown so in XLSX. */
export type TableCell = string | number | Date | null;

/** One table as CSV or XLSX through exceljs (one library for both; typed cells in XLSX), header in bold. */
export async function renderTable(sheetName: string, headers: string[], rows: TableCell[][], format: TableFormat): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  for (const values of rows) {
    sheet.addRow(values).eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  sheet.columns.forEach((column) => (column.width = 18));
  const buffer = format === 'csv' ? await workbook.csv.writeBuffer({ dateFormat: 'YYYY-MM-DD', dateUTC: true }) : await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
