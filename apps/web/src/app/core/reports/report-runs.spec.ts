import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ReportRunResponse } from '@incubator/contracts';
import { reportFile, reportRun as run } from './report-fixtures';
import { reportRuns, ReportRuns } from './report-runs';

const pdf = reportFile();

describe('reportRuns (polling a run until it ends)', () => {
  let backend: HttpTestingController;
  let runs: ReportRuns;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  function start(list: ReportRunResponse[]) {
    runs = TestBed.runInInjectionContext(() => reportRuns('board_pack'));
    const request = backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs');
    expect(request.request.params.get('kind')).toBe('board_pack');
    request.flush(list);
  }

  const poll = () => backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs/run-1');
  const noPoll = () => backend.expectNone((r) => r.url === '/api/report-runs/run-1');

  it('asks for a run, follows it every 2 s until completed, then fetches the list again', () => {
    start([]);
    runs.request('board_pack', '2026-Q3');
    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/report-runs');
    expect(post.request.body).toEqual({ kind: 'board_pack', period: '2026-Q3' });
    post.flush(run(), { status: 202, statusText: 'Accepted' });
    expect(runs.runs()?.map((r) => r.status)).toEqual(['queued']);

    jest.advanceTimersByTime(1999);
    noPoll();
    jest.advanceTimersByTime(1);
    poll().flush(run({ status: 'running', progress: 40 }));
    expect(runs.runs()?.[0]).toMatchObject({ status: 'running', progress: 40 });

    jest.advanceTimersByTime(2000);
    poll().flush(run({ status: 'completed', progress: 100, files: [pdf] }));
    expect(runs.runs()?.[0].status).toBe('completed');
    backend
      .expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs')
      .flush([run({ status: 'completed', progress: 100, files: [pdf] })]);
    expect(runs.runs()?.[0].files).toEqual([pdf]);

    // Finished: no more polling.
    jest.advanceTimersByTime(10_000);
    noPoll();
  });

  it('follows a run already under way when the list comes, and stops on failure with its error', () => {
    start([run({ status: 'running', progress: 10 }), run({ id: 'run-0', period: '2026-Q2', status: 'completed' })]);

    jest.advanceTimersByTime(2000);
    poll().flush(run({ status: 'failed', progress: 10, error: 'The PDF could not be produced' }));
    expect(runs.runs()?.[0]).toMatchObject({ status: 'failed', error: 'The PDF could not be produced' });
    backend.expectOne((r) => r.url === '/api/report-runs').flush([run({ status: 'failed', error: 'The PDF could not be produced' })]);

    jest.advanceTimersByTime(10_000);
    noPoll();
  });

  it('asks for a new generation of a finished period and says why a request is refused', () => {
    start([run({ status: 'completed' })]);
    runs.request('board_pack', '2026-Q3', true);
    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/report-runs');
    expect(post.request.body).toEqual({ kind: 'board_pack', period: '2026-Q3', regenerate: true });
    post.flush({ message: 'This report is for the park’s team' }, { status: 403, statusText: 'Forbidden' });

    expect(runs.error()).toEqual({ text: 'This report is for the park’s team' });
    expect(runs.requesting()).toBe(false);
    jest.advanceTimersByTime(10_000);
    noPoll();
  });
});
