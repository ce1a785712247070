import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { Workbook } from 'exceljs';
import type { BoardQuarterResponse, HeadlineFigure, KpiAggregatesResponse } from '@incubator/contracts';
import { niceTicks } from './board-pack.charts';
import { formatChange, formatDate, formatEuros, formatEurosShort, formatNumber, formatPercent, quarterLabel } from './board-pack.format';
import { buildOutcomes } from './board-outcomes';
import { renderBoardPackPdf } from './board-pack.pdf';
import { BOARD_PACK_TEXTS, change, formatFigure, OUTCOMES_TEXTS, summaryComment } from './board-pack.texts';
import { renderBoardPackXlsx, XLSX_FORMATS } from './board-pack.xlsx';

const figure = (key: HeadlineFigure['key'], series: Array<number | null>): HeadlineFigure => ({
  key,
  value: series[7],
  previousQuarter: series[6],
  previousYear: series[3],
  series,
});

const row = (id: string, name: string, active: number, jobs: string | null, headcount: string | null, funds: string | null) => ({
  id,
  name,
  activeStartups: active,
  jobsCreated: jobs,
  headcount,
  fundsRaisedEur: funds,
});

/** A quarter as the board service returns it: the first quarters before any data (null), withheld cells, sector codes. */
const quarter: BoardQuarterResponse = {
  quarter: '2026-Q3',
  from: '2026-07-01',
  to: '2026-10-01',
  organisationName: 'Tech Park Lille',
  computedAt: '2026-10-05T07:00:00.000Z',
  headline: [
    figure('active_startups', [null, null, 12, 12, 13, 14, 15, 16]),
    figure('jobs_created', [null, null, 3, 4, 5, 6, 7, 8]),
    figure('headcount', [null, null, 20, 22, 25, 27, 30, 31.5]),
    figure('funds_raised_eur', [null, null, 100000, 0, 250000.5, 0, 0, 1200000]),
    figure('startups_created', [null, null, 0, 0, 2, 0, 1, 0]),
    figure('occupancy_rate', [null, null, 60, 60, 62, 64, 70, 71.4]),
    figure('milestone_completion', [null, null, null, null, null, null, 40, 50]),
    figure('report_completion', [null, null, 91, 92, 93, 94, 95, 96.5]),
  ],
  aggregates: { activeStartups: 16, jobsCreated: '8', headcount: '31.5', fundsRaisedEur: '1200000.00' } as KpiAggregatesResponse,
  bySite: [row('s1', 'Lille Euratech', 10, '6', '20.5', '1200000.00'), row('s2', 'Roubaix Blanchemaille', 6, '2', '11', null)],
  byProgram: [row('p1', 'Incubateur', 12, '6', '22', '1200000.00'), row('p2', 'Accélérateur', 2, null, null, null)],
  bySector: [row('ai', 'ai', 7, '5', '15', '1200000.00'), row('foodtech', 'foodtech', 5, '2', '10', null), row('healthtech', 'healthtech', 4, '1', '6.5', null)],
  rounds: [{ startupName: 'Canopée Data SAS', kind: 'seed', amountEur: '1200000.00', closedOn: '2026-08-12', lead: 'Nord Amorçage Capital' }],
  roundsWithheld: 1,
  targets: [
    { key: 'jobs_created', year: 2026, target: '60', actual: '21' },
    { key: 'funds_raised_eur', year: 2026, target: '2500000', actual: '1230000.00' },
  ],
  space: { leasedM2: 504, leasableM2: 720, occupancyRate: 70, jobsPer100M2: 6.3 },
  outcomes: buildOutcomes({
    quarter: '2026-Q3',
    survival: [
      { level: 'cohort', id: 'c1', name: 'Promo 2021', programId: 'p1', programName: 'Incubateur', endsOn: '2022-01-01', startups: 10, surviving: 9 },
      { level: 'cohort', id: 'c2', name: 'Promo 2022', programId: 'p1', programName: 'Incubateur', endsOn: '2023-01-01', startups: 12, surviving: 11 },
      { level: 'cohort', id: 'c3', name: 'Batch 2022', programId: 'p2', programName: 'Accélérateur', endsOn: '2023-07-01', startups: 2, surviving: 1 },
      { level: 'program', id: 'p1', name: 'Incubateur', programId: 'p1', programName: 'Incubateur', endsOn: null, startups: 20, surviving: 18 },
      { level: 'program', id: 'p2', name: 'Accélérateur', programId: 'p2', programName: 'Accélérateur', endsOn: null, startups: 2, surviving: 1 },
      { level: 'organisation', id: null, name: null, programId: null, programName: null, endsOn: null, startups: 22, surviving: 19 },
    ],
    conversion: [{ id: 'k1', titleFr: 'Santé 2026', titleEn: 'Health 2026', cohortName: 'Batch 2026-S2', programName: 'Accélérateur', closesOn: '2026-06-30', submitted: 40, admitted: 8, enrolled: 6 }],
    funds: [
      { year: 2024, cents: '100000000' },
      { year: 2025, cents: '200000000' },
      { year: 2026, cents: '123000000' },
    ],
    fundedStartups: 3,
    companies: [
      { year: 2024, companies: 10 },
      { year: 2025, companies: 12 },
      { year: 2026, companies: 6 },
    ],
    headcountSeries: [null, null, 20, 22, 25, 27, 30, 31.5],
    targets: [
      { key: 'total_jobs', year: 2030, value: '80000.00' },
      { key: 'total_companies', year: 2030, value: '25.00' },
    ],
    threshold: 3,
  }),
};

/** A small PNG logo made here (two coloured bands), so the cover test needs no fixture file. */
function pngLogo(width = 160, height = 60): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])) >>> 0);
    return Buffer.concat([length, Buffer.from(type), body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const [r, g, b] = x < width / 3 ? [31, 78, 121] : y < height / 2 ? [197, 90, 17] : [84, 130, 53];
      raw.set([r, g, b], o);
    }
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Text per page, extracted by pdf-parse (pdf.js) in a plain node process: its worker import cannot run inside Jest. */
function pdfPages(pdf: Buffer): Promise<string[]> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const result = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
      process.stdout.write(JSON.stringify(result.pages.map((p) => p.text)));
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { maxBuffer: 50 * 1024 * 1024, cwd: process.cwd() }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))));
    child.stdin?.end(pdf);
  });
}

// Rendering and pdf.js extraction share 2 cores with other work: generous per-test time.
jest.setTimeout(60_000);

describe('board pack texts and formats', () => {
  it('computes relative change and refuses to compare with nothing', () => {
    expect(change(110, 100)).toBe(10);
    expect(change(90, 120)).toBe(-25);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
  });

  it('writes numbers, euros, percentages and changes as each reader reads them', () => {
    expect(formatNumber(1234.5, 'fr', 1)).toBe('1 234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber('1200000.00', 'fr', 2)).toBe('1 200 000');
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatEuros('1200000.00', 'fr')).toBe('1 200 000 €');
    expect(formatEuros(999.5, 'en')).toBe('€999.5');
    expect(formatEurosShort(1_250_000, 'fr')).toBe('1,3 M€');
    expect(formatEurosShort(350_000, 'en')).toBe('€350k');
    expect(formatPercent(71.4, 'fr')).toBe('71,4 %');
    expect(formatPercent(71.4, 'en')).toBe('71.4%');
    expect(formatChange(14.3, 'fr')).toBe('+14,3 %');
    expect(formatChange(-25, 'en')).toBe('-25%');
    expect(formatFigure('funds_raised_eur', 1_200_000, 'en', true)).toBe('€1.2M');
    expect(formatFigure('headcount', 31.5, 'fr')).toBe('31,5');
  });

  it('writes dates and periods in the reader’s language, never ISO', () => {
    expect(formatDate('2026-12-31', 'fr')).toBe('31/12/2026');
    expect(formatDate('2026-08-02', 'en')).toBe('2 Aug 2026');
    expect(quarterLabel('2026-Q3', 'fr')).toBe('T3 2026');
    expect(quarterLabel('2026-Q3', 'en')).toBe('Q3 2026');
    expect(BOARD_PACK_TEXTS.fr.period('2026-07-01', '2026-09-30')).toBe('Du 01/07/2026 au 30/09/2026 inclus');
    expect(BOARD_PACK_TEXTS.en.page(2, 9)).toBe('Page 2 / 9');
  });

  it('puts only whole numbers on a count axis', () => {
    expect(niceTicks(3, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, true)).toEqual([0, 1]);
    expect(niceTicks(0, true)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(8, true)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1_200_000, false)).toEqual([0, 500000, 1000000, 1500000]);
    for (const max of [1, 2, 3, 5, 7, 9, 13, 47, 999]) expect(niceTicks(max, true).every(Number.isInteger)).toBe(true);
  });

  it('comments the quarter from its figures, leaving withheld ones out', () => {
    expect(summaryComment(quarter, 'fr')).toBe(
      'Au T3 2026 : 8 emplois créés (+14,3 % par rapport au T2 2026) ; 1 200 000 € levés en 2 levées ; 16 startups actives ; taux d’occupation de 71,4 % ; 35 % de l’objectif 2026 « emplois créés ».',
    );
    expect(summaryComment(quarter, 'en')).toBe('In Q3 2026: 8 jobs created (+14.3% on Q2 2026); €1,200,000 raised in 2 rounds; 16 active startups; occupancy at 71.4%; 35% of the 2026 target for jobs created.');
    const withheld = { ...quarter, headline: quarter.headline.map((f) => ({ ...f, value: null })), targets: [] };
    expect(summaryComment(withheld, 'en')).toBe('No figure can be published for this quarter.');
  });
});

describe('board pack files', () => {
  const out = join(process.cwd(), '.test-results', 'board-pack');
  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
  });

  it.each(['fr', 'en'] as const)('renders the %s PDF: cover with logo, summary, charts, a page per site, method, "Page n / N"; PNGs for a look', async (locale) => {
    const pdf = await renderBoardPackPdf(quarter, locale, '2026-10-05', { logo: pngLogo() });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes('/Subtype /Image')).toBe(true);
    const pages = await pdfPages(pdf);
    const t = BOARD_PACK_TEXTS[locale];
    // cover, summary, charts, outcomes, breakdown, two sites, rounds, method
    expect(pages).toHaveLength(9);
    const all = pages.join('\n');
    expect(pages[0]).toContain(t.title);
    expect(pages[0]).toContain(locale === 'fr' ? 'T3 2026' : 'Q3 2026');
    expect(pages[0]).toContain(locale === 'fr' ? 'Généré le 05/10/2026' : 'Generated on 5 Oct 2026');
    expect(pages[0]).not.toContain('Page 1');
    expect(pages[1]).toContain(t.summary);
    expect(pages[1]).toContain(summaryComment(quarter, locale).slice(0, 40));
    expect(pages[2]).toContain(t.trends);
    const o = OUTCOMES_TEXTS[locale];
    expect(pages[3]).toContain(o.title);
    expect(pages[3]).toContain(o.longTerm);
    // 19 of 22 startups still active; the two-startup cohort withheld, and with it another of the organisation's.
    expect(pages[3]).toContain(locale === 'fr' ? '86 %' : '86%');
    expect(pages[3]).toContain(o.ofStartups('19', '22'));
    expect(pages[3]).toContain(locale === 'fr' ? 'En retard' : 'Behind');
    expect(pages[3]).toContain(locale === 'fr' ? 'Atteint' : 'Reached');
    expect(pages[3]).toContain(locale === 'fr' ? 'Santé 2026' : 'Health 2026');
    expect(pages[3]).toMatch(/Batch 2022\s+Accélérateur\s+30\/06\/2023\s+—\s+—\s+—|Batch 2022\s+Accélérateur\s+30 Jun 2023\s+—\s+—\s+—/);
    expect(pages[4]).toContain(t.breakdown);
    expect(pages[5]).toContain(t.site('Lille Euratech'));
    expect(pages[6]).toContain(t.site('Roubaix Blanchemaille'));
    expect(pages[7]).toContain(t.rounds);
    expect(pages[8]).toContain(t.method);
    expect(pages[8]).toContain(locale === 'fr' ? 'moindres carrés' : 'least-squares');
    pages.slice(1).forEach((text, i) => expect(text).toContain(`Page ${i + 2} / 9`));
    // Labels, never codes; dates and periods localized.
    expect(all).toContain(locale === 'fr' ? 'Intelligence artificielle' : 'Artificial intelligence');
    expect(all).toContain(locale === 'fr' ? 'Amorçage' : 'Seed');
    expect(all).toContain(locale === 'fr' ? '12/08/2026' : '12 Aug 2026');
    expect(all).toContain(locale === 'fr' ? '1 200 000 €' : '€1,200,000');
    expect(all).not.toMatch(/\b(foodtech|healthtech|2026-Q3|2026-08-12)\b|\bai\b|\bseed\b/);

    writeFileSync(join(out, `board-pack-${locale}.pdf`), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', join(out, `board-pack-${locale}.pdf`), join(out, `board-pack-${locale}`)]);
    expect(readdirSync(out).filter((f) => f.startsWith(`board-pack-${locale}-`) && f.endsWith('.png'))).toHaveLength(9);
  });

  it('keeps a large quarter readable (12 sites, 400 rounds: by kind and the 20 largest) and an empty first quarter', async () => {
    const sites = Array.from({ length: 12 }, (_, i) => row(`s${i}`, `Site ${i + 1} — Campus with a rather long name`, 800 - i * 40, String(400 - i * 10), String(3000 - i * 100), String(5_000_000 - i * 300_000)));
    const rounds = Array.from({ length: 400 }, (_, i) => ({ startupName: `Startup ${i}`, kind: i % 4 ? 'series_a' : 'grant', amountEur: `${100000 + i * 1000}.50`, closedOn: '2026-09-30', lead: null }));
    const large = { ...quarter, bySite: sites, rounds, organisationName: 'Métropole Européenne de Lille — Réseau des incubateurs' };
    const pdf = await renderBoardPackPdf(large, 'fr', '2026-10-05');
    const pages = await pdfPages(pdf);
    // cover, summary, charts, outcomes, breakdown, 12 sites, rounds, method
    expect(pages).toHaveLength(19);
    pages.slice(1).forEach((text, i) => expect(text).toContain(`Page ${i + 2} / 19`));
    const roundsPage = pages[17];
    expect(roundsPage).toContain('Les 20 plus grandes levées sur 400');
    expect(roundsPage).toMatch(/Série A\s+300\s+90 000 150 €/);
    expect(roundsPage).toMatch(/Subvention\s+100\s+29 800 050 €/);
    expect(roundsPage).toContain('Startup 399');
    expect(roundsPage).not.toContain('Startup 379');
    writeFileSync(join(out, 'board-pack-large-fr.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '17', '-l', '18', join(out, 'board-pack-large-fr.pdf'), join(out, 'board-pack-large-fr')]);

    const empty = { ...quarter, headline: quarter.headline.map((f) => ({ ...f, value: null, previousQuarter: null, previousYear: null, series: f.series.map(() => null) })), bySite: [], byProgram: [], bySector: [], rounds: [], roundsWithheld: 0, targets: [] };
    const emptyPages = await pdfPages(await renderBoardPackPdf(empty, 'en', '2026-10-05'));
    expect(emptyPages).toHaveLength(7);
    expect(emptyPages[1]).toContain('n/a');
    expect(emptyPages[1]).toContain('No figure can be published for this quarter.');
  });

  it('renders without a logo, and ignores one it cannot read', async () => {
    for (const logo of [null, Buffer.from('not an image')]) {
      const pages = await pdfPages(await renderBoardPackPdf(quarter, 'en', '2026-10-05', { logo }));
      expect(pages[0]).toContain('Board pack');
    }
  });

  it('writes one sheet per table, translated, numbers as numbers with formats, withheld figures as empty cells', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderBoardPackXlsx(quarter, 'fr')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Indicateurs', 'Tendances', 'Sites', 'Programmes', 'Secteurs', 'Levées', 'Objectifs', 'Espaces', 'Long terme', 'Survie', 'Conversion', 'Méthode']);
    const headline = workbook.getWorksheet('Indicateurs')!;
    expect(headline.getRow(1).values).toEqual([undefined, 'Indicateur', 'Trimestre', 'Trim. précédent', 'Évol.', 'Un an avant', 'Évol.']);
    expect(headline.getRow(3).values).toEqual([undefined, 'Emplois créés', 8, 7, 14.3, 4, 100]);
    expect(headline.getRow(3).getCell(4).numFmt).toBe(XLSX_FORMATS.change);
    expect(headline.getRow(5).getCell(2).numFmt).toBe(XLSX_FORMATS.euros);
    expect(headline.getRow(7).getCell(2).numFmt).toBe(XLSX_FORMATS.percent);
    const trends = workbook.getWorksheet('Tendances')!;
    expect(trends.getRow(2).values).toEqual([undefined, 'T4 2024', '', '', '', '', '', '', '', '']);
    expect(trends.getRow(9).getCell(1).value).toBe('T3 2026');
    expect(workbook.getWorksheet('Programmes')!.getRow(3).getCell(3).value).toBe('');
    expect(workbook.getWorksheet('Secteurs')!.getColumn(1).values.slice(2)).toEqual(['Intelligence artificielle', 'Foodtech', 'Santé']);
    const rounds = workbook.getWorksheet('Levées')!;
    expect(rounds.getRow(2).getCell(2).value).toBe('Amorçage');
    expect(rounds.getRow(2).getCell(3).value).toBe(1200000);
    expect(rounds.getRow(2).getCell(3).numFmt).toBe(XLSX_FORMATS.euros);
    expect(rounds.getRow(2).getCell(4).value).toEqual(new Date('2026-08-12T00:00:00Z'));
    expect(rounds.getRow(2).getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(workbook.getWorksheet('Objectifs')!.getRow(3).values).toEqual([undefined, 'Fonds levés (€)', 2026, 2500000, 1230000, 49.2]);
    expect(workbook.getWorksheet('Espaces')!.getRow(4).values).toEqual([undefined, 'Taux d’occupation (%)', 70]);
    const longTerm = workbook.getWorksheet('Long terme')!;
    expect(longTerm.getRow(2).values).toEqual([undefined, 'Emplois dans les startups', 2030, 80000, 31.5, longTerm.getRow(2).getCell(5).value, 'En retard']);
    expect(longTerm.getRow(2).getCell(3).numFmt).toBe(XLSX_FORMATS.count);
    expect(longTerm.getRow(5).values).toEqual([undefined, 'Fonds levés depuis le début', '', '', 4230000, '', '']);
    expect(longTerm.getRow(5).getCell(4).numFmt).toBe(XLSX_FORMATS.euros);
    const survival = workbook.getWorksheet('Survie')!;
    expect(survival.getRow(2).values).toEqual([undefined, 'Organisation', 'Total', '', '', 22, 19, 86.4]);
    // The two-startup cohort is withheld: empty cells, never a zero.
    const batch = survival.getColumn(2).values.indexOf('Batch 2022');
    expect(survival.getRow(batch).values).toEqual([undefined, 'Promotion', 'Batch 2022', 'Accélérateur', new Date('2023-06-30T00:00:00Z'), '', '', '']);
    expect(workbook.getWorksheet('Conversion')!.getRow(2).values).toEqual([undefined, 'Santé 2026', 'Batch 2026-S2', new Date('2026-06-30T00:00:00Z'), 40, 8, 6, 15]);
  });

  it('writes the English workbook with English headers and labels', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderBoardPackXlsx(quarter, 'en')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Headline', 'Trends', 'Sites', 'Programs', 'Sectors', 'Rounds', 'Targets', 'Space', 'Long term', 'Survival', 'Conversion', 'Method']);
    expect(workbook.getWorksheet('Sectors')!.getRow(1).values).toEqual([undefined, 'Name', 'Active startups', 'Jobs created', 'Headcount', 'Funds raised (€)']);
    expect(workbook.getWorksheet('Sectors')!.getRow(4).getCell(1).value).toBe('Healthtech');
    expect(workbook.getWorksheet('Rounds')!.getRow(2).getCell(2).value).toBe('Seed');
    expect(workbook.getWorksheet('Trends')!.getRow(9).getCell(1).value).toBe('Q3 2026');
  });
});
