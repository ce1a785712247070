import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FundingService } from './funding.service';

describe('FundingService', () => {
  let service: FundingService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(FundingService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('searches the investor directory, or lists all of it, and adds an investor', () => {
    service.investors('nord').subscribe();
    service.investors().subscribe();
    service.createInvestor({ name: 'Nord Capital', kind: 'fund' }).subscribe();

    const [search, all] = backend.match((r) => r.url === '/api/investors' && r.method === 'GET');
    expect(search.request.params.get('q')).toBe('nord');
    expect(all.request.params.keys()).toEqual([]);
    const create = backend.expectOne((r) => r.url === '/api/investors' && r.method === 'POST');
    expect(create.request.body).toEqual({ name: 'Nord Capital', kind: 'fund' });
  });

  it('lists rounds with only the filters given', () => {
    service.rounds({ startupId: 's-1', status: 'closed', closedFrom: '2026-01-01', limit: 20, offset: 0 }).subscribe();

    const list = backend.expectOne((r) => r.url === '/api/funding-rounds');
    expect(list.request.method).toBe('GET');
    expect(list.request.params.keys().sort()).toEqual(['closedFrom', 'limit', 'offset', 'startupId', 'status']);
    expect(list.request.params.get('startupId')).toBe('s-1');
    expect(list.request.params.get('limit')).toBe('20');
  });

  it("creates a round for a startup, and updates one by id as one path segment", () => {
    service
      .createRound('s-1', { kind: 'seed', status: 'closed', currency: 'EUR', amount: '1500000.50', closedOn: '2026-03-10' })
      .subscribe();
    service.updateRound('round/1', { amount: '2000000' }).subscribe();

    const create = backend.expectOne((r) => r.url === '/api/funding-rounds' && r.method === 'POST');
    expect(create.request.body).toEqual({
      startupId: 's-1',
      kind: 'seed',
      status: 'closed',
      currency: 'EUR',
      amount: '1500000.50',
      closedOn: '2026-03-10',
    });
    const update = backend.expectOne('/api/funding-rounds/round%2F1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ amount: '2000000' });
  });

  it('downloads the rounds as a file with the filters', () => {
    service.exportRounds('xlsx', { kind: 'seed' }).subscribe();

    const file = backend.expectOne((r) => r.url === '/api/funding-rounds/export');
    expect(file.request.responseType).toBe('blob');
    expect(file.request.params.get('format')).toBe('xlsx');
    expect(file.request.params.get('kind')).toBe('seed');
    file.flush(new Blob(['x']));
  });
});
