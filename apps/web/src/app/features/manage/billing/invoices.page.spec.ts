import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { byTestId, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { InvoicesPage } from './invoices.page';

describe('InvoicesPage', () => {
  let backend: HttpTestingController;
  let router: Router;
  const emptyPage = { items: [], total: 0, limit: 20, offset: 0 };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'invoices', component: InvoicesPage }])],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await signIn('manager');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  async function open(url: string): Promise<HTMLElement> {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return harness.routeNativeElement!;
  }

  it('filters by a month typed in French (11/2026), in a text field rather than the browser’s month input', async () => {
    const view = await open('/invoices');
    backend.expectOne((r) => r.url === '/api/billing/invoices').flush(emptyPage);
    await settle();
    expect((byTestId('invoices-filter-month', view) as HTMLInputElement).type).toBe('text');

    await typeInto('invoices-filter-month', '11/2026', view);
    await settle();
    expect(router.url).toBe('/invoices?month=2026-11');
    const filtered = backend.expectOne((r) => r.url === '/api/billing/invoices');
    expect(filtered.request.params.get('month')).toBe('2026-11');
    filtered.flush(emptyPage);
  });

  it('shows the address’s month in the field, in French', async () => {
    const view = await open('/invoices?month=2026-03');
    backend.expectOne((r) => r.url === '/api/billing/invoices').flush(emptyPage);
    await settle();
    expect((byTestId('invoices-filter-month', view) as HTMLInputElement).value).toBe('03/2026');
  });
});
