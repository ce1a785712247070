import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { PageResponse, SecurityEventResponse } from '@incubator/contracts';
import { byTestId } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { SecurityEventsPage } from './security-events.page';

const page: PageResponse<SecurityEventResponse> = {
  items: [
    {
      id: 'e1',
      type: 'export.downloaded',
      user: { id: 'u1', email: 'manager@demo.test' },
      email: 'manager@demo.test',
      ip: '203.0.113.7',
      requestId: 'r1',
      detail: { what: 'startups', filename: 'startups-2026-11-20.csv' },
      occurredAt: '2026-11-20T09:30:00Z',
    },
    { id: 'e2', type: 'sign-in.failed', user: null, email: 'nobody@demo.test', ip: '198.51.100.2', requestId: null, detail: null, occurredAt: '2026-11-19T08:00:00Z' },
  ],
  total: 45,
  limit: 20,
  offset: 0,
};

describe('SecurityEventsPage', () => {
  async function render(lang: 'fr' | 'en') {
    TestBed.configureTestingModule({
      imports: [SecurityEventsPage, translocoTesting({ translocoConfig: { defaultLang: lang } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    TestBed.inject(LocaleService).use(lang);
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SecurityEventsPage);
    backend.expectOne((r) => r.url === '/api/security-events' && r.params.get('limit') === '20' && r.params.get('offset') === '0').flush(page);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, backend };
  }

  it('lists the events in French with French dates, the account (or the address typed) and the detail', async () => {
    const { element, backend } = await render('fr');
    expect(element.querySelector('h1')?.textContent).toContain('Journal de sécurité');
    const rows = element.querySelectorAll('[data-testid="security-event"]');
    expect(rows).toHaveLength(2);
    expect(byTestId('event-type', rows[0] as HTMLElement).textContent?.trim()).toBe('Export téléchargé');
    expect(byTestId('event-date', rows[0] as HTMLElement).textContent).toMatch(/20 nov\. 2026/);
    expect(byTestId('event-detail', rows[0] as HTMLElement).textContent).toContain('filename: startups-2026-11-20.csv');
    expect(byTestId('event-type', rows[1] as HTMLElement).textContent?.trim()).toBe('Échec de connexion');
    expect(byTestId('event-who', rows[1] as HTMLElement).textContent?.trim()).toBe('nobody@demo.test');
    backend.verify();
  });

  it('speaks English too, and pages through the log', async () => {
    const { element, backend } = await render('en');
    expect(byTestId('event-type', element).textContent?.trim()).toBe('Export downloaded');
    expect(byTestId('event-date', element).textContent).toMatch(/Nov 20, 2026/);
    (element.querySelector('.mat-mdc-paginator-navigation-next') as HTMLButtonElement).click();
    backend.expectOne((r) => r.url === '/api/security-events' && r.params.get('offset') === '20').flush({ ...page, items: [], offset: 20 });
    backend.verify();
  });
});
