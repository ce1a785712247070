import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  CohortResponse,
  EnrollmentResponse,
  FundingRoundResponse,
  KpiReportResponse,
  MilestoneResponse,
  StartupResponse,
} from '@incubator/contracts';
import { clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { StartupDetailPage } from './startup-detail.page';

const acme: StartupResponse = {
  id: 'startup-acme',
  legalName: 'Acme SAS',
  country: 'FR',
  siren: '732829320',
  sector: 'ai',
  foundedOn: '2021-04-01',
  stage: 'mvp',
  website: null,
  description: null,
  teamSize: 4,
  currentEnrollment: null,
  alumni: false,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};
const spring = {
  id: 'cohort-1',
  programId: 'p-1',
  programName: 'Incubator Lille',
  name: 'Spring 2026',
  startsOn: '2026-03-02',
  endsOn: '2026-07-01',
} as CohortResponse;
const autumn = { ...spring, id: 'cohort-2', name: 'Autumn 2026', startsOn: '2026-09-01', endsOn: '2027-02-01' };
const applied: EnrollmentResponse = {
  id: 'enr-1',
  cohortId: 'cohort-2',
  cohortName: 'Autumn 2026',
  programName: 'Incubator Lille',
  startupId: 'startup-acme',
  startupName: 'Acme SAS',
  status: 'applied',
  history: [{ from: null, to: 'applied', at: '2026-02-01T10:00:00.000Z', by: 'Camille manager', note: null }],
};
const mvp: MilestoneResponse = {
  id: 'm-1',
  startupId: 'startup-acme',
  title: 'MVP in production',
  category: 'product',
  dueOn: '2026-01-15',
  status: 'achieved',
  evidenceNote: null,
  evidenceUrl: null,
  overdue: false,
  comments: [],
  updatedAt: '2026-01-01T00:00:00Z',
};

const march: KpiReportResponse = {
  id: 'report-03',
  startupId: 'startup-acme',
  startupName: 'Acme SAS',
  period: '2026-03',
  periodStart: '2026-03-01',
  periodEnd: '2026-04-01',
  dueOn: '2026-04-16',
  status: 'validated',
  values: { headcount: '5', revenue: '12000.00' },
  fundsRaisedEur: '0.00',
  returnComment: null,
  submittedAt: '2026-04-02T10:00:00Z',
  validatedAt: '2026-04-03T10:00:00Z',
  updatedAt: '2026-04-03T10:00:00Z',
};
const seed: FundingRoundResponse = {
  id: 'round-1',
  startupId: 'startup-acme',
  startupName: 'Acme SAS',
  kind: 'seed',
  status: 'closed',
  currency: 'EUR',
  amount: '1500000.00',
  eurRate: '1',
  amountEur: '1500000.00',
  amountEurCents: 150000000,
  announcedOn: null,
  closedOn: '2026-03-10',
  investors: [{ id: 'inv-1', name: 'Nord Capital', kind: 'fund' }],
  leadInvestorId: 'inv-1',
  preMoneyValuation: '6000000.00',
  valuationHidden: false,
  updatedAt: '2026-03-10T10:00:00Z',
};

describe('StartupDetailPage', () => {
  let backend: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      // The charts stay placeholders: chart.js needs a real canvas.
      deferBlockBehavior: DeferBlockBehavior.Manual,
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'manage/startups/:id', component: StartupDetailPage }]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
    const harness = await RouterTestingHarness.create('/manage/startups/startup-acme');
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/startups/startup-acme').flush(acme);
    const enrollments = backend.expectOne((r) => r.url === '/api/enrollments');
    expect(enrollments.request.params.get('startupId')).toBe('startup-acme');
    enrollments.flush([]);
    backend.expectOne('/api/startups/startup-acme/milestones').flush([mvp]);
    backend.expectOne((r) => r.url === '/api/cohorts').flush([autumn, spring]);
    await settle();
    const reports = backend.expectOne((r) => r.url === '/api/kpi-reports');
    expect(reports.request.params.get('startupId')).toBe('startup-acme');
    reports.flush({ items: [march], total: 1, limit: 100, offset: 0 });
    const rounds = backend.expectOne((r) => r.url === '/api/funding-rounds');
    expect(rounds.request.params.get('startupId')).toBe('startup-acme');
    rounds.flush({ items: [seed], total: 1, limit: 100, offset: 0 });
    backend.match('/api/startups/startup-acme/contacts').forEach((request) => request.flush([]));
    await settle();
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const enrollSelect = () => page.querySelector<HTMLSelectElement>('[data-testid="enroll-cohort"]');

  it('shows the profile, and milestones on the timeline', () => {
    expect(page.querySelector('[data-testid="startup-title"]')?.textContent).toBe('Acme SAS');
    expect(page.querySelector('[data-testid="startup-siren-value"]')?.textContent).toBe('732829320');
    const timeline = page.querySelector('[data-testid="timeline"]');
    expect(timeline?.textContent).toContain('Milestone due: MVP in production');
    expect(timeline?.textContent).toContain('Jan 15, 2026');
  });

  it("shows the startup's KPI reports and its funding rounds", () => {
    const section = page.querySelector('[data-testid="startup-kpis"]');
    expect(section?.querySelectorAll('[data-testid="startup-kpi-report"]')).toHaveLength(1);
    expect(section?.querySelector('[data-testid="startup-kpi-report"]')?.textContent).toContain('March 2026');
    expect(section?.querySelector('[data-testid="startup-kpi-report"]')?.textContent).toContain('Validated');
    const rows = section?.querySelectorAll('[data-testid="round-row"]') ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Seed');
    expect(rows[0].textContent).toContain('€1,500,000.00');
    expect(rows[0].textContent).toContain('Nord Capital (lead)');
  });

  it("exports the startup's funding rounds as CSV or XLSX", async () => {
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:export'), revokeObjectURL: jest.fn() });
    const clicks: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    try {
      await clickOn('rounds-export-csv', page);
      const csv = backend.expectOne((r) => r.url === '/api/funding-rounds/export');
      expect(csv.request.params.get('format')).toBe('csv');
      expect(csv.request.params.get('startupId')).toBe('startup-acme');
      csv.flush(new Blob(['a;b']));
      await settle();

      await clickOn('rounds-export-xlsx', page);
      const xlsx = backend.expectOne((r) => r.url === '/api/funding-rounds/export');
      expect(xlsx.request.params.get('format')).toBe('xlsx');
      xlsx.flush(new Blob(['x']), { headers: { 'Content-Disposition': 'attachment; filename="funding-rounds-acme.xlsx"' } });
      await settle();

      expect(clicks).toEqual(['funding-rounds.csv', 'funding-rounds-acme.xlsx']);
    } finally {
      click.mockRestore();
    }
  });

  it('enrolls the startup in a cohort, then offers the next moves and records them on the timeline', async () => {
    expect(Array.from(enrollSelect()?.options ?? []).map((o) => o.value)).toEqual(['', 'cohort-2', 'cohort-1']);
    expect(enrollSelect()?.options[1].textContent).toContain(
      'Incubator Lille — Autumn 2026 (Sep 1, 2026 – Jan 31, 2027)',
    );

    await typeInto('enroll-cohort', 'cohort-2', page);
    await clickOn('enroll-submit', page);
    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/enrollments');
    expect(post.request.body).toEqual({ cohortId: 'cohort-2', startupId: 'startup-acme' });
    post.flush(applied);
    await settle();

    const status = page.querySelector<HTMLElement>('[data-testid="enrollment-status"]');
    expect(status?.dataset['status']).toBe('applied');
    expect(page.querySelector('[data-testid="transition-admitted"]')).not.toBeNull();
    // Already in that cohort: no longer offered.
    expect(Array.from(enrollSelect()?.options ?? []).map((o) => o.value)).toEqual(['', 'cohort-1']);

    await clickOn('transition-admitted', page);
    backend.expectOne('/api/enrollments/enr-1/transitions').flush({
      ...applied,
      status: 'admitted',
      history: [
        ...applied.history,
        { from: 'applied', to: 'admitted', at: '2026-02-10T10:00:00.000Z', by: 'Camille manager', note: null },
      ],
    });
    await settle();

    expect(page.querySelector<HTMLElement>('[data-testid="enrollment-status"]')?.dataset['status']).toBe('admitted');
    expect(page.querySelector('[data-testid="transition-active"]')).not.toBeNull();
    const entries = Array.from(page.querySelectorAll('[data-testid="timeline-entry"]')).map((e) =>
      e.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain('MVP in production');
    expect(entries[1]).toContain('Autumn 2026: Applied');
    expect(entries[2]).toContain('Applied → Admitted');
  });

  it('says why an enrollment was refused (409 already enrolled)', async () => {
    await typeInto('enroll-cohort', 'cohort-1', page);
    await clickOn('enroll-submit', page);
    backend
      .expectOne((r) => r.method === 'POST' && r.url === '/api/enrollments')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'This startup is already enrolled in this cohort' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(page.querySelector('[data-testid="enroll-error"]')?.textContent).toContain(
      'This startup is already enrolled in this cohort',
    );
  });

  it('edits the profile and sends only what changed', async () => {
    await clickOn('startup-edit', page);
    await typeInto('startup-stage', 'revenue', page);
    await clickOn('startup-save', page);

    const patch = backend.expectOne((r) => r.method === 'PATCH' && r.url === '/api/startups/startup-acme');
    expect(patch.request.body).toEqual({ stage: 'revenue' });
    patch.flush({ ...acme, stage: 'revenue' });
    await settle();

    expect(page.querySelector('[data-testid="startup-profile"]')?.textContent).toContain('First revenue');
  });
});
