import { Workbook, Worksheet } from 'exceljs';
import type { BoardQuarterResponse, BreakdownRow, Locale } from '@incubator/contracts';
import { BOARD_PACK_TEXTS, change, FIGURE_LABELS, METHOD, TARGET_LABELS } from './board-pack.texts';

/** The board pack's tables as a workbook, one sheet per table, numbers as numbers (null → empty cell). */
export async function renderBoardPackXlsx(data: BoardQuarterResponse, locale: Locale): Promise<Buffer> {
  const t = BOARD_PACK_TEXTS[locale];
  const workbook = new Workbook();
  workbook.title = `${t.title} ${data.quarter} — ${data.organisationName}`;
  const sheet = (name: string, headers: string[], rows: Array<Array<string | number | null>>): Worksheet => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    rows.forEach((row) => ws.addRow(row.map((cell) => (cell === null ? '' : cell))));
    ws.columns.forEach((column, i) => (column.width = i === 0 ? 32 : 18));
    return ws;
  };
  const num = (text: string | null) => (text === null ? null : Number(text));
  sheet(
    t.sheets.headline,
    t.columns,
    data.headline.map((f) => [FIGURE_LABELS[locale][f.key], f.value, f.previousQuarter, change(f.value, f.previousQuarter), f.previousYear, change(f.value, f.previousYear)]),
  );
  const breakdown = (rows: BreakdownRow[]) => rows.map((r) => [r.name, r.activeStartups, num(r.jobsCreated), num(r.headcount), num(r.fundsRaisedEur)]);
  sheet(t.sheets.bySite, t.breakdownColumns, breakdown(data.bySite));
  sheet(t.sheets.byProgram, t.breakdownColumns, breakdown(data.byProgram));
  sheet(t.sheets.bySector, t.breakdownColumns, breakdown(data.bySector));
  sheet(t.sheets.rounds, t.roundColumns, data.rounds.map((r) => [r.startupName, r.kind, Number(r.amountEur), r.closedOn, r.lead]));
  sheet(t.sheets.targets, t.targetColumns, data.targets.map((g) => [TARGET_LABELS[locale][g.key], g.year, Number(g.target), num(g.actual)]));
  sheet(t.sheets.method, [t.method], METHOD[locale].map((line) => [line])).getColumn(1).width = 140;
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
