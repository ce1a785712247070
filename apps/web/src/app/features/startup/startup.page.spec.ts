import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { LeaseResponse, MilestoneResponse, previousPeriod, StartupResponse } from '@incubator/contracts';
import { afterDialogClosed, clickOn, settle, typeInto } from '../../../testing/dom';
import { signIn } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { provideRouter } from '@angular/router';
import { formatCalendarDate } from '../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../core/i18n/locale.service';
import { kpiReport } from '../../core/kpis/kpi-fixtures';
import { defaultReportPeriod, reportDueOn } from '../../core/kpis/kpi-periods';
import { today } from '../../core/space/today';
import { StartupPage } from './startup.page';

const startup: StartupResponse = {
  id: 'startup-1',
  legalName: 'Acme SAS',
  country: 'FR',
  siren: '732829320',
  sector: 'ai',
  foundedOn: null,
  stage: 'mvp',
  website: null,
  description: null,
  teamSize: 4,
  currentEnrollment: null,
  alumni: false,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function milestone(overrides: Partial<MilestoneResponse> = {}): MilestoneResponse {
  return {
    id: 'm-1',
    startupId: 'startup-1',
    title: 'First paying customer',
    category: 'customers',
    dueOn: '2026-01-31',
    status: 'in_progress',
    evidenceNote: null,
    evidenceUrl: null,
    overdue: true,
    comments: [{ id: 'c-1', author: 'Camille manager', body: 'Any news?', createdAt: '2026-02-02T09:00:00Z' }],
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

const lease: LeaseResponse = {
  id: 'lease-1',
  startupId: 'startup-1',
  startupName: 'Acme SAS',
  floorId: 'floor-1',
  moduleIds: ['m-1', 'm-2', 'm-3'],
  startsOn: '2026-01-01',
  endsOn: '2027-01-01',
  programKind: 'incubator',
  areaM2: 72,
  monthlyPricePerM2Cents: 1550,
  monthlyRentCents: 111600,
  previousLeaseId: null,
};

describe('StartupPage (startup portal)', () => {
  let fixture: ComponentFixture<StartupPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [StartupPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('startup');
    fixture = TestBed.createComponent(StartupPage);
    backend.expectOne('/api/startups/startup-1').flush(startup);
    backend.expectOne('/api/startups/startup-1/milestones').flush([milestone()]);
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/leases' && r.params.get('startupId') === 'startup-1').flush([lease]);
    backend.expectOne('/api/leases/lease-1/office').flush({
      leaseId: 'lease-1',
      buildingName: 'Bâtiment Blanc',
      floorName: 'Rez-de-jardin',
      floorLevel: 0,
      on: today(),
      columns: 3,
      rows: 2,
      modules: [
        { col: 0, row: 0, mine: true, retired: false },
        { col: 1, row: 0, mine: true, retired: false },
        { col: 2, row: 0, mine: true, retired: false },
        { col: 0, row: 1, mine: false, retired: false },
        { col: 2, row: 1, mine: false, retired: true },
      ],
    });
    // The to-do list: last month not started, the month before handed back.
    const reports = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.params.get('startupId') === 'startup-1');
    reports.flush({
      items: [kpiReport(previousPeriod(defaultReportPeriod(today())), { id: 'r-back', status: 'returned' })],
      total: 1,
      limit: 100,
      offset: 0,
    });
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const view = () => fixture.nativeElement as HTMLElement;
  const row = () => view().querySelector<HTMLElement>('[data-testid="milestone-row-First paying customer"]');

  it("shows where the startup's office is: building, floor and its modules on a sketch of the floor", () => {
    expect(view().querySelector('[data-testid="my-office-building"]')?.textContent).toBe('Bâtiment Blanc');
    expect(view().querySelector('[data-testid="my-office-floor"]')?.textContent).toContain('Rez-de-jardin (level 0)');
    const plan = view().querySelector('[data-testid="office-plan"]') as HTMLElement;
    expect(plan.getAttribute('aria-label')).toBe('Plan of Rez-de-jardin: your 3 module(s) in colour');
    expect(plan.querySelectorAll('[data-mine="true"]')).toHaveLength(3);
    expect(plan.querySelectorAll('.module')).toHaveLength(5);
  });

  it("shows the startup's office: area, rent and its last day inclusive", () => {
    const office = view().querySelector('[data-testid="my-office-lease-lease-1"]')?.textContent ?? '';
    expect(office).toContain('72 m²');
    expect(office).toContain('€1,116.00');
    expect(office).toContain('Dec 31, 2026');
  });

  it('lists what to do next, soonest first, with due dates: the milestone overdue, the reports late or due', () => {
    const items = Array.from(view().querySelectorAll<HTMLElement>('[data-testid="portal-todo-item"]'));
    const texts = items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(items.map((item) => item.dataset['kind'])).toEqual(['milestone', 'report', 'report']);
    expect(texts[0]).toContain('Milestone: First paying customer');
    expect(texts[0]).toContain('planned for January 31, 2026');
    expect(texts[0]).toMatch(/\d+ day\(s\) late/);
    expect(texts[1]).toContain('Handed back');
    const current = defaultReportPeriod(today());
    expect(texts[2]).toContain(`due by ${formatCalendarDate(reportDueOn(current), 'en', 'long')}`);
    expect(items[2].querySelector('a')?.getAttribute('href')).toBe(`/startup/kpis?period=${current}`);
  });

  it("lists the startup's milestones with their status, the overdue badge and the reviewers' comments", () => {
    expect(view().querySelector('[data-testid="startup-name"]')?.textContent).toBe('Acme SAS');
    expect(row()?.querySelector('[data-testid="milestone-status-chip"]')?.textContent).toContain('In progress');
    expect(row()?.querySelector('[data-testid="milestone-overdue"]')?.textContent).toContain('Overdue');
    expect(row()?.querySelector('[data-testid="milestone-comments"]')?.textContent).toContain('Any news?');
    // A startup member reports; only reviewers comment.
    expect(row()?.querySelector('[data-testid="milestone-comment"]')).toBeNull();
  });

  it('changes the status of a milestone with its evidence', async () => {
    const status = row()?.querySelector<HTMLSelectElement>('[data-testid="milestone-status"]');
    const values = Array.from(status?.options ?? []).map((o) => o.value);
    expect(values).toEqual(['planned', 'in_progress', 'achieved', 'missed']);
    expect(status?.value).toBe('in_progress');

    await typeInto('milestone-status', 'achieved', row() ?? undefined);
    await typeInto('milestone-evidence-url', 'https://acme.example/invoice-1', row() ?? undefined);
    await clickOn('milestone-save', row() ?? undefined);

    const patch = backend.expectOne('/api/startups/startup-1/milestones/m-1');
    expect(patch.request.body).toEqual({ status: 'achieved', evidenceUrl: 'https://acme.example/invoice-1' });
    patch.flush(milestone({ status: 'achieved', overdue: false, evidenceUrl: 'https://acme.example/invoice-1' }));
    await settle();

    expect(row()?.querySelector('[data-testid="milestone-status-chip"]')?.textContent).toContain('Achieved');
    expect(row()?.querySelector('[data-testid="milestone-overdue"]')).toBeNull();
  });

  it('adds a milestone', async () => {
    await clickOn('milestone-create-open', view());
    await typeInto('milestone-title', 'Seed round');
    await typeInto('milestone-category', 'funding');
    await typeInto('milestone-due', '2026-09-30');
    await clickOn('milestone-submit');

    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/startups/startup-1/milestones');
    const seed = { title: 'Seed round', category: 'funding', dueOn: '2026-09-30', status: 'planned' } as const;
    expect(post.request.body).toEqual(seed);
    post.flush(milestone({ id: 'm-2', ...seed, overdue: false, comments: [] }));
    await afterDialogClosed();

    const titles = Array.from(view().querySelectorAll('[data-testid^="milestone-row-"]')).map((r) =>
      r.getAttribute('data-testid'),
    );
    expect(titles).toEqual(['milestone-row-First paying customer', 'milestone-row-Seed round']);
  });

  it('saves the profile the member edits', async () => {
    await typeInto('startup-team-size', '6', view());
    await clickOn('startup-save', view());

    const patch = backend.expectOne((r) => r.method === 'PATCH' && r.url === '/api/startups/startup-1');
    expect(patch.request.body).toEqual({ teamSize: 6 });
    patch.flush({ ...startup, teamSize: 6 });
    await settle();
  });
});
