import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { BoardOutcomes, BoardQuarterResponse, HeadlineFigure, KpiAggregatesResponse, SurvivalRow } from '@incubator/contracts';
import { byTestId, clickOn, settle, typeInto } from '../../../testing/dom';
import { signIn } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { LocaleService } from '../../core/i18n/locale.service';
import { reportFile, reportRun } from '../../core/reports/report-fixtures';
import { BoardPage } from './board.page';

function figure(key: HeadlineFigure['key'], overrides: Partial<HeadlineFigure> = {}): HeadlineFigure {
  return { key, value: 10, previousQuarter: 10, previousYear: 10, series: [8, 9, 10, 10, 10, 10, 10, 10], ...overrides };
}

function quarterData(quarter: string): BoardQuarterResponse {
  return {
    quarter,
    from: '2026-07-01',
    to: '2026-10-01',
    organisationName: 'EuraTechnologies',
    computedAt: '2026-11-22T08:00:00Z',
    headline: [
      figure('jobs_created', { value: 45, previousQuarter: 40, previousYear: 30, series: [10, 20, null, 30, 35, 38, 40, 45] }),
      figure('funds_raised_eur', { value: 1200000, previousQuarter: 1500000, previousYear: null }),
      figure('milestone_completion', { value: null, previousQuarter: 50, previousYear: 40, series: [null, null] }),
    ],
    aggregates: { suppressionThreshold: 3 } as KpiAggregatesResponse,
    bySite: [{ id: 's1', name: 'Lille', activeStartups: 12, jobsCreated: '30', headcount: '120', fundsRaisedEur: '900000' }],
    byProgram: [],
    bySector: [{ id: 'ai', name: 'ai', activeStartups: 5, jobsCreated: '12', headcount: '30', fundsRaisedEur: null }],
    rounds: [{ startupName: 'Acme SAS', kind: 'seed', amountEur: '1200000.00', closedOn: '2026-08-14', lead: 'Nord Capital' }],
    roundsWithheld: 0,
    targets: [{ key: 'jobs_created', year: 2026, target: '120', actual: '90' }],
    space: { leasedM2: 1440, leasableM2: 1920, occupancyRate: 75, jobsPer100M2: 8.3 },
    outcomes: outcomes(),
  };
}

const survivalRow = (id: string, name: string, startups: number | null, surviving: number | null, rate: number | null): SurvivalRow => ({
  id,
  name,
  programName: id.startsWith('c') ? 'Incubator' : null,
  endsOn: id.startsWith('c') ? '2022-01-01' : null,
  startups,
  surviving,
  rate,
  withheld: startups === null,
});

function outcomes(overrides: Partial<BoardOutcomes> = {}): BoardOutcomes {
  const call = { id: 'k1', title: { fr: 'Santé 2026', en: 'Health 2026' }, cohortName: 'Batch 2026', programName: 'Accelerator', closesOn: '2026-06-30' };
  return {
    asOf: '2026-09-30',
    survival: {
      years: 3,
      endedBy: '2023-09-30',
      organisation: survivalRow('organisation', '', 22, 19, 86.4),
      byProgram: [survivalRow('p1', 'Incubator', 20, 18, 90)],
      byCohort: [survivalRow('c1', 'Promo 2021', 10, 9, 90), survivalRow('c2', 'Promo 2020', null, null, null)],
    },
    conversion: {
      total: { ...call, id: 'total', submitted: 40, admitted: 8, enrolled: 6, rate: 15, withheld: false },
      byCall: [{ ...call, submitted: 40, admitted: 8, enrolled: 6, rate: 15, withheld: false }],
    },
    cumulative: { fundsRaisedEur: '4230000.00', fundsWithheld: false, companies: 1340, jobs: 466, since: 2012 },
    longTermTargets: [
      { key: 'total_jobs', year: 2030, target: '80000', actual: '466', projected: '900', status: 'behind' },
      { key: 'total_companies', year: 2030, target: '1000', actual: '1340', projected: '1800', status: 'reached' },
    ],
    ...overrides,
  };
}

describe('BoardPage (the board dashboard)', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    // Only the date is fixed (Sunday 22 November 2026): Q3 is the last completed quarter.
    jest.useFakeTimers({
      now: new Date('2026-11-22T10:00:00Z'),
      // Timers stay real: Angular and the tests wait on them.
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'hrtime',
        'performance',
      ],
    });
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'board', component: BoardPage }]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
      // The sections' deferred blocks (`on immediate`: their code is loaded once the section is shown) render
      // as in the browser.
      deferBlockBehavior: DeferBlockBehavior.Playthrough,
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('board');
  });

  afterEach(() => {
    // The billing card has its own spec (billing/billing-summary.component.spec.ts).
    backend.match((r) => r.url === '/api/billing/summary').forEach((request) => request.cancelled || request.flush([]));
    backend.verify();
    localStorage.clear();
    jest.useRealTimers();
  });

  const view = () => harness.routeNativeElement as HTMLElement;
  const text = (testId: string) => byTestId(testId, view()).textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function open(url: string, quarter: string, packs = [reportRun({ status: 'completed' })]) {
    harness = await RouterTestingHarness.create(url);
    answerQuarter(quarter);
    // The packs and the cohorts are asked for once the quarter's figures are in (board.page.html).
    await settle();
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs').flush(packs);
    backend.expectOne((r) => r.url === '/api/cohorts').flush([]);
    await settle();
  }

  function answerQuarter(quarter: string) {
    backend.expectOne(`/api/board/quarters/${quarter}`).flush(quarterData(quarter));
  }

  it("opens on the last completed quarter, among the current quarter and the 11 before it", async () => {
    await open('/board', '2026-Q3');
    const select = byTestId<HTMLSelectElement>('quarter-select', view());
    const options = Array.from(select.options).map((o) => o.value);
    expect(options).toHaveLength(12);
    expect(options[0]).toBe('2026-Q4');
    expect(options[11]).toBe('2024-Q1');
    expect(select.value).toBe('2026-Q3');
    expect(select.selectedOptions[0].textContent?.trim()).toBe('Q3 2026');
  });

  it("opens on the address's quarter, and puts the quarter chosen in the address", async () => {
    await open('/board?quarter=2026-Q2', '2026-Q2');
    expect(byTestId<HTMLSelectElement>('quarter-select', view()).value).toBe('2026-Q2');

    await typeInto('quarter-select', '2025-Q4', view());
    answerQuarter('2025-Q4');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/board?quarter=2025-Q4');
    expect(text('headline-jobs_created')).toContain('45');
  });

  it('shows each headline figure with its change in % and its sparkline, and "—" for a missing one', async () => {
    await open('/board', '2026-Q3');
    const jobs = text('headline-jobs_created');
    expect(jobs).toContain('Jobs created');
    expect(jobs).toContain('45');
    expect(jobs).toContain('+12.5% vs previous quarter');
    expect(jobs).toContain('+50% vs a year earlier');
    const path = byTestId('headline-jobs_created', view()).querySelector('svg path')?.getAttribute('d');
    expect(path).toMatch(/^M\S+ \S+ L\S+ \S+ M/);

    const funds = text('headline-funds_raised_eur');
    expect(funds).toContain('€1,200,000');
    expect(funds).toContain('-20% vs previous quarter');
    expect(funds).not.toContain('year earlier');

    // A rate with nothing due has no figure: "—", not "withheld" (only KPI sums and funds can be withheld).
    const milestones = text('headline-milestone_completion');
    expect(milestones).toContain('—');
    expect(milestones).toContain('No figure this quarter');
    expect(milestones).not.toContain('Withheld');
    expect(byTestId('headline-milestone_completion', view()).querySelector('svg')).toBeNull();
    // The figures may be a few minutes old: the page says when they were computed.
    expect(text('computed-at')).toMatch(/^Figures computed on .*2026.*; recomputed after a few minutes\.$/);
  });

  it('draws the headline figures first and every other part in a task of its own, until the whole page is there', async () => {
    harness = await RouterTestingHarness.create('/board');
    answerQuarter('2026-Q3');
    // The render the figures' arrival causes: the headline figures, nothing of the parts after them yet.
    harness.fixture.detectChanges();
    expect(view().querySelector('[data-testid="headline-jobs_created"]')).not.toBeNull();
    expect(view().querySelector('[data-testid="outcome-funds"]')).toBeNull();
    expect(view().querySelector('[data-testid="chart-by-site"]')).toBeNull();
    expect(view().querySelector('[data-testid="board-rounds"]')).toBeNull();
    // Stable once every part is drawn (the page holds pending work until then): the rest, then packs and cohorts.
    await settle();
    for (const testId of ['outcome-funds', 'chart-by-site', 'target-jobs_created', 'board-rounds']) {
      expect(view().querySelector(`[data-testid="${testId}"]`)).not.toBeNull();
    }
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs').flush([]);
    backend.expectOne((r) => r.url === '/api/cohorts').flush([]);
    await settle();
  });

  it('shows the targets, the space, the rounds and the breakdowns with their table', async () => {
    await open('/board', '2026-Q3');
    expect(text('target-jobs_created')).toContain('90 / 120');
    expect(text('target-jobs_created')).toContain('75% of the target');
    expect(text('space-jobs-per-100m2')).toBe('8.3');
    expect(text('space-occupancy')).toBe('75%');
    expect(text('board-rounds')).toContain('Acme SAS');
    expect(text('board-rounds')).toContain('€1,200,000.00');
    // Headers that say what the column is (the amount's cells carry the currency).
    const headers = Array.from(view().querySelectorAll('[data-testid="board-rounds"] thead th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Startup', 'Kind', 'Amount', 'Closed on', 'Lead investor']);
    expect(text('chart-by-site')).toContain('Lille');
    expect(text('chart-by-program')).toContain('No figure to show.');
    // A sector is shown by its label, never its code.
    expect(text('chart-by-sector')).toContain('Artificial intelligence');
  });

  it('shows survival, conversion, the figures since the start and the long-term targets with their status', async () => {
    await open('/board', '2026-Q3');
    expect(text('outcome-survival')).toMatch(/^3-year survival ?86.4% 19 of 22 startups still active$/);
    expect(text('outcome-conversion')).toContain('15%');
    expect(text('outcome-conversion')).toContain('6 joined a cohort, 8 admitted, of 40 applications');
    expect(text('outcome-funds')).toContain('€4,230,000');
    expect(text('outcome-companies')).toContain('1,340');
    expect(text('outcome-jobs')).toContain('466');
    expect(text('long-term-total_jobs')).toContain('466 / 80,000');
    expect(text('long-term-total_jobs')).toContain('Behind');
    expect(text('long-term-total_jobs')).toContain('Projection at the end of 2030: 900');
    expect(text('long-term-total_companies')).toContain('Reached');
    // A withheld cohort says so, never 0.
    const cells = (row: Element) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim());
    const rows = Array.from(byTestId('survival-table', view()).querySelectorAll('tbody tr'));
    expect(cells(rows[1])).toEqual(['10', '9', '90%']);
    expect(cells(rows[2])).toEqual(['—', '—', '—']);
    expect(text('conversion-table')).toContain('Health 2026');
  });

  it('says "no data" for a target without actual and for figures before any data, never "0 %"', async () => {
    harness = await RouterTestingHarness.create('/board');
    const empty = outcomes({
      survival: { years: 3, endedBy: '2023-09-30', organisation: { ...survivalRow('organisation', '', 0, 0, null), withheld: false }, byProgram: [], byCohort: [] },
      cumulative: { fundsRaisedEur: null, fundsWithheld: false, companies: null, jobs: null, since: null },
      longTermTargets: [{ key: 'total_jobs', year: 2030, target: '80000', actual: null, projected: null, status: 'no_data' }],
    });
    backend.expectOne('/api/board/quarters/2026-Q3').flush({
      ...quarterData('2026-Q3'),
      headline: [figure('jobs_created', { value: null, previousQuarter: null, previousYear: null, series: Array(8).fill(null) })],
      targets: [{ key: 'funds_raised_eur', year: 2026, target: '2500000', actual: null }],
      outcomes: empty,
    });
    await settle();
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs').flush([]);
    backend.expectOne((r) => r.url === '/api/cohorts').flush([]);
    await settle();
    expect(text('headline-jobs_created')).toContain('No data yet');
    expect(text('headline-jobs_created')).not.toContain('Withheld');
    expect(text('target-funds_raised_eur')).toContain('— / €2,500,000');
    expect(text('target-funds_raised_eur')).not.toMatch(/0\s?%/);
    expect(text('target-funds_raised_eur')).toContain('No figure to compare yet');
    expect(text('outcome-survival')).toContain('No data yet');
    expect(text('outcome-funds')).toContain('No data yet');
    expect(text('long-term-total_jobs')).toContain('Not enough data');
    expect(text('long-term-total_jobs')).not.toMatch(/0\s?%/);
  });

  it('says a withheld figure since the start is withheld, not missing', async () => {
    harness = await RouterTestingHarness.create('/board');
    backend.expectOne('/api/board/quarters/2026-Q3').flush({
      ...quarterData('2026-Q3'),
      outcomes: outcomes({ cumulative: { fundsRaisedEur: null, fundsWithheld: true, companies: 4, jobs: 46, since: 2025 } }),
    });
    await settle();
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs').flush([]);
    backend.expectOne((r) => r.url === '/api/cohorts').flush([]);
    await settle();
    expect(text('outcome-funds')).toContain('—');
    expect(text('outcome-funds')).toContain('Withheld: fewer than 3 startups');
    expect(text('outcome-funds')).not.toContain('No data yet');
  });

  it("lists the board packs with the user's language first, and asks for the quarter's pack", async () => {
    const files = [
      reportFile({ id: 'f1', format: 'pdf', locale: 'fr' }),
      reportFile({ id: 'f2', format: 'xlsx', locale: 'en' }),
      reportFile({ id: 'f3', format: 'pdf', locale: 'en' }),
      reportFile({ id: 'f4', format: 'xlsx', locale: 'fr' }),
    ];
    await open('/board?quarter=2026-Q2', '2026-Q2', [reportRun({ status: 'completed', progress: 100, files })]);
    const row = byTestId('pack-row', view());
    expect(row.dataset['period']).toBe('2026-Q3');
    const buttons = Array.from(row.querySelectorAll('button')).map((b) => b.dataset['testid']);
    expect(buttons).toEqual(['pack-download-pdf-en', 'pack-download-xlsx-en', 'pack-download-pdf-fr', 'pack-download-xlsx-fr']);
    // The accessible name starts with the visible text (WCAG 2.5.3, axe's label-content-name-mismatch).
    const first = byTestId('pack-download-pdf-en', row);
    expect(first.textContent?.trim()).toBe('PDF · EN');
    expect(first.getAttribute('aria-label')).toMatch(/^PDF · EN — Download \S+/);

    expect(text('pack-generate')).toBe('Generate the Q2 2026 pack');
    await clickOn('pack-generate', view());
    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/report-runs');
    expect(post.request.body).toEqual({ kind: 'board_pack', period: '2026-Q2' });
    post.flush(reportRun({ id: 'run-2', period: '2026-Q2', status: 'running', progress: 30 }));
    await settle();

    const rows = view().querySelectorAll<HTMLElement>('[data-testid="pack-row"]');
    expect(rows[0].dataset['period']).toBe('2026-Q2');
    expect(byTestId('pack-progress', rows[0]).getAttribute('aria-valuenow')).toBe('30');
    expect(rows[0].textContent).toContain('30% done');
    expect(byTestId<HTMLButtonElement>('pack-generate', view()).disabled).toBe(true);
  });

  it('shows why a pack failed, and asks for it again as a retry (regenerating is for the park’s team)', async () => {
    await open('/board', '2026-Q3', [reportRun({ status: 'failed', error: 'The PDF could not be produced' })]);
    expect(text('pack-error')).toBe('The PDF could not be produced');
    expect(text('pack-generate')).toBe('Regenerate the Q3 2026 pack');
    await clickOn('pack-generate', view());
    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/report-runs');
    expect(post.request.body).toEqual({ kind: 'board_pack', period: '2026-Q3' });
    post.flush(reportRun({ status: 'queued' }));
    await settle();
  });

  it('offers a board member no button to regenerate a finished pack (it would e-mail everyone again)', async () => {
    await open('/board', '2026-Q3', [reportRun({ status: 'completed', progress: 100 })]);
    expect(view().querySelector('[data-testid="pack-generate"]')).toBeNull();
  });

  it('says how many rounds are not listed, and why', async () => {
    harness = await RouterTestingHarness.create('/board');
    backend.expectOne('/api/board/quarters/2026-Q3').flush({
      ...quarterData('2026-Q3'),
      rounds: [],
      roundsWithheld: 2,
      aggregates: { suppressionThreshold: 3 } as KpiAggregatesResponse,
    });
    await settle();
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs').flush([]);
    backend.expectOne((r) => r.url === '/api/cohorts').flush([]);
    await settle();
    expect(text('board-rounds')).toContain('No round listed this quarter.');
    expect(text('board-rounds-withheld')).toBe('2 round(s) of the quarter not listed: they would give away figures withheld because fewer than 3 startups stand behind them.');
  });
});
