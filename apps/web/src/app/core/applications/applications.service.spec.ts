import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { APPLICATION_SESSION_HEADER } from '@incubator/contracts';
import { firstValueFrom } from 'rxjs';
import { SKIP_LOGIN_REDIRECT } from '../auth/api-request';
import { ApplicationsService } from './applications.service';
import { DRAFT_SESSION_STORAGE_KEY, DraftSessionStore } from './draft-session.store';

describe('ApplicationsService', () => {
  let service: ApplicationsService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(ApplicationsService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    sessionStorage.clear();
  });

  it('lists calls with only the filters given, and opens or closes one', () => {
    service.listCalls({ cohortId: 'c/1', programId: null, status: 'open' }).subscribe();
    service.setCallOpen('call-1', true).subscribe();
    service.setCallOpen('call-1', false).subscribe();

    const list = backend.expectOne((r) => r.url === '/api/calls');
    expect(list.request.params.keys()).toEqual(['cohortId', 'status']);
    expect(list.request.params.get('cohortId')).toBe('c/1');
    expect(backend.expectOne('/api/calls/call-1/open').request.method).toBe('POST');
    expect(backend.expectOne('/api/calls/call-1/close').request.method).toBe('POST');
  });

  it('reads the pipeline with its filters and exports it as a file', () => {
    service.listApplications('call 1', { status: 'in_review', q: 'acme', disagreement: false, sort: 'rank' }).subscribe();
    service.exportApplications('call-1', 'xlsx', { status: 'shortlisted' }).subscribe();

    const list = backend.expectOne((r) => r.url === '/api/calls/call%201/applications');
    expect(list.request.params.get('status')).toBe('in_review');
    expect(list.request.params.get('q')).toBe('acme');
    // Unchecked means no filter, not "only the applications without disagreement".
    expect(list.request.params.has('disagreement')).toBe(false);
    const file = backend.expectOne((r) => r.url === '/api/calls/call-1/applications/export');
    expect(file.request.params.get('format')).toBe('xlsx');
    expect(file.request.responseType).toBe('blob');
  });

  it('decides, and scores a review then submits it', () => {
    service.decide('app-1', { decision: 'admit' }).subscribe();
    service.saveReview('app-1', { scores: [{ criterionId: 'k', score: 4 }] }).subscribe();
    service.submitReview('app-1', { scores: [{ criterionId: 'k', score: 4 }], comment: 'ok' }).subscribe();
    service.declareConflict('app-2', { reason: null }).subscribe();

    expect(backend.expectOne('/api/applications/app-1/decision').request.body).toEqual({ decision: 'admit' });
    expect(backend.expectOne('/api/reviews/app-1').request.method).toBe('PUT');
    expect(backend.expectOne('/api/reviews/app-1/submit').request.body.comment).toBe('ok');
    expect(backend.expectOne('/api/reviews/app-2/conflict').request.method).toBe('POST');
  });

  it('asks the public call in the language chosen, never sending a 401 to the login page', () => {
    service.publicCall('euratech', 'printemps', 'en').subscribe();

    const get = backend.expectOne((r) => r.url === '/api/public/calls/euratech/printemps');
    expect(get.request.params.get('lang')).toBe('en');
    expect(get.request.context.get(SKIP_LOGIN_REDIRECT)).toBe(true);
  });

  it('keeps the session the magic link gives and sends it with every draft call', async () => {
    const opened = firstValueFrom(service.openSession('tok'));
    const exchange = backend.expectOne('/api/public/applications/session');
    expect(exchange.request.body).toEqual({ token: 'tok' });
    exchange.flush({ draftSession: 'sess-1', expiresIn: 7200, organisationSlug: 'o', callSlug: 'c' });
    await opened;

    expect(JSON.parse(sessionStorage.getItem(DRAFT_SESSION_STORAGE_KEY) ?? '{}').draftSession).toBe('sess-1');
    service.getDraft().subscribe();
    service.saveDraft({ startupName: 'Acme' }).subscribe();
    service.submitDraft().subscribe();
    for (const request of backend.match((r) => r.url.startsWith('/api/public/applications/draft'))) {
      expect(request.request.headers.get(APPLICATION_SESSION_HEADER)).toBe('sess-1');
      expect(request.request.headers.has('Authorization')).toBe(false);
    }
  });

  it('uploads the raw PDF with its name', () => {
    TestBed.inject(DraftSessionStore).save({ draftSession: 's', expiresIn: 60, organisationSlug: 'o', callSlug: 'c' });
    const file = new File(['%PDF-1.4'], 'déck.pdf', { type: 'application/pdf' });
    service.uploadFile('q-1', file).subscribe();

    const upload = backend.expectOne('/api/public/applications/draft/upload/q-1');
    expect(upload.request.method).toBe('POST');
    expect(upload.request.body).toBe(file);
    expect(upload.request.headers.get('Content-Type')).toBe('application/pdf');
    expect(upload.request.headers.get('X-File-Name')).toBe('d%C3%A9ck.pdf');
    expect(upload.request.headers.get(APPLICATION_SESSION_HEADER)).toBe('s');
  });
});

describe('DraftSessionStore', () => {
  afterEach(() => sessionStorage.clear());

  it('forgets an expired session but remembers its call', () => {
    const store = TestBed.inject(DraftSessionStore);
    store.save({ draftSession: 's', expiresIn: 60, organisationSlug: 'o', callSlug: 'c' }, 1_000);

    expect(store.current(30_000)?.draftSession).toBe('s');
    expect(store.current(61_001)).toBeNull();
    expect(store.last()?.callSlug).toBe('c');
    store.clear();
    expect(store.last()).toBeNull();
  });
});
