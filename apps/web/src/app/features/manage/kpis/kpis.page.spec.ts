import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { KpiAggregatesResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { definition, kpiReport } from '../../../core/kpis/kpi-fixtures';
import { defaultReportPeriod, yearToDateRange } from '../../../core/kpis/kpi-periods';
import { today } from '../../../core/space/today';
import { KpisPage } from './kpis.page';

const figures: KpiAggregatesResponse = {
  from: '2026-01-01',
  to: '2026-04-01',
  startups: 12,
  activeStartups: 9,
  headcount: '48.5',
  jobsCreated: null,
  revenueEur: '1250000.00',
  fundsRaisedEur: '3500000.00',
  roundsByKind: [{ kind: 'seed', rounds: 2, amountEur: '3500000.00' }],
  kpis: [],
  startupsCreated: 1,
  milestoneCompletion: { due: 4, achieved: 3, rate: 75 },
  startupsCreatedByYear: [
    { year: 2024, startups: 5 },
    { year: 2025, startups: null },
  ],
  reportCompletion: { expected: 27, completed: 18, rate: 66.7 },
  suppressionThreshold: 3,
  suppressed: true,
};

describe('KpisPage (park management)', () => {
  let fixture: ComponentFixture<KpisPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;
  const text = (testId: string) => byTestId(testId, page).textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [KpisPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
    fixture = TestBed.createComponent(KpisPage);
    await fixture.whenStable();
    backend.expectOne('/api/kpi-definitions').flush([definition('headcount'), definition('revenue')]);
    const queue = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'GET');
    expect(queue.request.params.get('status')).toBe('submitted');
    queue.flush({
      items: [
        kpiReport('2026-02', { id: 'r-1', status: 'submitted', values: { headcount: '4', revenue: '15000' } }),
        kpiReport('2026-02', { id: 'r-2', startupName: 'Beta SAS', status: 'submitted', values: { headcount: '2' } }),
      ],
      total: 2,
      limit: 100,
      offset: 0,
    });
    const late = backend.expectOne((r) => r.url === '/api/kpi-reports/late');
    expect(late.request.params.get('period')).toBe(defaultReportPeriod(today()));
    late.flush([
      {
        startupId: 's-9',
        startupName: 'Gamma SAS',
        period: '2026-02',
        dueOn: '2026-03-16',
        daysLate: 4,
        status: null,
        reportId: null,
      },
    ]);
    backend.expectOne('/api/programs').flush([]);
    const aggregates = backend.expectOne((r) => r.url === '/api/kpi-aggregates');
    expect(aggregates.request.params.get('from')).toBe(yearToDateRange(today()).from);
    expect(aggregates.request.params.get('to')).toBe(yearToDateRange(today()).to);
    aggregates.flush(figures);
    await settle();
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('lists the submitted reports with their values, and validates one', async () => {
    const rows = page.querySelectorAll('[data-testid="kpi-queue-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Acme SAS');
    expect(rows[0].textContent).toContain('February 2026');
    expect(rows[0].textContent).toContain('headcount 4 · revenue 15,000 €');

    await clickOn('kpi-validate', rows[0]);
    const validate = backend.expectOne('/api/kpi-reports/r-1/validate');
    expect(validate.request.method).toBe('POST');
    validate.flush(kpiReport('2026-02', { id: 'r-1', status: 'validated' }));
    await settle();

    expect(page.querySelectorAll('[data-testid="kpi-queue-row"]')).toHaveLength(1);
  });

  it('returns a report only with a comment', async () => {
    await clickOn('kpi-return', page);
    const confirm = byTestId<HTMLButtonElement>('kpi-return-confirm', page);
    expect(confirm.disabled).toBe(true);

    const comment = byTestId<HTMLTextAreaElement>('kpi-return-comment', page);
    comment.value = 'Revenue is missing';
    comment.dispatchEvent(new Event('input'));
    await settle();
    await clickOn('kpi-return-confirm', page);
    const back = backend.expectOne('/api/kpi-reports/r-1/return');
    expect(back.request.body).toEqual({ comment: 'Revenue is missing' });
    back.flush(kpiReport('2026-02', { id: 'r-1', status: 'returned' }));
    await settle();

    expect(page.querySelectorAll('[data-testid="kpi-queue-row"]')).toHaveLength(1);
  });

  it('lists the late reports of the month with their delay', () => {
    const rows = page.querySelectorAll('[data-testid="kpi-late-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Gamma SAS');
    expect(rows[0].textContent).toContain('4 day(s)');
    expect(rows[0].textContent).toContain('Not started');
  });

  it('shows the figures in euros, and a dash with a note for a suppressed one', async () => {
    expect(text('figure-active-startups')).toBe('9');
    expect(text('figure-headcount')).toBe('48.5');
    expect(text('figure-jobs-created')).toBe('—');
    expect(text('figure-revenue')).toBe('€1,250,000');
    expect(text('figure-funds-raised')).toBe('€3,500,000');
    expect(text('figure-completion')).toBe('66.7%');
    expect(text('figures-suppressed')).toContain('fewer than 3 startups');
    expect(page.querySelectorAll('[data-testid="figures-round-row"]')[0].textContent).toContain('Seed');
    expect(page.querySelectorAll('[data-testid="figures-year-row"]')[1].textContent).toContain('—');

    await typeInto('figures-to', '2025-12-01', page);
    expect(page.querySelector('[data-testid="figures-range-error"]')).not.toBeNull();
    expect(byTestId<HTMLButtonElement>('kpi-export-csv', page).disabled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 350));
    backend.expectNone((r) => r.url === '/api/kpi-aggregates');
  });

  it('lists the bad lines of a dry run answered 422', async () => {
    const file = new File(['startup,period,headcount\nnope,2026-02,4\n'], 'kpis.csv', { type: 'text/csv' });
    const input = byTestId<HTMLInputElement>('kpi-import-file', page);
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await settle();

    await clickOn('kpi-import-dry-run', page);
    // The file is read asynchronously before it is sent.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const upload = backend.expectOne((r) => r.url === '/api/kpi-reports/import');
    expect(upload.request.params.get('dryRun')).toBe('true');
    expect(upload.request.body).toBe('startup,period,headcount\nnope,2026-02,4\n');
    upload.flush(
      { dryRun: true, lines: 1, imported: 0, errors: [{ line: 2, column: 'startup', message: 'Unknown startup' }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();

    const errors = page.querySelectorAll('[data-testid="kpi-import-error"]');
    expect(errors).toHaveLength(1);
    expect(errors[0].textContent?.replace(/\s+/g, ' ')).toContain('Line 2 · startup: Unknown startup');
    expect(text('kpi-import-summary')).toContain('1 problem(s) in 1 line(s)');
  });
});
