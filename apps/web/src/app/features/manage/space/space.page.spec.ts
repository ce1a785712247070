import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { FloorPlanModule, FloorPlanResponse, LeaseResponse, OrganisationResponse, ProposalResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { SpacePage } from './space.page';

const organisation: OrganisationResponse = {
  id: 'org-1',
  slug: 'euratech',
  name: 'EuraTechnologies',
  timeZone: 'Europe/Paris',
  defaultLocale: 'fr',
  sites: [{ id: 'site-1', slug: 'lille', name: 'Lille', city: 'Lille', address: null }],
};
const acme = { id: 'lease-a', startupId: 's-a', startupName: 'Acme' };

function module(col: number, row: number, extra: Partial<FloorPlanModule> = {}): FloorPlanModule {
  return { id: `m-${col}-${row}`, col, row, retired: false, lease: null, ...extra };
}

const plan: FloorPlanResponse = {
  floor: { id: 'f-1', buildingId: 'b-1', level: 1, name: 'First', moduleCount: 4, leasableM2: 96 },
  on: '2026-03-02',
  columns: 4,
  rows: 1,
  modules: [module(0, 0, { lease: acme }), module(1, 0), module(2, 0), module(3, 0)],
};
const proposal: ProposalResponse = {
  floorId: 'f-1',
  floorName: 'First',
  buildingName: 'A',
  moduleIds: ['m-1-0', 'm-2-0', 'm-3-0'],
  cells: [
    { col: 1, row: 0 },
    { col: 2, row: 0 },
    { col: 3, row: 0 },
  ],
  requestedAreaM2: 50,
  areaM2: 72,
  perimeter: 8,
  fragmentation: 0,
  distance: null,
};
const lease: LeaseResponse = {
  id: 'lease-a',
  startupId: 's-a',
  startupName: 'Acme',
  floorId: 'f-1',
  moduleIds: ['m-0-0'],
  startsOn: '2026-01-01',
  endsOn: '2027-01-01',
  programKind: 'incubator',
  areaM2: 24,
  monthlyPricePerM2Cents: 1500,
  monthlyRentCents: 36000,
  previousLeaseId: null,
};

describe('SpacePage', () => {
  let fixture: ComponentFixture<SpacePage>;
  let backend: HttpTestingController;
  const view = () => fixture.nativeElement as HTMLElement;
  const at = (col: number, row: number) => byTestId(`module-${col}-${row}`, view());
  const click = async (element: Element) => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SpacePage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
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
    fixture = TestBed.createComponent(SpacePage);
    backend.expectOne('/api/organisation').flush(organisation);
    backend.expectOne((r) => r.url === '/api/startups').flush({ items: [{ id: 's-b', legalName: 'Beta' }], total: 1 });
    backend.expectOne((r) => r.url === '/api/space/buildings').flush([{ id: 'b-1', siteId: 'site-1', name: 'A' }]);
    backend.expectOne((r) => r.url === '/api/space/floors').flush([plan.floor]);
    backend.expectOne((r) => r.url === '/api/space/floors/f-1/plan').flush(plan);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('links to the occupancy and the waiting list', () => {
    expect(byTestId('space-occupancy-link', view()).getAttribute('href')).toBe('/manage/space/occupancy');
    expect(byTestId('space-waitlist-link', view()).getAttribute('href')).toBe('/manage/space/waitlist');
  });

  it("shows the floor's plan and its legend", () => {
    expect(at(0, 0).getAttribute('data-state')).toBe('leased');
    expect(at(0, 0).getAttribute('data-startup')).toBe('Acme');
    expect(at(1, 0).getAttribute('data-state')).toBe('free');
    expect(byTestId('plan-legend', view()).textContent).toContain('Acme · 24 m²');
  });

  it('proposes offices, highlights the chosen one and leases it at the price typed in euros', async () => {
    await typeInto('allocate-startup', 's-b', view());
    await typeInto('allocate-area', '50', view());
    await typeInto('allocate-start', '2026-03-02', view());
    await typeInto('allocate-end', '2026-12-31', view());
    await typeInto('allocate-price', '15,50', view());
    await clickOn('allocate-propose', view());

    const propose = backend.expectOne('/api/space/proposals');
    expect(propose.request.body).toEqual({
      areaM2: 50,
      startsOn: '2026-03-02',
      endsOn: '2027-01-01',
      startupId: 's-b',
      floorId: 'f-1',
    });
    propose.flush([proposal]);
    await settle();
    const listed = backend.expectOne((r) => r.url === '/api/space/prices/in-force');
    expect(listed.request.params.get('floorId')).toBe('f-1');
    expect(listed.request.params.get('on')).toBe('2026-03-02');
    listed.flush({ siteId: 'site-1', programKind: 'incubator', on: '2026-03-02', effectiveFrom: '2026-01-01', monthlyPricePerM2Cents: 1800 });
    await settle();
    // The typed price is kept: it overrides the list price, which the form still shows.
    expect(byTestId('allocate-listed', view()).textContent).toContain('€18.00');
    expect(byTestId('allocate-listed', view()).textContent).toContain('Negotiated price');

    expect(byTestId('proposal-0', view()).textContent).toContain('72 m² (requested 50 m²)');
    expect(at(1, 0).getAttribute('data-proposed')).toBe('true');
    expect(at(0, 0).hasAttribute('data-proposed')).toBe(false);

    await clickOn('proposal-confirm', view());
    const create = backend.expectOne((r) => r.url === '/api/leases' && r.method === 'POST');
    expect(create.request.body).toEqual({
      startupId: 's-b',
      moduleIds: ['m-1-0', 'm-2-0', 'm-3-0'],
      startsOn: '2026-03-02',
      endsOn: '2027-01-01',
      programKind: 'incubator',
      monthlyPricePerM2Cents: 1550,
    });
    create.flush(
      { message: 'Module m-1-0 is already leased on these dates.', conflictingLeaseId: 'lease-x' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(byTestId('allocate-error', view()).textContent).toContain('already leased');
  });

  it('grows a lease by an adjacent free module from the effective date', async () => {
    await click(at(0, 0));
    backend.expectOne((r) => r.url === '/api/leases' && r.params.get('startupId') === 's-a').flush([lease]);
    await settle();
    const panel = byTestId('lease-panel', view()).textContent ?? '';
    expect(panel).toContain('Acme');
    expect(panel).toContain('€360.00');
    expect(panel).toContain('until Dec 31, 2026 inclusive');
    expect(byTestId('lease-modules', view()).textContent?.trim()).toBe('(0,0)');

    await clickOn('resize-grow', view());
    await click(at(3, 0)); // not next to the office: nothing to propose
    expect(view().querySelector('[data-testid="resize-pending"]')).toBeNull();
    await click(at(1, 0));
    await typeInto('resize-effective', '2026-04-01', view());
    await clickOn('resize-confirm', view());

    const resize = backend.expectOne('/api/leases/lease-a/resize');
    expect(resize.request.body).toEqual({ effectiveOn: '2026-04-01', addModuleId: 'm-1-0' });
    resize.flush(
      { message: 'The effective date must fall strictly inside the lease.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(byTestId('resize-error', view()).textContent).toContain('strictly inside');
  });

  it('fills the list price in force on the start date and then leaves the price to the server', async () => {
    await typeInto('allocate-startup', 's-b', view());
    await typeInto('allocate-area', '50', view());
    await typeInto('allocate-start', '2026-03-02', view());
    await clickOn('allocate-propose', view());
    backend.expectOne('/api/space/proposals').flush([proposal]);
    await settle();
    backend
      .expectOne((r) => r.url === '/api/space/prices/in-force')
      .flush({ siteId: 'site-1', programKind: 'incubator', on: '2026-03-02', effectiveFrom: '2026-01-01', monthlyPricePerM2Cents: 1800 });
    await settle();
    expect((byTestId('allocate-price', view()) as HTMLInputElement).value).toBe('18.00');
    expect(byTestId('allocate-listed', view()).textContent).not.toContain('Negotiated');

    await clickOn('proposal-confirm', view());
    const create = backend.expectOne((r) => r.url === '/api/leases' && r.method === 'POST');
    expect(create.request.body.monthlyPricePerM2Cents).toBeUndefined();
    create.flush({ ...lease, id: 'lease-b', startupId: 's-b', startupName: 'Beta', monthlyPricePerM2Cents: 1800 });
    await settle();
    backend.expectOne((r) => r.url === '/api/space/floors/f-1/plan').flush(plan);
    backend.expectOne((r) => r.url === '/api/leases' && r.params.get('startupId') === 's-b').flush([]);
    await settle();
  });

  it('terminates the selected lease after the last day typed, with a reason', async () => {
    await click(at(0, 0));
    backend.expectOne((r) => r.url === '/api/leases' && r.params.get('startupId') === 's-a').flush([lease]);
    await settle();

    await clickOn('lease-terminate', view());
    await typeInto('terminate-last-day', '2026-05-31', view());
    await typeInto('terminate-reason', 'graduation', view());
    await typeInto('terminate-note', '  Leaves for Paris ', view());
    await clickOn('terminate-confirm', view());

    const terminate = backend.expectOne('/api/leases/lease-a/terminate');
    expect(terminate.request.body).toEqual({ endsOn: '2026-06-01', reason: 'graduation', note: 'Leaves for Paris' });
    const ended: LeaseResponse = { ...lease, endsOn: '2026-06-01', termination: { terminatedAt: '2026-03-02T10:00:00.000Z', reason: 'graduation', note: 'Leaves for Paris' } };
    terminate.flush(ended);
    await settle();
    backend.expectOne((r) => r.url === '/api/space/floors/f-1/plan').flush(plan);
    backend.expectOne((r) => r.url === '/api/leases' && r.params.get('startupId') === 's-a').flush([ended]);
    await settle();

    expect(byTestId('lease-terminated', view()).textContent).toContain('Terminated — Graduation');
    expect(byTestId('lease-dates', view()).textContent).toContain('until May 31, 2026 inclusive');
    expect(view().querySelector('[data-testid="lease-terminate"]')).toBeNull();
  });

  it('shows why a termination was refused', async () => {
    await click(at(0, 0));
    backend.expectOne((r) => r.url === '/api/leases' && r.params.get('startupId') === 's-a').flush([lease]);
    await settle();
    await clickOn('lease-terminate', view());
    await typeInto('terminate-last-day', '2025-12-01', view());
    await clickOn('terminate-confirm', view());
    backend
      .expectOne('/api/leases/lease-a/terminate')
      .flush({ code: 'space.terminate_outside_lease', message: 'The end must fall after the lease’s start.' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(byTestId('terminate-error', view()).textContent).toContain('after the lease’s start');
  });
});
