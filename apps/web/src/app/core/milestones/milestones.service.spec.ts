import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MilestonesService } from './milestones.service';

describe('MilestonesService', () => {
  let service: MilestonesService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(MilestonesService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it("lists and adds a startup's milestones", () => {
    service.list('s-1').subscribe();
    service.create('s-1', { title: 'MVP', category: 'product', dueOn: '2026-05-31' }).subscribe();

    expect(backend.expectOne((r) => r.url === '/api/startups/s-1/milestones' && r.method === 'GET')).toBeTruthy();
    const post = backend.expectOne((r) => r.url === '/api/startups/s-1/milestones' && r.method === 'POST');
    expect(post.request.body).toEqual({ title: 'MVP', category: 'product', dueOn: '2026-05-31' });
  });

  it('updates a milestone and comments on it', () => {
    service.update('s-1', 'm-1', { status: 'achieved', evidenceUrl: 'https://acme.example/mvp' }).subscribe();
    service.comment('s-1', 'm-1', { body: 'Well done' }).subscribe();

    const patch = backend.expectOne('/api/startups/s-1/milestones/m-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ status: 'achieved', evidenceUrl: 'https://acme.example/mvp' });
    const comment = backend.expectOne('/api/startups/s-1/milestones/m-1/comments');
    expect(comment.request.method).toBe('POST');
    expect(comment.request.body).toEqual({ body: 'Well done' });
  });
});
