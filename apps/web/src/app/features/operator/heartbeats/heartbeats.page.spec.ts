import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HeartbeatResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { HeartbeatsPage } from './heartbeats.page';

const heartbeat: HeartbeatResponse = {
  id: 'h1',
  jobId: 'heartbeat-7',
  source: 'schedule',
  requestedAt: '2026-11-20T07:00:00Z',
  processedAt: '2026-11-20T07:00:01Z',
  processedBy: 'worker-1:4242',
};

describe('HeartbeatsPage', () => {
  let fixture: ComponentFixture<HeartbeatsPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  const expectList = () => backend.expectOne((r) => r.method === 'GET' && r.url === '/api/system/heartbeats');

  async function open(language: 'en' | 'fr', items: HeartbeatResponse[]) {
    TestBed.configureTestingModule({
      imports: [HeartbeatsPage, translocoTesting({ translocoConfig: { defaultLang: language } })],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(LocaleService).use(language);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HeartbeatsPage);
    expectList().flush({ items, total: items.length, limit: 20, offset: 0 });
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('lists the recorded heartbeats with their source and the worker that processed them', async () => {
    await open('en', [heartbeat]);
    const row = byTestId('heartbeat', page);
    expect(row.getAttribute('data-job-id')).toBe('heartbeat-7');
    expect(row.textContent).toContain('Scheduled');
    expect(row.textContent).toContain('worker-1:4242');
    expect(row.textContent).toContain('Nov 20, 2026');
  });

  it('sends a heartbeat, names its job, and shows it once refreshed', async () => {
    await open('en', []);
    expect(byTestId('heartbeats-empty', page).textContent).toContain('No heartbeat');
    await clickOn('heartbeat-request', page);
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/system/heartbeats').flush({ jobId: 'heartbeat-8' });
    await settle();
    expect(byTestId('heartbeat-requested', page).textContent).toContain('heartbeat-8');
    await clickOn('heartbeats-refresh', page);
    expectList().flush({ items: [{ ...heartbeat, jobId: 'heartbeat-8', source: 'api' }], total: 1, limit: 20, offset: 0 });
    await settle();
    expect(byTestId('heartbeat', page).textContent).toContain('Requested');
  });

  it('speaks French, and says why the list could not be read', async () => {
    await open('fr', [heartbeat]);
    expect(page.querySelector('h1')?.textContent).toContain('Battements de cœur');
    expect(byTestId('heartbeat', page).textContent).toContain('Planifié');
    await clickOn('heartbeats-refresh', page);
    expectList().flush({ message: 'Votre session ne le permet plus' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(byTestId('heartbeats-error', page).textContent).toContain('Votre session ne le permet plus');
  });
});
