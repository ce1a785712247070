import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { billingRun } from '../../../core/billing/billing-fixtures';
import { LocaleService } from '../../../core/i18n/locale.service';
import { byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { BILLING_RUN_POLL_MS, BillingRunsPage } from './runs.page';

describe('BillingRunsPage', () => {
  let fixture: ComponentFixture<BillingRunsPage>;
  let backend: HttpTestingController;
  const view = () => fixture.nativeElement as HTMLElement;
  /** Long enough for a poll at the test's 5 ms to have asked. */
  const ticks = () => new Promise((resolve) => setTimeout(resolve, 30));
  const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [BillingRunsPage, translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: BILLING_RUN_POLL_MS, useValue: 5 }],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
    fixture = TestBed.createComponent(BillingRunsPage);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('lists the runs with their status as a label and their totals in French', async () => {
    backend.expectOne('/api/billing/runs').flush([billingRun()]);
    await settle();
    const row = byTestId('billing-run-2026-11', view());
    expect(plain(row.textContent)).toContain('novembre 2026');
    expect(byTestId('billing-run-status', row).textContent?.trim()).toBe('Brouillons prêts');
    expect(plain(row.textContent)).toContain('3 600,00 €');
    expect(byTestId('billing-run-issue', row)).toBeTruthy();
  });

  it('starts a run for the month chosen, follows its progress, then issues it', async () => {
    backend.expectOne('/api/billing/runs').flush([]);
    await settle();
    // The month in the UI's language (French: 12/2026), not the browser's own month input.
    await typeInto('billing-run-month', '12/2026', view());
    expect((byTestId('billing-run-month', view()) as HTMLInputElement).type).toBe('text');
    await clickOn('billing-run-create', view());
    const create = backend.expectOne((r) => r.url === '/api/billing/runs' && r.method === 'POST');
    expect(create.request.body).toEqual({ month: '2026-12' });
    create.flush(billingRun({ id: 'run-2', month: '2026-12', status: 'drafting', progress: 1, total: 4, draftCount: 1 }));
    await settle();
    expect(view().querySelector('[data-testid="billing-run-issue"]')).toBeNull();
    expect(view().textContent).toContain('1 sur 4');

    await ticks();
    backend.expectOne('/api/billing/runs').flush([billingRun({ id: 'run-2', month: '2026-12', status: 'drafted', progress: 4, total: 4, draftCount: 4 })]);
    await settle();
    await ticks();
    backend.expectNone('/api/billing/runs');

    await clickOn('billing-run-issue', view());
    backend.expectOne('/api/billing/runs/run-2/issue').flush(billingRun({ id: 'run-2', month: '2026-12', status: 'issuing', progress: 0, total: 4 }));
    await settle();
    expect(byTestId('billing-run-status', view()).textContent?.trim()).toBe('Émission en cours');
    await ticks();
    backend.expectOne('/api/billing/runs').flush([billingRun({ id: 'run-2', month: '2026-12', status: 'issued', issuedCount: 4, draftCount: 0 })]);
    await settle();
    expect(byTestId('billing-run-status', view()).textContent?.trim()).toBe('Émise');
  });
});
