import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { FloorPlanModule, FloorPlanResponse, LeaseResponse, OrganisationResponse, ProposalResponse } from '@incubator/contracts';
import { byTestId, clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
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
  rank: 1,
  floorId: 'f-1',
  floorName: 'First',
  buildingName: 'A',
  moduleIds: ['m-1-0', 'm-2-0', 'm-3-0'],
  cells: [
    { col: 1, row: 0 },
    { col: 2, row: 0 },
    { col: 3, row: 0 },
  ],
  modules: [
    { id: 'm-1-0', col: 1, row: 0, name: 'B1' },
    { id: 'm-2-0', col: 2, row: 0, name: 'C1' },
    { id: 'm-3-0', col: 3, row: 0, name: 'D1' },
  ],
  requestedAreaM2: 50,
  areaM2: 72,
  perimeter: 8,
  fragmentation: 0,
  distance: null,
  monthlyPricePerM2Cents: 1800,
  monthlyRentCents: 72 * 1800,
  reasons: [{ code: 'contiguous' }, { code: 'next_to_current_office' }, { code: 'over_request', extraM2: 22 }],
};
const second: ProposalResponse = {
  ...proposal,
  rank: 2,
  moduleIds: ['m-3-0'],
  modules: [{ id: 'm-3-0', col: 3, row: 0, name: 'D1' }],
  cells: [{ col: 3, row: 0 }],
  monthlyPricePerM2Cents: null,
  monthlyRentCents: null,
  reasons: [{ code: 'contiguous' }, { code: 'splits_free_space', pieces: 2 }],
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
      programKind: 'incubator',
      floorId: 'f-1',
    });
    propose.flush([proposal, second]);
    await settle();
    const listed = backend.expectOne((r) => r.url === '/api/space/prices/in-force');
    expect(listed.request.params.get('floorId')).toBe('f-1');
    expect(listed.request.params.get('on')).toBe('2026-03-02');
    listed.flush({ siteId: 'site-1', programKind: 'incubator', on: '2026-03-02', effectiveFrom: '2026-01-01', monthlyPricePerM2Cents: 1800 });
    await settle();
    // The typed price is kept: it overrides the list price, which the form still shows.
    expect(byTestId('allocate-listed', view()).textContent).toContain('€18.00');
    expect(byTestId('allocate-listed', view()).textContent).toContain('Negotiated price');

    // Distinct cards: modules, area, rent a month from the list, and why each ranks where it does.
    const first = byTestId('proposal-0', view()).textContent?.replace(/\s+/g, ' ') ?? '';
    expect(first).toContain('72 m² (requested 50 m²)');
    expect(byTestId('proposal-modules', byTestId('proposal-0', view())).textContent).toContain('Modules B1 C1 D1');
    expect(byTestId('proposal-rent', byTestId('proposal-0', view())).textContent).toContain('€1,296.00 a month (€18.00/m²)');
    expect(byTestId('proposal-reasons', byTestId('proposal-0', view())).textContent?.replace(/\s+/g, ' ')).toContain(
      'in one piece, next to the current office, 22 m² over the request (24 m² modules).',
    );
    const other = byTestId('proposal-1', view()).textContent ?? '';
    expect(other).toContain('No list price');
    expect(other).toContain('cuts the free space into 2 pieces');
    expect(at(1, 0).getAttribute('data-proposed')).toBe('true');
    expect(at(0, 0).hasAttribute('data-proposed')).toBe(false);
    // Hovering the second card outlines its modules instead, until the pointer leaves.
    byTestId('proposal-1', view()).dispatchEvent(new MouseEvent('mouseenter'));
    await settle();
    expect(at(1, 0).hasAttribute('data-proposed')).toBe(false);
    expect(at(3, 0).getAttribute('data-proposed')).toBe('true');
    byTestId('proposal-1', view()).dispatchEvent(new MouseEvent('mouseleave'));
    await settle();
    expect(at(1, 0).getAttribute('data-proposed')).toBe('true');

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
    expect(byTestId('lease-modules', view()).textContent?.trim()).toBe('Modules A1');
    expect(at(0, 0).getAttribute('aria-label')).toBe('A1 · leased by Acme');

    await clickOn('resize-grow', view());
    await click(at(3, 0)); // not next to the office: said, not ignored
    expect(view().querySelector('[data-testid="resize-pending"]')).toBeNull();
    expect(byTestId('resize-refused', view()).textContent).toContain('Module D1 does not touch the office');
    await click(at(1, 0));
    expect(view().querySelector('[data-testid="resize-refused"]')).toBeNull();
    expect(byTestId('resize-pending', view()).textContent?.trim()).toBe('Add module B1');
    expect(at(1, 0).getAttribute('data-pending')).toBe('true');
    await typeInto('resize-effective', '2026-04-01', view());
    expect(byTestId('resize-rent', view()).textContent).toContain('New rent: €720.00 a month from Apr 1, 2026 (instead of €360.00)');
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
    backend.expectOne('/api/space/proposals').flush([{ ...proposal, monthlyPricePerM2Cents: null, monthlyRentCents: null }]);
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

  it('moves the plan to the first day of a lease that starts after it, right after "Lease created"', async () => {
    await typeInto('space-date', '2026-03-02', view());
    backend.expectOne((r) => r.url === '/api/space/floors/f-1/plan' && r.params.get('on') === '2026-03-02').flush(plan);
    await typeInto('allocate-startup', 's-b', view());
    await typeInto('allocate-area', '50', view());
    await typeInto('allocate-start', '2026-03-09', view());
    await clickOn('allocate-propose', view());
    backend.expectOne('/api/space/proposals').flush([proposal]);
    await settle();
    backend.expectOne((r) => r.url === '/api/space/prices/in-force').flush({ siteId: 'site-1', programKind: 'incubator', on: '2026-03-09', effectiveFrom: null, monthlyPricePerM2Cents: null });
    await settle();
    await clickOn('proposal-confirm', view());
    backend
      .expectOne((r) => r.url === '/api/leases' && r.method === 'POST')
      .flush({ ...lease, id: 'lease-b', startupId: 's-b', startupName: 'Beta', startsOn: '2026-03-09', endsOn: null });
    await settle();
    backend.expectOne((r) => r.url === '/api/space/floors/f-1/plan' && r.params.get('on') === '2026-03-09').flush(plan);
    backend.expectOne((r) => r.url === '/api/leases' && r.params.get('startupId') === 's-b').flush([]);
    await settle();
    expect((byTestId('space-date', view()) as HTMLInputElement).value).toBe('03/09/2026');
    expect(fieldText('space-date', view())).toContain("Plan dated the new lease's first day (Mar 9, 2026)");
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

describe('SpacePage, where it opens', () => {
  let backend: HttpTestingController;
  const view = (fixture: ComponentFixture<SpacePage>) => fixture.nativeElement as HTMLElement;
  const twoSites: OrganisationResponse = {
    ...organisation,
    sites: [
      { id: 'site-empty', slug: 'roubaix', name: 'Roubaix', city: 'Roubaix', address: null },
      { id: 'site-1', slug: 'lille', name: 'Lille', city: 'Lille', address: null },
    ],
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SpacePage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('skips a site without buildings and opens on the first site with a floor', async () => {
    const fixture = TestBed.createComponent(SpacePage);
    backend.expectOne('/api/organisation').flush(twoSites);
    backend.expectOne((r) => r.url === '/api/startups').flush({ items: [], total: 0 });
    backend.expectOne((r) => r.url === '/api/space/buildings' && r.params.get('siteId') === 'site-empty').flush([]);
    await settle();
    backend.expectOne((r) => r.url === '/api/space/buildings' && r.params.get('siteId') === 'site-1').flush([{ id: 'b-1', siteId: 'site-1', name: 'A' }]);
    await settle();
    backend.expectOne((r) => r.url === '/api/space/floors').flush([plan.floor]);
    await settle();
    // The lists read to find it are not asked again: the plan comes next.
    backend.expectOne((r) => r.url === '/api/space/floors/f-1/plan').flush(plan);
    await fixture.whenStable();
    expect((byTestId('space-site', fixture.nativeElement) as HTMLSelectElement).value).toBe('site-1');
    expect(byTestId('floor-plan', fixture.nativeElement)).toBeTruthy();
  });

  it('says where floors are drawn when no site has one', async () => {
    const fixture = TestBed.createComponent(SpacePage);
    backend.expectOne('/api/organisation').flush({ ...twoSites, sites: [twoSites.sites[0]] });
    backend.expectOne((r) => r.url === '/api/startups').flush({ items: [], total: 0 });
    backend.expectOne((r) => r.url === '/api/space/buildings').flush([]);
    await settle();
    backend.expectOne((r) => r.url === '/api/space/buildings').flush([]);
    await fixture.whenStable();
    expect(view(fixture).querySelector('[data-testid="space-no-building"]')).toBeNull();
    const notice = byTestId('space-no-plan', fixture.nativeElement);
    expect(notice.textContent).toContain('No site has a floor drawn yet');
    expect(notice.querySelector('a')?.getAttribute('href')).toBe('/manage/space/setup');
  });
});

describe('SpacePage opened from the waiting list ("Make an offer")', () => {
  let fixture: ComponentFixture<SpacePage>;
  let backend: HttpTestingController;
  const view = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SpacePage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
    await TestBed.inject(Router).navigateByUrl('/?startupId=s-b&areaM2=50&startsOn=2026-03-02&programKind=incubator&waitlistId=w-1');
    fixture = TestBed.createComponent(SpacePage);
    backend.expectOne('/api/organisation').flush(organisation);
    backend.expectOne((r) => r.url === '/api/startups').flush({ items: [{ id: 's-b', legalName: 'Beta' }, { id: 's-c', legalName: 'Gamma' }], total: 2 });
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify({ ignoreCancelled: true });
    localStorage.clear();
  });

  /** The first proposal of the request, confirmed: the lease request sent. */
  async function confirm(): Promise<ReturnType<HttpTestingController['expectOne']>> {
    for (const request of backend.match((r) => r.url === '/api/space/buildings')) request.flush([{ id: 'b-1', siteId: 'site-1', name: 'A' }]);
    await settle();
    for (const request of backend.match((r) => r.url === '/api/space/floors')) request.flush([plan.floor]);
    await settle();
    for (const request of backend.match((r) => r.url === '/api/space/floors/f-1/plan')) request.flush(plan);
    await settle();
    for (const request of backend.match('/api/space/proposals')) request.flush([proposal]);
    await settle();
    for (const request of backend.match((r) => r.url === '/api/space/prices/in-force'))
      request.flush({ siteId: 'site-1', programKind: 'incubator', on: '2026-03-02', effectiveFrom: '2026-01-01', monthlyPricePerM2Cents: 1800 });
    await settle();
    await clickOn('proposal-confirm', view());
    return backend.expectOne((r) => r.method === 'POST' && (r.url === '/api/leases' || r.url.startsWith('/api/waitlist/')));
  }

  it('answers the request with the lease (accepted with it in one call), not a lease and then a cancellation', async () => {
    const sent = await confirm();
    expect(sent.request.url).toBe('/api/waitlist/w-1/lease');
    expect(sent.request.body).toMatchObject({ startupId: 's-b', moduleIds: proposal.moduleIds, startsOn: '2026-03-02', programKind: 'incubator' });
    sent.flush({ ...lease, id: 'lease-b', startupId: 's-b', startupName: 'Beta' });
    await settle();
    expect(backend.match((r) => r.url.endsWith('/cancel'))).toEqual([]);
    for (const request of backend.match(() => true)) request.flush(request.request.url.endsWith('/plan') ? plan : []);
    await settle();
  });

  it('makes a plain lease when the manager picked another startup than the request’s', async () => {
    await typeInto('allocate-startup', 's-c', view());
    const sent = await confirm();
    expect(sent.request.url).toBe('/api/leases');
    expect(sent.request.body.startupId).toBe('s-c');
    sent.flush({ ...lease, id: 'lease-c', startupId: 's-c', startupName: 'Gamma' });
    await settle();
    for (const request of backend.match(() => true)) request.flush(request.request.url.endsWith('/plan') ? plan : []);
    await settle();
  });
});
