import PDFDocument = require('pdfkit');
import type { BoardQuarterResponse, BreakdownRow, Locale } from '@incubator/contracts';
import { BOARD_PACK_TEXTS, change, FIGURE_LABELS, METHOD, TARGET_LABELS } from './board-pack.texts';

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4 portrait
const ACCENT = '#1f4e79';

/** Numbers as the recipient reads them; the standard PDF fonts have no narrow no-break space. */
export function formatNumber(value: number | string | null, locale: Locale, decimals = 0): string {
  if (value === null || value === '—') return '—';
  const n = typeof value === 'string' ? Number(value) : value;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 })
    .format(n)
    .replace(/[\u202f\u00a0]/g, ' ');
}

function formatChange(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  return `${value > 0 ? '+' : ''}${formatNumber(value, locale, 1)} %`;
}

/**
 * The quarterly board pack as a PDF in one language: cover, headline figures with their change,
 * an eight-quarter chart, breakdowns, the quarter's rounds, targets, space, and the method page.
 * Text is real text (extractable, searchable), drawn with pdfkit's standard Helvetica.
 */
export function renderBoardPackPdf(data: BoardQuarterResponse, locale: Locale, generatedOn: string): Promise<Buffer> {
  const t = BOARD_PACK_TEXTS[locale];
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${t.title} ${t.quarter(data.quarter)} — ${data.organisationName}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Cover
  doc.moveDown(8).font('Helvetica-Bold').fontSize(30).fillColor(ACCENT).text(t.title, { align: 'center' });
  doc.moveDown(0.5).fontSize(22).fillColor('black').text(t.quarter(data.quarter), { align: 'center' });
  doc.moveDown(1).font('Helvetica').fontSize(16).text(data.organisationName, { align: 'center' });
  doc.moveDown(0.5).fontSize(11).fillColor('#555').text(t.generated(generatedOn), { align: 'center' });

  // Headline figures
  doc.addPage();
  heading(doc, t.headline);
  const decimals = (key: string) => (key.endsWith('_eur') ? 2 : key.endsWith('rate') || key.endsWith('completion') || key === 'headcount' ? 1 : 0);
  table(
    doc,
    t.columns,
    data.headline.map((f) => [
      FIGURE_LABELS[locale][f.key],
      formatNumber(f.value, locale, decimals(f.key)),
      formatNumber(f.previousQuarter, locale, decimals(f.key)),
      formatChange(change(f.value, f.previousQuarter), locale),
      formatNumber(f.previousYear, locale, decimals(f.key)),
      formatChange(change(f.value, f.previousYear), locale),
    ]),
    [150, 75, 80, 50, 80, 60],
  );
  doc.moveDown(0.5).fontSize(9).fillColor('#555').text(t.suppressed).fillColor('black');
  doc.moveDown(1);
  heading(doc, t.chart);
  barChart(doc, data, locale);

  // Breakdowns
  doc.addPage();
  heading(doc, t.breakdown);
  for (const [title, rows] of [[t.bySite, data.bySite], [t.byProgram, data.byProgram], [t.bySector, data.bySector]] as Array<[string, BreakdownRow[]]>) {
    subheading(doc, title);
    table(doc, t.breakdownColumns, rows.map((r) => [r.name, String(r.activeStartups), formatNumber(r.jobsCreated, locale), formatNumber(r.headcount, locale, 1), formatNumber(r.fundsRaisedEur, locale, 2)]), [165, 80, 75, 75, 100]);
    doc.moveDown(0.8);
  }

  // Rounds, targets, space
  doc.addPage();
  heading(doc, t.rounds);
  if (data.rounds.length) {
    table(doc, t.roundColumns, data.rounds.map((r) => [r.startupName, r.kind, formatNumber(r.amountEur, locale, 2), r.closedOn, r.lead ?? '—']), [150, 70, 95, 70, 110]);
  } else {
    doc.fontSize(10).text(t.noRounds);
  }
  doc.moveDown(1);
  heading(doc, t.targets);
  if (data.targets.length) {
    table(doc, t.targetColumns, data.targets.map((g) => [TARGET_LABELS[locale][g.key], String(g.year), formatNumber(g.target, locale, 2), formatNumber(g.actual, locale, 2)]), [180, 60, 120, 120]);
  } else {
    doc.fontSize(10).text(t.noTargets);
  }
  doc.moveDown(1);
  heading(doc, t.space);
  for (const line of t.spaceLines(data.space.leasedM2, data.space.leasableM2, data.space.occupancyRate, data.space.jobsPer100M2)) doc.fontSize(10).text(line.replace(/[\u202f\u00a0]/g, ' '));

  // Method
  doc.addPage();
  heading(doc, t.method);
  for (const paragraph of METHOD[locale]) doc.fontSize(10).text(paragraph, { paragraphGap: 6 });

  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Bold').fontSize(16).fillColor(ACCENT).text(text, MARGIN).fillColor('black').font('Helvetica').moveDown(0.4);
}

function subheading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Bold').fontSize(12).text(text, MARGIN).font('Helvetica').moveDown(0.2);
}

/** A plain table: bold header, one line per row, a new page (with the header again) when full. */
function table(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], widths: number[]): void {
  const rowHeight = 16;
  const line = (cells: string[], bold: boolean) => {
    if (doc.y + rowHeight > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y + 3, { width: widths[i] - 4, height: rowHeight, ellipsis: true, lineBreak: false, align: i === 0 ? 'left' : 'right' });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + rowHeight).lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), y + rowHeight).strokeColor('#ddd').stroke();
    doc.x = MARGIN;
    doc.y = y + rowHeight;
  };
  line(headers, true);
  rows.forEach((row) => line(row, false));
  doc.font('Helvetica').moveDown(0.3);
}

/** Jobs created and funds raised per quarter as two rows of bars, labelled with the quarter. */
function barChart(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale): void {
  const jobs = data.headline.find((f) => f.key === 'jobs_created')!.series;
  const funds = data.headline.find((f) => f.key === 'funds_raised_eur')!.series;
  const quarters = jobs.map((_, i) => shiftLabel(data.quarter, jobs.length - 1 - i));
  const drawRow = (values: Array<number | null>, label: string, top: number, color: string) => {
    const max = Math.max(1, ...values.map((v) => v ?? 0));
    const height = 70;
    const barWidth = WIDTH / values.length - 12;
    doc.fontSize(9).fillColor('black').text(label, MARGIN, top);
    values.forEach((v, i) => {
      const x = MARGIN + i * (barWidth + 12);
      const h = ((v ?? 0) / max) * height;
      doc.rect(x, top + 14 + height - h, barWidth, h).fill(color);
      doc.fillColor('black').fontSize(7).text(formatNumber(v, locale), x, top + 16 + height, { width: barWidth, align: 'center' });
      doc.text(quarters[i], x, top + 26 + height, { width: barWidth, align: 'center' });
    });
    doc.y = top + 40 + height;
    doc.x = MARGIN;
  };
  drawRow(jobs, FIGURE_LABELS[locale].jobs_created, doc.y, ACCENT);
  drawRow(funds, FIGURE_LABELS[locale].funds_raised_eur, doc.y + 10, '#c55a11');
}

function shiftLabel(quarter: string, back: number): string {
  const [year, q] = quarter.split('-Q').map(Number);
  const index = year * 4 + q - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
