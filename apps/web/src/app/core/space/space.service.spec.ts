import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SpaceService } from './space.service';

describe('SpaceService', () => {
  let service: SpaceService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(SpaceService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists and creates buildings and floors', () => {
    service.buildings('site-1').subscribe();
    service.createBuilding({ siteId: 'site-1', name: 'A' }).subscribe();
    service.floors('b-1').subscribe();
    service.createFloor({ buildingId: 'b-1', level: 2, name: 'Second', layout: 'MM.M' }).subscribe();

    const buildings = backend.expectOne((r) => r.url === '/api/space/buildings' && r.method === 'GET');
    expect(buildings.request.params.get('siteId')).toBe('site-1');
    expect(backend.expectOne((r) => r.url === '/api/space/buildings' && r.method === 'POST').request.body).toEqual({
      siteId: 'site-1',
      name: 'A',
    });
    const floors = backend.expectOne((r) => r.url === '/api/space/floors' && r.method === 'GET');
    expect(floors.request.params.get('buildingId')).toBe('b-1');
    expect(backend.expectOne((r) => r.url === '/api/space/floors' && r.method === 'POST').request.body.layout).toBe(
      'MM.M',
    );
  });

  it("reads a floor's plan on a day, the id being one path segment", () => {
    service.plan('floor/1', '2026-03-01').subscribe();

    const plan = backend.expectOne((r) => r.url === '/api/space/floors/floor%2F1/plan');
    expect(plan.request.method).toBe('GET');
    expect(plan.request.params.get('on')).toBe('2026-03-01');
  });

  it('asks for proposals, creates and resizes a lease', () => {
    service.propose({ areaM2: 50, startsOn: '2026-03-01', floorId: 'f-1' }).subscribe();
    service
      .createLease({
        startupId: 's-1',
        moduleIds: ['m-1'],
        startsOn: '2026-03-01',
        programKind: 'incubator',
        monthlyPricePerM2Cents: 1500,
      })
      .subscribe();
    service.resize('lease-1', { effectiveOn: '2026-04-01', addModuleId: 'm-2' }).subscribe();

    const proposals = backend.expectOne('/api/space/proposals');
    expect(proposals.request.method).toBe('POST');
    expect(proposals.request.body).toEqual({ areaM2: 50, startsOn: '2026-03-01', floorId: 'f-1' });
    const create = backend.expectOne((r) => r.url === '/api/leases' && r.method === 'POST');
    expect(create.request.body.monthlyPricePerM2Cents).toBe(1500);
    const resize = backend.expectOne('/api/leases/lease-1/resize');
    expect(resize.request.method).toBe('POST');
    expect(resize.request.body).toEqual({ effectiveOn: '2026-04-01', addModuleId: 'm-2' });
  });

  it("lists a startup's leases, or all", () => {
    service.leases('s-1').subscribe();
    service.leases().subscribe();

    const [ofStartup, all] = backend.match((r) => r.url === '/api/leases');
    expect(ofStartup.request.params.get('startupId')).toBe('s-1');
    expect(all.request.params.keys()).toEqual([]);
  });

  it('reads occupancy on a day and the rent roll of a month', () => {
    service.occupancy('2026-03-01', 'site-1').subscribe();
    service.rentRoll('2026-03').subscribe();

    const occupancy = backend.expectOne((r) => r.url === '/api/space/occupancy');
    expect(occupancy.request.params.get('on')).toBe('2026-03-01');
    expect(occupancy.request.params.get('siteId')).toBe('site-1');
    expect(backend.expectOne((r) => r.url === '/api/space/rent-roll').request.params.get('month')).toBe('2026-03');
  });

  it('downloads the occupancy of a day and the rent roll of a month as files, with their headers', () => {
    service.occupancyExport('2026-03-01', 'csv').subscribe();
    service.rentRollExport('2026-03', 'xlsx').subscribe();

    const occupancy = backend.expectOne((r) => r.url === '/api/space/occupancy/export');
    expect(occupancy.request.method).toBe('GET');
    expect(occupancy.request.responseType).toBe('blob');
    expect(occupancy.request.params.get('on')).toBe('2026-03-01');
    expect(occupancy.request.params.get('format')).toBe('csv');
    const rentRoll = backend.expectOne((r) => r.url === '/api/space/rent-roll/export');
    expect(rentRoll.request.method).toBe('GET');
    expect(rentRoll.request.responseType).toBe('blob');
    expect(rentRoll.request.params.get('month')).toBe('2026-03');
    expect(rentRoll.request.params.get('format')).toBe('xlsx');
    occupancy.flush(new Blob(['a;b']));
    rentRoll.flush(new Blob(['x']));
  });

  it('lists the waitlist, queues a request and accepts an offer, the id being one path segment', () => {
    service.waitlist().subscribe();
    service
      .joinWaitlist({
        startupId: 's-1',
        areaM2: 48,
        startsOn: '2026-04-01',
        programKind: 'accelerator',
        monthlyPricePerM2Cents: 1550,
      })
      .subscribe();
    service.acceptOffer('offer/1').subscribe();

    expect(backend.expectOne((r) => r.url === '/api/waitlist' && r.method === 'GET').request.params.keys()).toEqual(
      [],
    );
    expect(backend.expectOne((r) => r.url === '/api/waitlist' && r.method === 'POST').request.body).toEqual({
      startupId: 's-1',
      areaM2: 48,
      startsOn: '2026-04-01',
      programKind: 'accelerator',
      monthlyPricePerM2Cents: 1550,
    });
    expect(backend.expectOne('/api/waitlist/offers/offer%2F1/accept').request.method).toBe('POST');
  });
});
