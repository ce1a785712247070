import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { KpiAggregatesResponse, ProgramResponse } from '@incubator/contracts';
import { byTestId, clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
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

const program: ProgramResponse = {
  id: 'program-1',
  siteId: 'site-1',
  siteName: 'Lyon',
  kind: 'accelerator',
  name: 'Scale',
  description: null,
  cohortCount: 1,
  archivedAt: null,
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
    backend
      .expectOne('/api/kpi-definitions')
      .flush([
        definition('headcount'),
        definition('revenue'),
        definition('burn_rate', {
          labelFr: 'Consommation',
          labelEn: 'Burn rate',
          unit: 'eur',
          aggregation: 'average',
          required: false,
          minValue: '0',
          maxValue: '500000',
          programId: 'program-1',
          standard: false,
        }),
      ]);
    const queue = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'GET');
    expect(queue.request.params.get('status')).toBe('submitted');
    queue.flush({
      items: [
        kpiReport('2026-02', { id: 'r-1', status: 'submitted', values: { headcount: '4', revenue: '15000' } }),
        kpiReport('2026-02', { id: 'r-2', startupId: 'startup-2', startupName: 'Beta SAS', status: 'submitted', values: { headcount: '2' } }),
      ],
      total: 2,
      limit: 100,
      offset: 0,
    });
    // What the same startups handed in the month before, to compare with.
    const previous = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.params.get('period') === '2026-01');
    previous.flush({
      items: [
        kpiReport('2026-01', { id: 'p-1', status: 'validated', values: { headcount: '4', revenue: '150' } }),
        kpiReport('2026-01', { id: 'p-2', startupId: 'startup-2', status: 'draft', values: { headcount: '1' } }),
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
    // The figures' filter and the definitions' form each list the programs.
    const programs = backend.match('/api/programs');
    expect(programs).toHaveLength(2);
    programs.forEach((request) => request.flush([program]));
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
    const revenue = byTestId('kpi-queue-kpi-revenue', rows[0]);
    const cells = Array.from(revenue.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim());
    expect(cells).toEqual(['⚠ revenue', '15,000 €', '150 €', '+14,850 €', '+9,900%']);
    expect(revenue.getAttribute('data-anomaly')).toBe('jump');
    expect(byTestId('kpi-queue-kpi-headcount', rows[0]).getAttribute('data-anomaly')).toBeNull();
    expect(byTestId('kpi-queue-anomalies', rows[0]).textContent).toContain(
      'revenue: 15,000 € against 150 € in January 2026, that is ×100 — over 3 times the previous value',
    );
    // A draft of the month before is not what the startup reported: nothing to compare with.
    expect(byTestId('kpi-queue-kpi-headcount', rows[1]).textContent).toContain('—');
    expect(rows[1].querySelector('[data-testid="kpi-queue-anomalies"]')).toBeNull();

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

    // The range is typed in the UI's language (a Material datepicker), not in a native date input's.
    expect(byTestId<HTMLInputElement>('figures-from', page).type).toBe('text');
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

  describe('KPI definitions', () => {
    const rows = () => Array.from(page.querySelectorAll<HTMLElement>('[data-testid="kpi-definition-row"]'));
    const rowText = (row: HTMLElement) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '';

    async function fill(): Promise<void> {
      await typeInto('kpi-def-key', 'mrr', page);
      await typeInto('kpi-def-label-fr', 'Revenu récurrent', page);
      await typeInto('kpi-def-label-en', 'Recurring revenue', page);
      await typeInto('kpi-def-unit', 'eur', page);
      await typeInto('kpi-def-aggregation', 'latest', page);
      await typeInto('kpi-def-periodicity', 'quarterly', page);
    }

    it('lists the definitions with their label, unit, bounds, program and the standard badge', () => {
      expect(rows()).toHaveLength(3);
      expect(rowText(rows()[0])).toContain('headcount');
      expect(rows()[0].querySelector('[data-testid="kpi-definition-standard"]')?.textContent).toContain('Standard');
      expect(text('kpi-definition-program')).toBe('All programs');

      const own = rows()[2];
      expect(own.querySelector('[data-testid="kpi-definition-standard"]')).toBeNull();
      const cells = Array.from(own.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
      expect(cells.slice(0, 6)).toEqual(['burn_rate', 'Burn rate', 'Euros', 'Average', 'Monthly', 'No']);
      expect(byTestId('kpi-definition-bounds', own).textContent?.trim()).toBe('0 – 500,000');
      expect(byTestId('kpi-definition-program', own).textContent?.trim()).toBe('Scale · Lyon');
    });

    it('shows the label in French when the page is in French', async () => {
      TestBed.inject(LocaleService).use('fr');
      await settle();
      expect(byTestId('kpi-definition-label', rows()[2]).textContent?.trim()).toBe('Consommation');
    });

    it('sends nothing while the form is invalid, and shows why at the fields', async () => {
      await typeInto('kpi-def-key', 'Burn Rate', page);
      await typeInto('kpi-def-min', '100', page);
      await typeInto('kpi-def-max', '10', page);
      await clickOn('kpi-def-submit', page);

      backend.expectNone('/api/kpi-definitions');
      expect(fieldText('kpi-def-key', page)).toContain('Lower-case letters, digits and _, starting with a letter');
      expect(fieldText('kpi-def-label-fr', page)).toContain('Required.');
      expect(fieldText('kpi-def-max', page)).toContain('The maximum cannot be below the minimum.');
    });

    it('adds a definition with its bounds and program, then lists the definitions again', async () => {
      await fill();
      await typeInto('kpi-def-min', '0', page);
      await typeInto('kpi-def-max', '1 000 000,50', page);
      await typeInto('kpi-def-program', 'program-1', page);
      await clickOn('kpi-def-required', page);
      await clickOn('kpi-def-submit', page);

      const create = backend.expectOne((r) => r.url === '/api/kpi-definitions' && r.method === 'POST');
      expect(create.request.body).toEqual({
        key: 'mrr',
        labelFr: 'Revenu récurrent',
        labelEn: 'Recurring revenue',
        unit: 'eur',
        aggregation: 'latest',
        periodicity: 'quarterly',
        required: true,
        minValue: '0',
        maxValue: '1000000.50',
        programId: 'program-1',
      });
      const created = definition('mrr', { labelEn: 'Recurring revenue', standard: false, programId: 'program-1' });
      create.flush(created, { status: 201, statusText: 'Created' });
      await settle();

      backend.expectOne((r) => r.url === '/api/kpi-definitions' && r.method === 'GET').flush([definition('headcount'), created]);
      await settle();

      expect(text('kpi-def-created')).toBe('KPI mrr added.');
      expect(rows().map((row) => row.getAttribute('data-key'))).toEqual(['headcount', 'mrr']);
      expect(byTestId<HTMLInputElement>('kpi-def-key', page).value).toBe('');
      expect(byTestId<HTMLInputElement>('kpi-def-required', page).checked).toBe(false);
    });

    it('leaves out empty bounds and the program when none is chosen', async () => {
      await fill();
      await clickOn('kpi-def-submit', page);

      const create = backend.expectOne((r) => r.url === '/api/kpi-definitions' && r.method === 'POST');
      expect(create.request.body).toEqual({
        key: 'mrr',
        labelFr: 'Revenu récurrent',
        labelEn: 'Recurring revenue',
        unit: 'eur',
        aggregation: 'latest',
        periodicity: 'quarterly',
        required: false,
      });
      create.flush(definition('mrr'), { status: 201, statusText: 'Created' });
      await settle();
      backend.expectOne('/api/kpi-definitions').flush([]);
    });

    it('shows the API\'s field errors under their fields and the rest above the button', async () => {
      await fill();
      await clickOn('kpi-def-submit', page);
      backend
        .expectOne((r) => r.url === '/api/kpi-definitions' && r.method === 'POST')
        .flush(
          { statusCode: 409, message: 'A KPI already has this key', fields: { key: ['The key mrr is already used'] } },
          { status: 409, statusText: 'Conflict' },
        );
      await settle();

      expect(fieldText('kpi-def-key', page)).toContain('The key mrr is already used');
      expect(page.querySelector('[data-testid="kpi-def-error"]')).toBeNull();
      expect(rows()).toHaveLength(3);
      backend.expectNone('/api/kpi-definitions');

      // Editing the key clears the server's message; another 400 names a field the form lacks.
      await typeInto('kpi-def-key', 'mrr_2', page);
      expect(fieldText('kpi-def-key', page)).not.toContain('already used');
      await typeInto('kpi-def-max', '10', page);
      await clickOn('kpi-def-submit', page);
      backend
        .expectOne((r) => r.url === '/api/kpi-definitions' && r.method === 'POST')
        .flush(
          {
            statusCode: 400,
            message: 'Invalid request',
            fields: { maxValue: ['maxValue must be at least 100'], scope: ['Unknown scope'] },
          },
          { status: 400, statusText: 'Bad Request' },
        );
      await settle();

      expect(fieldText('kpi-def-max', page)).toContain('maxValue must be at least 100');
      expect(text('kpi-def-error')).toBe('Unknown scope');
    });
  });

  it('exports every funding round as CSV or XLSX', async () => {
    await clickOn('rounds-export-xlsx', page);
    const file = backend.expectOne((r) => r.url === '/api/funding-rounds/export');
    expect(file.request.params.get('format')).toBe('xlsx');
    expect(file.request.params.has('startupId')).toBe(false);
    expect(file.request.responseType).toBe('blob');
    expect(byTestId<HTMLButtonElement>('rounds-export-csv', page).disabled).toBe(true);
    file.flush(new Blob(['x']), { status: 500, statusText: 'Server Error' });
    await settle();

    expect(text('rounds-export-error')).toBe('Something went wrong on our side. Try again in a moment.');
    expect(byTestId<HTMLButtonElement>('rounds-export-csv', page).disabled).toBe(false);
  });
});
