import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { KpiReportResponse, previousPeriod } from '@incubator/contracts';
import { afterDialogClosed, byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { definition, kpiReport } from '../../../core/kpis/kpi-fixtures';
import { daysBetween, defaultReportPeriod, reportDueOn } from '../../../core/kpis/kpi-periods';
import { today } from '../../../core/space/today';
import { KpiReportPage } from './kpi-report.page';

const definitions = [
  definition('headcount'),
  definition('jobs_created', { required: false }),
  definition('revenue'),
  definition('grants', { periodicity: 'quarterly' }),
];
const period = defaultReportPeriod(today());
const before = previousPeriod(period);

describe('KpiReportPage (startup portal)', () => {
  let fixture: ComponentFixture<KpiReportPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  async function open(reports: KpiReportResponse[]): Promise<void> {
    fixture = TestBed.createComponent(KpiReportPage);
    backend.expectOne('/api/kpi-definitions').flush(definitions);
    const list = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'GET');
    expect(list.request.params.get('startupId')).toBe('startup-1');
    list.flush({ items: reports, total: reports.length, limit: 100, offset: 0 });
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  }

  const input = (key: string) => byTestId<HTMLInputElement>(`kpi-value-${key}`, page);
  const submitButton = () => byTestId<HTMLButtonElement>('kpi-submit', page);
  const text = (testId: string) => byTestId(testId, page).textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [KpiReportPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('startup');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('opens on the previous month, with one field per monthly KPI and the month before beside each', async () => {
    await open([kpiReport(before, { status: 'validated', values: { headcount: '4', revenue: '12000.50' } })]);

    const select = byTestId<HTMLSelectElement>('kpi-period', page);
    expect(select.value).toBe(period);
    expect(select.options).toHaveLength(12);
    expect(page.querySelector('[data-testid="kpi-value-grants"]')).toBeNull();
    expect(text('kpi-previous-headcount')).toBe('Previous month: 4');
    expect(text('kpi-previous-revenue')).toBe('Previous month: 12,000.5');
    expect(text('kpi-previous-jobs_created')).toBe('Previous month: —');
    expect(text('kpi-status')).toBe('Not started');
    expect(input('headcount').value).toBe('');
  });

  it('shows the values reported for another month when it is picked', async () => {
    await open([kpiReport(before, { status: 'validated', values: { headcount: '4' } })]);

    await typeInto('kpi-period', before, page);

    expect(input('headcount').value).toBe('4');
    expect(text('kpi-status')).toBe('Validated');
    expect(input('headcount').disabled).toBe(true);
  });

  it('creates a draft, then updates it, the values as decimal strings', async () => {
    await open([]);

    await typeInto('kpi-value-headcount', '5', page);
    await typeInto('kpi-value-revenue', '15 000,50', page);
    await clickOn('kpi-save', page);
    const create = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'POST');
    expect(create.request.body).toEqual({
      startupId: 'startup-1',
      period,
      values: { headcount: '5', revenue: '15000.50' },
      submit: false,
    });
    create.flush(kpiReport(period, { values: { headcount: '5', revenue: '15000.50' } }));
    await settle();
    expect(text('kpi-status')).toBe('Draft');

    await typeInto('kpi-value-headcount', '6', page);
    await clickOn('kpi-save', page);
    const update = backend.expectOne((r) => r.url === `/api/kpi-reports/report-${period}` && r.method === 'PATCH');
    expect(update.request.body).toEqual({ values: { headcount: '6', revenue: '15000.50' }, submit: false });
    update.flush(kpiReport(period, { values: { headcount: '6', revenue: '15000.50' } }));
    await settle();
  });

  it('enables submit once every required KPI is there, then locks the report', async () => {
    await open([kpiReport(period, { values: { headcount: '5' } })]);
    expect(submitButton().disabled).toBe(true);

    await typeInto('kpi-value-revenue', 'abc', page);
    expect(submitButton().disabled).toBe(true);
    await typeInto('kpi-value-revenue', '100', page);
    expect(submitButton().disabled).toBe(false);

    await clickOn('kpi-submit', page);
    // Nothing is sent before the founder confirms.
    backend.expectNone(`/api/kpi-reports/report-${period}`);
    expect(document.querySelector('[data-testid="kpi-submit-anomalies"]')).toBeNull();
    await clickOn('kpi-submit-confirm');
    const update = backend.expectOne(`/api/kpi-reports/report-${period}`);
    expect(update.request.body).toEqual({ values: { headcount: '5', revenue: '100' }, submit: true });
    update.flush(kpiReport(period, { status: 'submitted', values: { headcount: '5', revenue: '100' } }));
    await settle();

    expect(text('kpi-status')).toBe('Submitted');
    expect(submitButton().disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('kpi-save', page).disabled).toBe(true);
    expect(input('headcount').disabled).toBe(true);
  });

  it("shows the team's comment on a returned report, which can be changed again", async () => {
    await open([
      kpiReport(period, { status: 'returned', returnComment: 'Revenue looks wrong', values: { headcount: '5', revenue: '1' } }),
    ]);

    expect(text('kpi-status')).toBe('Returned');
    expect(text('kpi-returned-comment')).toBe('Revenue looks wrong');
    expect(input('revenue').disabled).toBe(false);
    expect(submitButton().disabled).toBe(false);
  });

  it('updates the report that already exists when creating answers 409', async () => {
    await open([]);

    await typeInto('kpi-value-headcount', '5', page);
    await clickOn('kpi-save', page);
    backend
      .expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'POST')
      .flush({ message: 'A report exists' }, { status: 409, statusText: 'Conflict' });
    const lookup = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'GET');
    expect(lookup.request.params.get('period')).toBe(period);
    lookup.flush({ items: [kpiReport(period, { id: 'existing' })], total: 1, limit: 1, offset: 0 });
    const update = backend.expectOne('/api/kpi-reports/existing');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ values: { headcount: '5' }, submit: false });
    update.flush(kpiReport(period, { id: 'existing', values: { headcount: '5' } }));
    await settle();

    expect(text('kpi-status')).toBe('Draft');
  });

  it("shows the API's field errors at their field", async () => {
    await open([]);

    await typeInto('kpi-value-headcount', '5', page);
    await clickOn('kpi-save', page);
    backend
      .expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'POST')
      .flush(
        { message: 'Invalid', fields: { 'values.headcount': ['Above the usual range.'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();

    expect(input('headcount').closest('mat-form-field')?.textContent).toContain('Above the usual range.');
  });

  it('warns about a value over three times the month before, and sends nothing when the founder goes back', async () => {
    await open([
      kpiReport(before, { status: 'validated', values: { headcount: '4', revenue: '15000' } }),
      kpiReport(period, { values: { headcount: '5' } }),
    ]);
    await typeInto('kpi-value-revenue', '1500000', page);
    await clickOn('kpi-submit', page);

    const warning = byTestId('kpi-submit-anomalies').textContent ?? '';
    expect(warning).toContain('revenue: 1,500,000 € against 15,000 €');
    expect(warning).toContain('×100');
    expect(warning).not.toContain('headcount');
    await clickOn('kpi-submit-cancel');
    await afterDialogClosed();
    backend.expectNone(`/api/kpi-reports/report-${period}`);
    expect(text('kpi-status')).toBe('Draft');
  });

  it('shows when the report is due, and how late it is once past that day', async () => {
    await open([]);
    const due = reportDueOn(period);
    const late = daysBetween(due, today());
    const shown = text('kpi-due') ?? '';
    expect(shown).toMatch(/^Due by \w+ \d{1,2}, \d{4}/);
    if (late > 0) {
      expect(shown).toContain(`${late} day(s) late`);
    } else {
      expect(shown).not.toContain('late');
    }

    await typeInto('kpi-period', previousPeriod(before), page);
    // Two months back is always past its due date.
    expect(text('kpi-due')).toContain(`${daysBetween(reportDueOn(previousPeriod(before)), today())} day(s) late`);
  });

  it('keeps the derived funds apart from the submitted values, and says they are derived', async () => {
    await open([
      kpiReport(period, {
        status: 'submitted',
        submittedAt: '2026-03-10T09:00:00Z',
        values: { headcount: '5', revenue: '100' },
        fundsRaisedEur: '500000.00',
      }),
    ]);
    const form = page.querySelector('form') as HTMLFormElement;
    expect(form.querySelector('[data-testid="kpi-funds-raised"]')).toBeNull();
    const derived = byTestId('kpi-derived', page);
    expect(derived.textContent).toContain('Derived figures');
    expect(derived.textContent).toContain('not part of what you entered or submitted');
    expect(text('kpi-funds-raised')).toBe('€500,000.00');
    expect(text('kpi-submitted-on')).toContain('submitted on March 10, 2026');
  });
});
