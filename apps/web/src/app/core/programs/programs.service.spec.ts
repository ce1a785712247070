import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ProgramsService } from './programs.service';

describe('ProgramsService', () => {
  let service: ProgramsService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(ProgramsService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the programs, of one site or of all', () => {
    service.listPrograms('site-1').subscribe();
    service.listPrograms().subscribe();

    const [ofSite, all] = backend.match((r) => r.url === '/api/programs');
    expect(ofSite.request.method).toBe('GET');
    expect(ofSite.request.params.get('siteId')).toBe('site-1');
    expect(all.request.params.keys()).toEqual([]);
  });

  it('creates a program', () => {
    service.createProgram({ siteId: 'site-1', kind: 'incubator', name: 'Incubator' }).subscribe();

    const post = backend.expectOne('/api/programs');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ siteId: 'site-1', kind: 'incubator', name: 'Incubator' });
  });

  it('lists, creates and changes cohorts', () => {
    service.listCohorts('program-1').subscribe();
    service
      .createCohort({ programId: 'p', name: 'S1', startsOn: '2026-01-05', endsOn: '2026-07-01', capacity: 12 })
      .subscribe();
    service.updateCohort('cohort/1', { capacity: 15 }).subscribe();

    const list = backend.expectOne((r) => r.url === '/api/cohorts' && r.method === 'GET');
    expect(list.request.params.get('programId')).toBe('program-1');
    expect(backend.expectOne((r) => r.url === '/api/cohorts' && r.method === 'POST').request.body.endsOn).toBe(
      '2026-07-01',
    );
    // An id is one path segment, whatever it holds.
    const patch = backend.expectOne('/api/cohorts/cohort%2F1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ capacity: 15 });
  });

  it("reads a cohort's board", async () => {
    const board = firstValueFrom(service.cohortBoard('cohort-1'));

    backend.expectOne('/api/cohorts/cohort-1/board').flush({ cohort: { id: 'cohort-1' }, startups: [] });

    expect((await board).startups).toEqual([]);
  });

  it('lists enrollments by startup or cohort, enrolls, and moves an enrollment', () => {
    service.listEnrollments({ startupId: 'startup-1' }).subscribe();
    service.enroll({ cohortId: 'cohort-1', startupId: 'startup-1' }).subscribe();
    service.transition('enr-1', { status: 'admitted', note: 'Strong team' }).subscribe();

    const list = backend.expectOne((r) => r.url === '/api/enrollments' && r.method === 'GET');
    expect(list.request.params.get('startupId')).toBe('startup-1');
    expect(list.request.params.has('cohortId')).toBe(false);
    expect(backend.expectOne((r) => r.url === '/api/enrollments' && r.method === 'POST').request.body).toEqual({
      cohortId: 'cohort-1',
      startupId: 'startup-1',
    });
    const move = backend.expectOne('/api/enrollments/enr-1/transitions');
    expect(move.request.method).toBe('POST');
    expect(move.request.body).toEqual({ status: 'admitted', note: 'Strong team' });
  });
});
