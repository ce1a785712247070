import type { BoardQuarterResponse, HeadlineFigure, KpiAggregatesResponse } from '@incubator/contracts';
import { renderBoardPackPdf, formatNumber } from './board-pack.pdf';
import { change } from './board-pack.texts';
import { renderBoardPackXlsx } from './board-pack.xlsx';
import { Workbook } from 'exceljs';

const figure = (key: HeadlineFigure['key'], series: Array<number | null>): HeadlineFigure => ({
  key,
  value: series[7],
  previousQuarter: series[6],
  previousYear: series[3],
  series,
});

const quarter: BoardQuarterResponse = {
  quarter: '2026-Q3',
  from: '2026-07-01',
  to: '2026-10-01',
  organisationName: 'Tech Park Lille',
  computedAt: '2026-10-05T07:00:00.000Z',
  headline: [
    figure('active_startups', [10, 11, 12, 12, 13, 14, 15, 16]),
    figure('jobs_created', [1, 2, 3, 4, 5, 6, 7, 8]),
    figure('headcount', [null, null, 20, 22, 25, 27, 30, 31.5]),
    figure('funds_raised_eur', [0, 0, 100000, 0, 250000.5, 0, 0, 1200000]),
    figure('startups_created', [0, 1, 0, 0, 2, 0, 1, 0]),
    figure('occupancy_rate', [50, 55, 60, 60, 62, 64, 70, 71.4]),
    figure('milestone_completion', [null, null, null, null, null, null, 40, 50]),
    figure('report_completion', [90, 90, 91, 92, 93, 94, 95, 96.5]),
  ],
  aggregates: {} as KpiAggregatesResponse,
  bySite: [{ id: 's', name: 'Lille', activeStartups: 16, jobsCreated: '8', headcount: '31.5', fundsRaisedEur: '1200000.00' }],
  byProgram: [{ id: 'p', name: 'Incubateur', activeStartups: 2, jobsCreated: null, headcount: null, fundsRaisedEur: null }],
  bySector: [],
  rounds: [{ startupName: 'Canopée Data SAS', kind: 'seed', amountEur: '1200000.00', closedOn: '2026-08-12', lead: 'Nord Amorçage Capital' }],
  roundsWithheld: 0,
  targets: [{ key: 'jobs_created', year: 2026, target: '60', actual: '21' }],
  space: { leasedM2: 504, leasableM2: 720, occupancyRate: 70, jobsPer100M2: 6.3 },
};

describe('board pack', () => {
  it('computes relative change and refuses to compare with nothing', () => {
    expect(change(110, 100)).toBe(10);
    expect(change(90, 120)).toBe(-25);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
  });

  it('formats numbers for the reader, without characters the PDF fonts lack', () => {
    expect(formatNumber('1200000.00', 'fr', 2)).toBe('1 200 000');
    expect(formatNumber(1200000.5, 'en', 2)).toBe('1,200,000.5');
    expect(formatNumber(null, 'en')).toBe('—');
  });

  it('renders a PDF: a cover, headline, breakdown, rounds and method pages', async () => {
    const pdf = await renderBoardPackPdf(quarter, 'en', '2026-10-05');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(5);
  });

  it('writes one sheet per table, numbers as numbers and withheld figures as empty cells', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderBoardPackXlsx(quarter, 'fr')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Indicateurs', 'Sites', 'Programmes', 'Secteurs', 'Levées', 'Objectifs', 'Méthode']);
    const headline = workbook.getWorksheet('Indicateurs')!;
    expect(headline.getRow(3).values).toEqual([undefined, 'Emplois créés', 8, 7, 14.3, 4, 100]);
    expect(workbook.getWorksheet('Programmes')!.getRow(2).getCell(3).value).toBe('');
    expect(workbook.getWorksheet('Levées')!.getRow(2).getCell(3).value).toBe(1200000);
  });
});
