import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { QueueCounts } from '@incubator/contracts';
import { byTestId, clickOn, settle } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { QueuesPage } from './queues.page';

const reports: QueueCounts = {
  name: 'reports',
  waiting: 1,
  active: 0,
  delayed: 2,
  completed: 1234,
  failed: 1,
  paused: false,
  failedJobs: [
    { id: '42', name: 'board-pack', failedReason: 'SMTP unreachable', attemptsMade: 3, finishedOn: '2026-11-20T07:00:00Z' },
  ],
};

describe('QueuesPage', () => {
  let fixture: ComponentFixture<QueuesPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  const expectQueues = () => backend.expectOne((r) => r.method === 'GET' && r.url === '/api/admin/queues');

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [QueuesPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QueuesPage);
    expectQueues().flush([reports, { ...reports, name: 'mail', failed: 0, failedJobs: [], paused: true }]);
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('shows the counts of each queue and its failed jobs with their reason', () => {
    const queue = byTestId('queue-reports', page);
    // A queue is named for people, not by its code.
    expect(queue.querySelector('h2')?.textContent).toContain('Reports and reminders');
    expect(byTestId('queue-count-completed', queue).textContent?.trim()).toBe('1,234');
    expect(byTestId('queue-count-delayed', queue).textContent?.trim()).toBe('2');
    const job = byTestId('failed-job', queue);
    expect(job.textContent).toContain('board-pack');
    expect(job.textContent).toContain('SMTP unreachable');
    expect(byTestId('queue-mail', page).textContent).toContain('Paused');
    expect(byTestId('queue-mail', page).querySelector('[data-testid="failed-job"]')).toBeNull();
  });

  it('retries a failed job, then shows the queues again', async () => {
    await clickOn('queue-retry', page);
    const retry = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/admin/queues/reports/jobs/42/retry');
    retry.flush(null, { status: 204, statusText: 'No Content' });
    expectQueues().flush([{ ...reports, failed: 0, waiting: 2, failedJobs: [] }]);
    await settle();
    expect(page.querySelector('[data-testid="failed-job"]')).toBeNull();
    expect(byTestId('queue-count-waiting', page).textContent?.trim()).toBe('2');
  });

  it('says why a retry was refused, and refreshes on demand', async () => {
    await clickOn('queue-retry', page);
    backend
      .expectOne((r) => r.method === 'POST')
      .flush({ message: 'This job is no longer failed' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(byTestId('queues-error', page).textContent).toContain('This job is no longer failed');

    await clickOn('queues-refresh', page);
    expectQueues().flush([reports]);
    await settle();
    expect(page.querySelector('[data-testid="queues-error"]')).toBeNull();
  });
});
