import { Workbook, Worksheet } from 'exceljs';
import { labelOf, ROUND_KIND_LABELS, SECTOR_LABELS } from '@incubator/contracts';
import type { BoardQuarterResponse, BreakdownRow, HeadlineFigure, Locale } from '@incubator/contracts';
import { dayBefore, previousQuarter, quarterLabel } from './board-pack.format';
import { BOARD_PACK_TEXTS, change, FIGURE_LABELS, LONG_TERM_STATUS_LABELS, METHOD, OUTCOMES_TEXTS, share, TARGET_LABELS } from './board-pack.texts';

/** Excel number formats: Excel shows the reader's own separators ("1 234,5" in a French Excel). */
export const XLSX_FORMATS = {
  count: '#,##0',
  decimal: '#,##0.0',
  euros: '#,##0.00 "€"',
  percent: '0.0" %"',
  change: '+0.0" %";-0.0" %";0.0" %"',
  date: { fr: 'dd/mm/yyyy', en: 'd mmm yyyy' },
} as const;

type Cell = string | number | Date | null;

const figureFormat = (key: HeadlineFigure['key']): string =>
  key === 'funds_raised_eur' ? XLSX_FORMATS.euros : key === 'headcount' ? XLSX_FORMATS.decimal : key.endsWith('rate') || key.endsWith('completion') ? XLSX_FORMATS.percent : XLSX_FORMATS.count;

/**
 * The board pack's tables as a workbook, one sheet per table: translated headers and labels (never
 * codes), numbers as numbers with number formats, dates as dates; a withheld or missing figure is an
 * empty cell. Header row frozen, with filters.
 */
export async function renderBoardPackXlsx(data: BoardQuarterResponse, locale: Locale): Promise<Buffer> {
  const t = BOARD_PACK_TEXTS[locale];
  const workbook = new Workbook();
  workbook.title = `${t.title} ${quarterLabel(data.quarter, locale)} — ${data.organisationName}`;
  workbook.creator = data.organisationName;
  const sheet = (name: string, headers: string[], rows: Cell[][], formats: Array<string | null>, firstWidth = 34): Worksheet => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(headers);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    for (const row of rows) ws.addRow(row.map((cell) => (cell === null ? '' : cell)));
    ws.columns.forEach((column, i) => {
      column.width = i === 0 ? firstWidth : Math.max(14, headers[i].length + 4);
      const format = formats[i];
      if (format) column.numFmt = format;
    });
    if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    return ws;
  };
  const num = (text: string | null) => (text === null ? null : Number(text));

  const headline = sheet(
    t.sheets.headline,
    t.columns,
    data.headline.map((f) => [FIGURE_LABELS[locale][f.key], f.value, f.previousQuarter, change(f.value, f.previousQuarter), f.previousYear, change(f.value, f.previousYear)]),
    [null, null, null, XLSX_FORMATS.change, null, XLSX_FORMATS.change],
  );
  // Per-row formats for the headline values (a column mixes euros, counts and rates).
  data.headline.forEach((f, i) => {
    const row = headline.getRow(i + 2);
    for (const column of [2, 3, 5]) row.getCell(column).numFmt = figureFormat(f.key);
  });

  const quarters = data.headline[0]?.series.map((_, i, all) => previousQuarter(data.quarter, all.length - 1 - i)) ?? [];
  sheet(
    t.sheets.series,
    [t.seriesFirstColumn, ...data.headline.map((f) => FIGURE_LABELS[locale][f.key])],
    quarters.map((q, i) => [quarterLabel(q, locale), ...data.headline.map((f) => f.series[i])]),
    [null, ...data.headline.map((f) => figureFormat(f.key))],
    14,
  );

  const breakdownFormats = [null, XLSX_FORMATS.count, XLSX_FORMATS.count, XLSX_FORMATS.decimal, XLSX_FORMATS.euros];
  const breakdown = (rows: BreakdownRow[], name: (row: BreakdownRow) => string) => rows.map((r) => [name(r), r.activeStartups, num(r.jobsCreated), num(r.headcount), num(r.fundsRaisedEur)]);
  sheet(t.sheets.bySite, t.breakdownColumns, breakdown(data.bySite, (r) => r.name), breakdownFormats);
  sheet(t.sheets.byProgram, t.breakdownColumns, breakdown(data.byProgram, (r) => r.name), breakdownFormats);
  sheet(t.sheets.bySector, t.breakdownColumns, breakdown(data.bySector, (r) => labelOf(SECTOR_LABELS, locale, r.id)), breakdownFormats);
  sheet(
    t.sheets.rounds,
    t.roundColumns,
    data.rounds.map((r) => [r.startupName, labelOf(ROUND_KIND_LABELS, locale, r.kind), Number(r.amountEur), new Date(`${r.closedOn}T00:00:00Z`), r.lead]),
    [null, null, XLSX_FORMATS.euros, XLSX_FORMATS.date[locale], null],
  );
  const targetsSheet = sheet(
    t.sheets.targets,
    t.targetColumns,
    data.targets.map((g) => [TARGET_LABELS[locale][g.key], g.year, Number(g.target), num(g.actual), share(g.actual, g.target)]),
    [null, '0', null, null, XLSX_FORMATS.percent],
  );
  data.targets.forEach((g, i) => {
    const format = g.key === 'funds_raised_eur' ? XLSX_FORMATS.euros : XLSX_FORMATS.count;
    for (const column of [3, 4]) targetsSheet.getRow(i + 2).getCell(column).numFmt = format;
  });
  const space = data.space;
  const spaceSheet = sheet(t.sheets.space, t.spaceColumns, t.spaceRows.map((label, i) => [label, [space.leasedM2, space.leasableM2, space.occupancyRate, space.jobsPer100M2][i]]), [null, null]);
  [XLSX_FORMATS.count, XLSX_FORMATS.count, XLSX_FORMATS.percent, XLSX_FORMATS.decimal].forEach((format, i) => (spaceSheet.getRow(i + 2).getCell(2).numFmt = format));
  // Long-run outcomes: the figures since the start and the long-term targets, survival, conversion.
  const o = data.outcomes;
  const ot = OUTCOMES_TEXTS[locale];
  const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  const cumulative: Array<[string, number | null, string]> = [
    [ot.tiles.funds, num(o.cumulative.fundsRaisedEur), XLSX_FORMATS.euros],
    [ot.tiles.companies, o.cumulative.companies, XLSX_FORMATS.count],
    [ot.tiles.jobs, o.cumulative.jobs, XLSX_FORMATS.count],
    [ot.tiles.survival, o.survival.organisation.rate, XLSX_FORMATS.percent],
    [ot.tiles.conversion, o.conversion.total.rate, XLSX_FORMATS.percent],
  ];
  const longTerm = sheet(
    ot.sheets.longTerm,
    ot.longTermColumns,
    [
      ...o.longTermTargets.map((g): Cell[] => [TARGET_LABELS[locale][g.key], g.year, Number(g.target), num(g.actual), num(g.projected), LONG_TERM_STATUS_LABELS[locale][g.status]]),
      ...(o.longTermTargets.length ? [[null, null, null, null, null, null]] : []),
      ...cumulative.map(([label, value]): Cell[] => [label, null, null, value, null, null]),
    ],
    [null, '0', null, null, null, null],
  );
  o.longTermTargets.forEach((g, i) => {
    const format = g.key === 'total_funds_eur' ? XLSX_FORMATS.euros : XLSX_FORMATS.count;
    for (const column of [3, 4, 5]) longTerm.getRow(i + 2).getCell(column).numFmt = format;
  });
  const firstCumulative = o.longTermTargets.length ? o.longTermTargets.length + 3 : 2;
  cumulative.forEach(([, , format], i) => (longTerm.getRow(firstCumulative + i).getCell(4).numFmt = format));
  sheet(
    ot.sheets.survival,
    [ot.levelColumn, ...ot.survivalColumns],
    [
      [ot.level.organisation, ot.total, null, null, o.survival.organisation.startups, o.survival.organisation.surviving, o.survival.organisation.rate],
      ...o.survival.byProgram.map((r): Cell[] => [ot.level.program, r.name, r.name, null, r.startups, r.surviving, r.rate]),
      ...o.survival.byCohort.map((r): Cell[] => [ot.level.cohort, r.name, r.programName, day(r.endsOn ? dayBefore(r.endsOn) : null), r.startups, r.surviving, r.rate]),
    ],
    [null, null, null, XLSX_FORMATS.date[locale], XLSX_FORMATS.count, XLSX_FORMATS.count, XLSX_FORMATS.percent],
    16,
  );
  sheet(
    ot.sheets.conversion,
    ot.conversionColumns,
    [
      ...o.conversion.byCall.map((c): Cell[] => [c.title[locale], c.cohortName, day(c.closesOn), c.submitted, c.admitted, c.enrolled, c.rate]),
      [ot.total, null, null, o.conversion.total.submitted, o.conversion.total.admitted, o.conversion.total.enrolled, o.conversion.total.rate],
    ],
    [null, null, XLSX_FORMATS.date[locale], XLSX_FORMATS.count, XLSX_FORMATS.count, XLSX_FORMATS.count, XLSX_FORMATS.percent],
  );
  sheet(t.sheets.method, [t.method], METHOD[locale].map((line) => [line]), [null], 140);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
