import PDFDocument = require('pdfkit');
import { labelOf, ROUND_KIND_LABELS, SECTOR_LABELS } from '@incubator/contracts';
import type { BoardQuarterResponse, BreakdownRow, HeadlineFigure, Locale } from '@incubator/contracts';
import { drawColumnChart, drawHorizontalBars } from './board-pack.charts';
import type { ChartBox } from './board-pack.charts';
import { dayBefore, formatChange, formatDate, formatEuros, formatEurosShort, formatNumber, formatPercent, previousQuarter, quarterLabel } from './board-pack.format';
import { BOARD_PACK_TEXTS, change, FIGURE_LABELS, formatFigure, LONG_TERM_STATUS_LABELS, METHOD, OUTCOMES_TEXTS, share, summaryComment, TARGET_LABELS } from './board-pack.texts';
import type { BoardPackTexts } from './board-pack.texts';


const PAGE_WIDTH = 595.28; // A4 portrait
const PAGE_HEIGHT = 841.89;
const MARGIN = 50;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - MARGIN - 18; // room for the footer
const ACCENT = '#1f4e79';
const SECOND = '#c55a11';
const GREEN = '#2e7d32';
const RED = '#c62828';
const MUTED = '#6b6b6b';
const LIGHT = '#eef3f8';
/** Rounds listed in the PDF (the largest); the workbook lists them all. */
const LARGEST_ROUNDS = 20;

export interface BoardPackPdfOptions {
  /** The organisation's logo (PNG or JPEG) for the cover; a logo pdfkit cannot read is left out. */
  logo?: Buffer | null;
}

/**
 * The quarterly board pack as a PDF in one language: a cover (logo, period), the executive summary
 * (headline tiles with their change and a one-line comment computed from the figures, targets),
 * eight-quarter charts, the breakdowns, a page per site, the quarter's rounds and space, and the
 * method page; "Page n / N" on every page but the cover. Text is real text (extractable,
 * searchable), drawn with pdfkit's standard Helvetica; charts are vector drawings.
 */
export function renderBoardPackPdf(data: BoardQuarterResponse, locale: Locale, generatedOn: string, options: BoardPackPdfOptions = {}): Promise<Buffer> {
  const t = BOARD_PACK_TEXTS[locale];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${t.title} ${t.quarter(data.quarter)} — ${data.organisationName}`, Author: data.organisationName },
    lang: locale === 'fr' ? 'fr-FR' : 'en-GB',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  cover(doc, data, locale, t, generatedOn, options.logo ?? null);
  summaryPage(doc, data, locale, t);
  chartsPage(doc, data, locale, t);
  outcomesPage(doc, data, locale);
  breakdownPage(doc, data, locale, t);
  for (const site of data.bySite) sitePage(doc, data, site, locale, t);
  roundsPage(doc, data, locale, t);
  methodPage(doc, data, locale, t);
  footers(doc, data, t);

  doc.end();
  return done;
}

// ——— Pages ———

function cover(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale, t: BoardPackTexts, generatedOn: string, logo: Buffer | null): void {
  doc.rect(0, 0, PAGE_WIDTH, 12).fill(ACCENT);
  let y = 150;
  if (logo) {
    try {
      doc.image(logo, MARGIN + WIDTH / 2 - 90, 90, { fit: [180, 110], align: 'center', valign: 'center' });
      y = 240;
    } catch {
      // An unreadable logo leaves the cover without it rather than failing the pack.
    }
  }
  doc.font('Helvetica').fontSize(13).fillColor(MUTED).text(data.organisationName, MARGIN, y, { width: WIDTH, align: 'center' });
  doc.font('Helvetica-Bold').fontSize(34).fillColor(ACCENT).text(t.title, MARGIN, y + 40, { width: WIDTH, align: 'center' });
  doc.font('Helvetica-Bold').fontSize(44).fillColor('#1a1a1a').text(quarterLabel(data.quarter, locale), MARGIN, y + 95, { width: WIDTH, align: 'center' });
  doc.font('Helvetica').fontSize(12).fillColor('#1a1a1a').text(t.period(data.from, dayBefore(data.to)), MARGIN, y + 160, { width: WIDTH, align: 'center' });
  doc.moveTo(MARGIN + WIDTH / 2 - 60, y + 195).lineTo(MARGIN + WIDTH / 2 + 60, y + 195).lineWidth(1.5).strokeColor(SECOND).stroke();
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(t.subtitle, MARGIN, y + 215, { width: WIDTH, align: 'center' });

  // Contents, so a reader finds the site pages.
  const sections = [t.summary, t.trends, OUTCOMES_TEXTS[locale].title, t.breakdown, ...data.bySite.map((s) => t.site(s.name)), t.rounds, t.method];
  let cy = 560;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(ACCENT).text(t.contents, MARGIN + 120, cy, { width: WIDTH - 240 });
  cy += 16;
  doc.font('Helvetica').fontSize(9).fillColor('#1a1a1a');
  for (const section of sections.slice(0, 14)) {
    doc.text(section, MARGIN + 120, cy, { width: WIDTH - 240, height: 12, lineBreak: false, ellipsis: true });
    cy += 13;
  }
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(t.generated(generatedOn), MARGIN, PAGE_HEIGHT - MARGIN - 20, { width: WIDTH, align: 'center', lineBreak: false });
}

function summaryPage(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale, t: BoardPackTexts): void {
  newPage(doc);
  heading(doc, t.summary);
  // The comment, in a tinted band.
  const comment = summaryComment(data, locale);
  doc.font('Helvetica').fontSize(11);
  const commentHeight = doc.heightOfString(comment, { width: WIDTH - 24 }) + 18;
  doc.rect(MARGIN, doc.y, WIDTH, commentHeight).fill(LIGHT);
  doc.rect(MARGIN, doc.y, 3, commentHeight).fill(ACCENT);
  doc.fillColor('#1a1a1a').text(comment, MARGIN + 14, doc.y + 9, { width: WIDTH - 24 });
  doc.y += 20;

  // Headline tiles, four by two.
  const columns = 4;
  const gap = 10;
  const tileWidth = (WIDTH - gap * (columns - 1)) / columns;
  const tileHeight = 82;
  const top = doc.y;
  data.headline.forEach((figure, i) => {
    const x = MARGIN + (i % columns) * (tileWidth + gap);
    const y = top + Math.floor(i / columns) * (tileHeight + gap);
    tile(doc, { x, y, width: tileWidth, height: tileHeight }, figure, data.quarter, locale, t);
  });
  doc.y = top + Math.ceil(data.headline.length / columns) * (tileHeight + gap) + 6;

  // Targets with their progress.
  subheading(doc, t.targets);
  if (!data.targets.length) {
    doc.font('Helvetica').fontSize(10).fillColor('#1a1a1a').text(t.noTargets, MARGIN);
  }
  for (const target of data.targets) {
    const reached = share(target.actual, target.target);
    const label = `${bare(TARGET_LABELS[locale][target.key])} (${target.year})`;
    const money = target.key === 'funds_raised_eur';
    const value = (v: string | null) => (money ? formatEuros(v, locale) : formatNumber(v, locale));
    const y = doc.y;
    doc.font('Helvetica').fontSize(9.5).fillColor('#1a1a1a').text(label, MARGIN, y, { width: 165, height: 12, lineBreak: false, ellipsis: true });
    const barX = MARGIN + 170;
    const barWidth = 140;
    doc.rect(barX, y + 1, barWidth, 9).fill('#e3e3e3');
    if (reached !== null) doc.rect(barX, y + 1, Math.min(1, reached / 100) * barWidth, 9).fill(reached >= 100 ? GREEN : ACCENT);
    doc.fillColor('#1a1a1a').text(`${value(target.actual)} / ${value(target.target)}  (${formatPercent(reached, locale, 0)})`, barX + barWidth + 8, y, { width: WIDTH - 170 - barWidth - 8, height: 12, lineBreak: false, ellipsis: true });
    doc.y = y + 18;
  }
  doc.moveDown(0.6);
  subheading(doc, t.space);
  for (const line of t.spaceLines(data.space.leasedM2, data.space.leasableM2, data.space.occupancyRate, data.space.jobsPer100M2)) {
    doc.font('Helvetica').fontSize(9.5).fillColor('#1a1a1a').text(line, MARGIN);
  }
  doc.moveDown(0.8);
  subheading(doc, t.headline);
  table(
      doc,
      t.columns,
    data.headline.map((f) => [
      bare(FIGURE_LABELS[locale][f.key]),
      formatFigure(f.key, f.value, locale),
      formatFigure(f.key, f.previousQuarter, locale),
      formatChange(change(f.value, f.previousQuarter), locale),
      formatFigure(f.key, f.previousYear, locale),
      formatChange(change(f.value, f.previousYear), locale),
    ]),
    [140, 75, 80, 55, 80, 65],
  );
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(t.suppressed, MARGIN, doc.y, { width: WIDTH });
}

function tile(doc: PDFKit.PDFDocument, box: ChartBox, figure: HeadlineFigure, quarter: string, locale: Locale, t: BoardPackTexts): void {
  doc.roundedRect(box.x, box.y, box.width, box.height, 4).lineWidth(0.8).strokeColor('#c9d6e3').stroke();
  const pad = 8;
  const inner = box.width - 2 * pad;
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(bare(FIGURE_LABELS[locale][figure.key]), box.x + pad, box.y + pad, { width: inner, height: 12, lineBreak: false, ellipsis: true });
  const value = figure.value === null && figure.series.every((v) => v === null) ? t.noData : formatFigure(figure.key, figure.value, locale, true);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1a1a1a').text(value, box.x + pad, box.y + pad + 14, { width: inner, height: 24, lineBreak: false, ellipsis: true });
  const delta = change(figure.value, figure.previousQuarter);
  const y = box.y + pad + 42;
  if (delta !== null) {
    const color = delta > 0 ? GREEN : delta < 0 ? RED : MUTED;
    triangle(doc, box.x + pad + 3, y + 4, delta, color);
    doc.font('Helvetica-Bold').fontSize(8).fillColor(color).text(`${formatChange(delta, locale)} `, box.x + pad + 10, y, { continued: true, lineBreak: false });
    doc.font('Helvetica').fillColor(MUTED).text(t.vsPrevious(previousQuarter(quarter, 1)), { lineBreak: false });
  } else {
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(`${t.vsPrevious(previousQuarter(quarter, 1))} : ${formatFigure(figure.key, figure.previousQuarter, locale, true)}`.replace(' : ', locale === 'fr' ? ' : ' : ': '), box.x + pad, y, { width: inner, height: 12, lineBreak: false, ellipsis: true });
  }
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(`${t.yearBefore(previousQuarter(quarter, 4))}${formatFigure(figure.key, figure.previousYear, locale, true)}`, box.x + pad, y + 13, { width: inner, height: 12, lineBreak: false, ellipsis: true });
}

/** ▲ or ▼ drawn as a path (the standard fonts have no arrows). */
function triangle(doc: PDFKit.PDFDocument, cx: number, cy: number, direction: number, color: string): void {
  if (direction > 0) doc.polygon([cx - 3, cy + 2.5], [cx + 3, cy + 2.5], [cx, cy - 3]).fill(color);
  else if (direction < 0) doc.polygon([cx - 3, cy - 2.5], [cx + 3, cy - 2.5], [cx, cy + 3]).fill(color);
  else doc.rect(cx - 3, cy - 0.75, 6, 1.5).fill(color);
}

function chartsPage(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale, t: BoardPackTexts): void {
  newPage(doc);
  heading(doc, t.trends);
  const quarters = data.headline[0].series.map((_, i, all) => previousQuarter(data.quarter, all.length - 1 - i));
  const labels = quarters.map((q, i): [string, string] => {
    const [year, n] = q.split('-Q');
    return [`${locale === 'fr' ? 'T' : 'Q'}${n}`, i === 0 || n === '1' ? year : ''];
  });
  const series = (key: HeadlineFigure['key']) => data.headline.find((f) => f.key === key)?.series ?? quarters.map(() => null);
  const gap = 24;
  const width = (WIDTH - gap) / 2;
  const height = 200;
  const top = doc.y + 4;
  const count = (v: number) => formatNumber(v, locale);
  const common = { labels, noData: t.noData, highlightLast: true };
  drawColumnChart(doc, { x: MARGIN, y: top, width, height }, { ...common, title: t.charts.jobs_created, values: series('jobs_created'), color: ACCENT, integer: true, formatValue: count, formatTick: count });
  drawColumnChart(doc, { x: MARGIN + width + gap, y: top, width, height }, {
    ...common,
    title: t.charts.funds_raised_eur,
    values: series('funds_raised_eur'),
    color: SECOND,
    integer: false,
    formatValue: (v) => formatEurosShort(v, locale),
    formatTick: (v) => formatEurosShort(v, locale),
  });
  const second = top + height + 30;
  drawColumnChart(doc, { x: MARGIN, y: second, width, height }, {
    ...common,
    title: t.charts.occupancy_rate,
    values: series('occupancy_rate'),
    color: '#548235',
    integer: true,
    max: 100,
    formatValue: (v) => formatPercent(v, locale, 0),
    formatTick: (v) => formatPercent(v, locale, 0),
  });
  drawColumnChart(doc, { x: MARGIN + width + gap, y: second, width, height }, { ...common, title: t.charts.active_startups, values: series('active_startups'), color: '#7f6084', integer: true, formatValue: count, formatTick: count });
  const sectors = data.bySector.map((row) => ({ label: labelOf(SECTOR_LABELS, locale, row.id), value: row.activeStartups }));
  if (sectors.length) {
    drawHorizontalBars(doc, { x: MARGIN, y: second + height + 30, width: WIDTH, height: BOTTOM - (second + height + 30) }, {
      title: t.activeBySector,
      items: sectors,
      color: ACCENT,
      formatValue: count,
      noData: '—',
    });
  }
}

/** Cohorts listed in the PDF (the most recent); the workbook lists them all. */
const RECENT_COHORTS = 12;

/**
 * Survival, conversion, the figures since the start and the long-term targets: tiles, the targets with
 * their projection and status, survival by program and by cohort, conversion by call.
 */
function outcomesPage(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale): void {
  const o = data.outcomes;
  const t = OUTCOMES_TEXTS[locale];
  newPage(doc);
  heading(doc, t.title);
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(t.intro(o.asOf, o.cumulative.since), MARGIN);
  doc.moveDown(0.6);
  const n = (v: number | null) => formatNumber(v, locale);
  const survival = o.survival.organisation;
  const tiles: Array<{ label: string; value: string; note: string }> = [
    {
      label: t.tiles.survival,
      value: survival.withheld ? '—' : survival.startups ? formatPercent(survival.rate, locale, 0) : BOARD_PACK_TEXTS[locale].noData,
      note: survival.withheld ? t.withheldNote : survival.startups ? t.ofStartups(n(survival.surviving), n(survival.startups)) : t.noCohort,
    },
    {
      label: t.tiles.conversion,
      value: o.conversion.total.withheld ? '—' : o.conversion.total.submitted ? formatPercent(o.conversion.total.rate, locale, 0) : BOARD_PACK_TEXTS[locale].noData,
      note: o.conversion.total.withheld ? t.withheldNote : o.conversion.total.submitted ? t.ofApplications(n(o.conversion.total.enrolled), n(o.conversion.total.submitted)) : t.noCall,
    },
    { label: t.tiles.funds, value: o.cumulative.fundsWithheld ? '—' : o.cumulative.fundsRaisedEur === null ? BOARD_PACK_TEXTS[locale].noData : formatFigure('funds_raised_eur', Number(o.cumulative.fundsRaisedEur), locale, true), note: o.cumulative.fundsWithheld ? t.withheldNote : t.since(o.cumulative.since) },
    { label: t.tiles.companies, value: n(o.cumulative.companies), note: t.since(o.cumulative.since) },
    { label: t.tiles.jobs, value: formatNumber(o.cumulative.jobs, locale, 0), note: quarterLabel(data.quarter, locale) },
  ];
  const gap = 8;
  const tileWidth = (WIDTH - gap * (tiles.length - 1)) / tiles.length;
  const top = doc.y;
  tiles.forEach((tile, i) => {
    const x = MARGIN + i * (tileWidth + gap);
    doc.roundedRect(x, top, tileWidth, 72, 4).lineWidth(0.8).strokeColor('#c9d6e3').stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(tile.label, x + 7, top + 7, { width: tileWidth - 14, height: 20, ellipsis: true });
    doc.font('Helvetica-Bold').fontSize(16).fillColor('#1a1a1a').text(tile.value, x + 7, top + 29, { width: tileWidth - 14, height: 20, lineBreak: false, ellipsis: true });
    doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(tile.note, x + 7, top + 50, { width: tileWidth - 14, height: 18, ellipsis: true });
  });
  doc.y = top + 86;

  subheading(doc, t.longTerm);
  if (o.longTermTargets.length) {
    table(
      doc,
      t.longTermColumns,
      o.longTermTargets.map((g) => {
        const value = (v: string | null) => (g.key === 'total_funds_eur' ? formatEuros(v, locale) : formatNumber(v, locale));
        return [bare(TARGET_LABELS[locale][g.key]), String(g.year), value(g.target), value(g.actual), value(g.projected), LONG_TERM_STATUS_LABELS[locale][g.status]];
      }),
      [140, 55, 70, 70, 70, 90],
      ['left', 'center', 'right', 'right', 'right', 'left'],
    );
  } else {
    doc.font('Helvetica').fontSize(9.5).fillColor('#1a1a1a').text(t.noLongTerm, MARGIN);
  }
  doc.moveDown(0.6);

  const rateText = (r: { rate: number | null; withheld: boolean }) => (r.withheld ? '—' : formatPercent(r.rate, locale, 0));
  ensureSpace(doc, 60);
  subheading(doc, t.survivalByProgram);
  if (o.survival.byProgram.length) {
    table(doc, t.survivalProgramColumns, o.survival.byProgram.map((r) => [r.name, n(r.startups), n(r.surviving), rateText(r)]), [235, 80, 100, 80]);
    doc.moveDown(0.4);
    const recent = o.survival.byCohort.slice(0, RECENT_COHORTS);
    ensureSpace(doc, 60);
    subheading(doc, o.survival.byCohort.length > recent.length ? t.moreCohorts(recent.length, o.survival.byCohort.length) : t.survivalByCohort);
    table(
      doc,
      t.survivalColumns,
      recent.map((r) => [r.name, r.programName ?? '', formatDate(r.endsOn ? dayBefore(r.endsOn) : null, locale), n(r.startups), n(r.surviving), rateText(r)]),
      [110, 125, 65, 55, 80, 60],
      ['left', 'left', 'center', 'right', 'right', 'right'],
    );
  } else {
    doc.font('Helvetica').fontSize(9.5).fillColor('#1a1a1a').text(t.noCohort, MARGIN);
  }
  doc.moveDown(0.6);
  ensureSpace(doc, 60);
  subheading(doc, t.conversion);
  if (o.conversion.byCall.length) {
    table(
      doc,
      t.conversionColumns,
      o.conversion.byCall.map((c) => [c.title[locale], c.cohortName, formatDate(c.closesOn, locale), n(c.submitted), n(c.admitted), n(c.enrolled), rateText(c)]),
      [130, 95, 60, 65, 55, 50, 40],
      ['left', 'left', 'center', 'right', 'right', 'right', 'right'],
    );
  } else {
    doc.font('Helvetica').fontSize(9.5).fillColor('#1a1a1a').text(t.noCall, MARGIN);
  }
  // Survival as bars, the organisation highlighted, beside the published reference figure for scale.
  if (survival.startups) {
    const items = [
      { label: t.level.organisation, value: survival.rate, highlight: true },
      ...o.survival.byProgram.map((r) => ({ label: r.name, value: r.rate })),
      { label: t.reference, value: 91 },
    ];
    const height = 24 + items.length * 16;
    doc.moveDown(1);
    if (doc.y + height > BOTTOM) newPage(doc);
    drawHorizontalBars(doc, { x: MARGIN, y: doc.y, width: WIDTH, height }, {
      title: t.survivalChart,
      items,
      color: '#9fb6cd',
      highlightColor: ACCENT,
      formatValue: (v) => formatPercent(v, locale, 0),
      noData: '—',
    });
  }
}

function breakdownPage(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale, t: BoardPackTexts): void {
  newPage(doc);
  heading(doc, t.breakdown);
  const sections: Array<[string, BreakdownRow[], (row: BreakdownRow) => string]> = [
    [t.bySite, data.bySite, (r) => r.name],
    [t.byProgram, data.byProgram, (r) => r.name],
    [t.bySector, data.bySector, (r) => labelOf(SECTOR_LABELS, locale, r.id)],
  ];
  for (const [title, rows, name] of sections) {
    ensureSpace(doc, 60);
    subheading(doc, title);
    if (!rows.length) {
      doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('—', MARGIN);
    } else {
      table(doc, t.breakdownColumns, rows.map((r) => [name(r), formatNumber(r.activeStartups, locale), formatNumber(r.jobsCreated, locale), formatNumber(r.headcount, locale, 1), formatEuros(r.fundsRaisedEur, locale)]), [175, 75, 75, 70, 100]);
    }
    doc.moveDown(0.8);
  }
}

function sitePage(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, site: BreakdownRow, locale: Locale, t: BoardPackTexts): void {
  newPage(doc);
  heading(doc, t.site(site.name));
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(`${quarterLabel(data.quarter, locale)} · ${t.period(data.from, dayBefore(data.to))}`, MARGIN);
  doc.moveDown(0.8);
  const totals = data.aggregates ?? ({} as BoardQuarterResponse['aggregates']);
  const figures: Array<{ key: HeadlineFigure['key']; value: number | null; total: number | string | null }> = [
    { key: 'active_startups', value: site.activeStartups, total: totals.activeStartups ?? null },
    { key: 'jobs_created', value: num(site.jobsCreated), total: totals.jobsCreated ?? null },
    { key: 'headcount', value: num(site.headcount), total: totals.headcount ?? null },
    { key: 'funds_raised_eur', value: num(site.fundsRaisedEur), total: totals.fundsRaisedEur ?? null },
  ];
  const gap = 10;
  const tileWidth = (WIDTH - 3 * gap) / 4;
  const top = doc.y;
  figures.forEach((f, i) => {
    const x = MARGIN + i * (tileWidth + gap);
    doc.roundedRect(x, top, tileWidth, 70, 4).lineWidth(0.8).strokeColor('#c9d6e3').stroke();
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(bare(FIGURE_LABELS[locale][f.key]), x + 8, top + 8, { width: tileWidth - 16, height: 12, lineBreak: false, ellipsis: true });
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#1a1a1a').text(formatFigure(f.key, f.value, locale, true), x + 8, top + 22, { width: tileWidth - 16, height: 24, lineBreak: false, ellipsis: true });
    const part = share(f.value, f.total);
    if (part !== null) doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(t.ofTotal(formatPercent(part, locale, 0)), x + 8, top + 50, { width: tileWidth - 16, lineBreak: false });
  });
  doc.y = top + 90;
  const end = drawHorizontalBars(doc, { x: MARGIN, y: doc.y, width: WIDTH, height: 90 }, {
    title: t.siteShare,
    items: figures.map((f) => ({ label: bare(FIGURE_LABELS[locale][f.key]), value: share(f.value, f.total) })),
    color: ACCENT,
    formatValue: (v) => formatPercent(v, locale, 0),
    noData: '—',
  });
  // The site beside the others, figure by figure (the site itself highlighted).
  const compare: Array<[HeadlineFigure['key'], (r: BreakdownRow) => number | null, (v: number) => string]> = [
    ['active_startups', (r) => r.activeStartups, (v) => formatNumber(v, locale)],
    ['jobs_created', (r) => num(r.jobsCreated), (v) => formatNumber(v, locale)],
    ['headcount', (r) => num(r.headcount), (v) => formatNumber(v, locale, 1)],
    ['funds_raised_eur', (r) => num(r.fundsRaisedEur), (v) => formatEurosShort(v, locale)],
  ];
  if (data.bySite.length < 2) return;
  const gap2 = 24;
  const width = (WIDTH - gap2) / 2;
  const rows = Math.min(data.bySite.length, 12);
  const height = 24 + rows * 15;
  let y = end + 24;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT).text(t.sitesCompared, MARGIN, y, { width: WIDTH });
  y += 22;
  compare.forEach(([key, pick, format], i) => {
    const x = MARGIN + (i % 2) * (width + gap2);
    const cy = y + Math.floor(i / 2) * (height + 16);
    if (cy + height > BOTTOM) return;
    drawHorizontalBars(doc, { x, y: cy, width, height }, {
      title: bare(FIGURE_LABELS[locale][key]),
      items: data.bySite.slice(0, 12).map((r) => ({ label: r.name, value: pick(r), highlight: r.id === site.id })),
      color: '#9fb6cd',
      highlightColor: ACCENT,
      formatValue: format,
      noData: '—',
    });
  });
}

function roundsPage(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale, t: BoardPackTexts): void {
  newPage(doc);
  heading(doc, t.rounds);
  if (data.rounds.length) {
    // By kind first (count and amount), then the largest rounds; the workbook lists every one.
    const kinds = new Map<string, { count: number; cents: number }>();
    for (const r of data.rounds) {
      const entry = kinds.get(r.kind) ?? { count: 0, cents: 0 };
      entry.count += 1;
      entry.cents += Math.round(Number(r.amountEur) * 100);
      kinds.set(r.kind, entry);
    }
    subheading(doc, t.roundsByKind);
    table(
      doc,
      t.roundKindColumns,
      [...kinds.entries()].sort((a, b) => b[1].cents - a[1].cents).map(([kind, k]) => [labelOf(ROUND_KIND_LABELS, locale, kind), formatNumber(k.count, locale), formatEuros(k.cents / 100, locale)]),
      [200, 100, 195],
    );
    doc.moveDown(0.8);
    const largest = [...data.rounds].sort((a, b) => Number(b.amountEur) - Number(a.amountEur)).slice(0, LARGEST_ROUNDS);
    subheading(doc, data.rounds.length > largest.length ? t.largestRounds(largest.length, data.rounds.length) : t.roundsList);
    table(
      doc,
      t.roundColumns,
      largest.map((r) => [r.startupName, labelOf(ROUND_KIND_LABELS, locale, r.kind), formatEuros(r.amountEur, locale), formatDate(r.closedOn, locale), r.lead ?? '—']),
      [140, 75, 80, 70, 130],
      ['left', 'left', 'right', 'center', 'left'],
    );
  } else {
    doc.font('Helvetica').fontSize(10).fillColor('#1a1a1a').text(t.noRounds, MARGIN);
  }
  if (data.roundsWithheld > 0) doc.moveDown(0.4).font('Helvetica').fontSize(9).fillColor(MUTED).text(t.roundsWithheld(data.roundsWithheld), MARGIN);
  doc.moveDown(1.2);
  ensureSpace(doc, 80);
  subheading(doc, t.targets);
  if (data.targets.length) {
    table(
      doc,
      t.targetColumns,
      data.targets.map((g) => {
        const money = g.key === 'funds_raised_eur';
        const value = (v: string | null) => (money ? formatEuros(v, locale) : formatNumber(v, locale));
        return [bare(TARGET_LABELS[locale][g.key]), String(g.year), value(g.target), value(g.actual), formatPercent(share(g.actual, g.target), locale, 0)];
      }),
      [170, 55, 100, 100, 70],
    );
  } else {
    doc.font('Helvetica').fontSize(10).fillColor('#1a1a1a').text(t.noTargets, MARGIN);
  }
}

function methodPage(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, locale: Locale, t: BoardPackTexts): void {
  newPage(doc);
  heading(doc, t.method);
  for (const paragraph of METHOD[locale]) {
    // "Term: definition" — the term in bold.
    const match = /^(.+?)( ?: )(.*)$/.exec(paragraph);
    doc.fillColor('#1a1a1a').fontSize(9.5);
    if (match && match[1].length < 40) {
      doc.font('Helvetica-Bold').text(match[1] + match[2], MARGIN, doc.y, { width: WIDTH, continued: true, lineGap: 1.5 });
      doc.font('Helvetica').text(match[3], { width: WIDTH, paragraphGap: 7, lineGap: 1.5 });
    } else {
      doc.font('Helvetica').text(paragraph, MARGIN, doc.y, { width: WIDTH, paragraphGap: 7, lineGap: 1.5 });
    }
  }
}

/** "Page n / N" with the pack's name on every page but the cover (written once every page exists). */
function footers(doc: PDFKit.PDFDocument, data: BoardQuarterResponse, t: BoardPackTexts): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE_HEIGHT - MARGIN + 8;
    doc.moveTo(MARGIN, y - 6).lineTo(MARGIN + WIDTH, y - 6).lineWidth(0.5).strokeColor('#c9d6e3').stroke();
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(`${data.organisationName} · ${t.title} ${t.quarter(data.quarter)}`, MARGIN, y, { width: WIDTH * 0.7, height: 12, lineBreak: false, ellipsis: true });
    doc.text(t.page(i + 1, range.count), MARGIN + WIDTH * 0.7, y, { width: WIDTH * 0.3, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

// ——— Building blocks ———

function newPage(doc: PDFKit.PDFDocument): void {
  doc.addPage();
  doc.rect(0, 0, PAGE_WIDTH, 6).fill(ACCENT);
  doc.x = MARGIN;
  doc.y = MARGIN;
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > BOTTOM) newPage(doc);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Bold').fontSize(18).fillColor(ACCENT).text(text, MARGIN, doc.y, { width: WIDTH }).fillColor('#1a1a1a').font('Helvetica').moveDown(0.5);
}

function subheading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT).text(text, MARGIN, doc.y, { width: WIDTH }).fillColor('#1a1a1a').font('Helvetica').moveDown(0.3);
}

/** A table: shaded bold header, zebra rows, a new page (with the header again) when full. */
function table(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], widths: number[], align: Array<'left' | 'right' | 'center'> = ['left']): void {
  const rowHeight = 17;
  const total = widths.reduce((a, b) => a + b, 0);
  const line = (cells: string[], header: boolean, index: number) => {
    const y = doc.y;
    if (header) doc.rect(MARGIN, y, total, rowHeight).fill(ACCENT);
    else if (index % 2 === 1) doc.rect(MARGIN, y, total, rowHeight).fill('#f5f7fa');
    let x = MARGIN;
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor(header ? '#ffffff' : '#1a1a1a');
    cells.forEach((cell, i) => {
      doc.text(header ? bare(cell) : cell, x + 4, y + 4.5, { width: widths[i] - 8, height: rowHeight, ellipsis: true, lineBreak: false, align: align[i] ?? 'right' });
      x += widths[i];
    });
    doc.x = MARGIN;
    doc.y = y + rowHeight;
  };
  if (doc.y + 2 * rowHeight > BOTTOM) newPage(doc);
  line(headers, true, 0);
  rows.forEach((row, i) => {
    if (doc.y + rowHeight > BOTTOM) {
      newPage(doc);
      line(headers, true, 0);
    }
    line(row, false, i);
  });
  doc.font('Helvetica').fillColor('#1a1a1a').moveDown(0.3);
}

/** A label without its unit in brackets, where the value carries it ("Fonds levés (€)" → "Fonds levés"). */
function bare(label: string): string {
  return label.replace(/ \((€|%)\)$/, '');
}

function num(text: string | null): number | null {
  return text === null ? null : Number(text);
}
