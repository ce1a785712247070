import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { StartupsService } from './startups.service';

describe('StartupsService', () => {
  let service: StartupsService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(StartupsService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends every filter of the list, and leaves out the empty ones', () => {
    service
      .list({
        q: 'robot',
        siteId: 'site-1',
        cohortId: 'c-1',
        status: 'active',
        stage: 'mvp',
        sort: '-createdAt',
        limit: 20,
        offset: 40,
      })
      .subscribe();

    const request = backend.expectOne((r) => r.url === '/api/startups');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe(
      'q=robot&siteId=site-1&cohortId=c-1&status=active&stage=mvp&sort=-createdAt&limit=20&offset=40',
    );
  });

  it('remembers the names of the startups it listed', () => {
    service.list({ limit: 10, offset: 0 }).subscribe();

    backend
      .expectOne((r) => r.url === '/api/startups')
      .flush({ items: [{ id: 's-1', legalName: 'Acme SAS' }], total: 1, limit: 10, offset: 0 });

    expect(service.names().get('s-1')).toBe('Acme SAS');
  });

  it('reads, registers and edits a startup', () => {
    service.get('s-1').subscribe();
    service
      .create({ legalName: 'Acme', country: 'FR', siren: '732829320', sector: 'ai', stage: 'idea', teamSize: 2 })
      .subscribe();
    service.update('s-1', { teamSize: 3 }).subscribe();

    expect(backend.expectOne((r) => r.url === '/api/startups/s-1' && r.method === 'GET')).toBeTruthy();
    expect(backend.expectOne((r) => r.url === '/api/startups' && r.method === 'POST').request.body.siren).toBe(
      '732829320',
    );
    expect(backend.expectOne((r) => r.url === '/api/startups/s-1' && r.method === 'PATCH').request.body).toEqual({
      teamSize: 3,
    });
  });

  it('downloads the export as a file, with the same filters and no paging', async () => {
    const download = firstValueFrom(service.export('xlsx', { q: 'robot', sector: 'ai', sort: 'name' }));

    const request = backend.expectOne((r) => r.url === '/api/startups/export');
    expect(request.request.params.toString()).toBe('q=robot&sector=ai&sort=name&format=xlsx');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['x']), {
      headers: { 'Content-Disposition': 'attachment; filename="startups-2026-03-01.xlsx"' },
    });

    const response = await download;
    expect(response.body).toBeInstanceOf(Blob);
    expect(response.headers.get('Content-Disposition')).toContain('startups-2026-03-01.xlsx');
  });
});
