import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { invoiceDetail } from '../../../core/billing/billing-fixtures';
import { LocaleService } from '../../../core/i18n/locale.service';
import { afterDialogClosed, byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { InvoiceDetailPage } from './invoice-detail.page';

describe('InvoiceDetailPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  const view = () => harness.routeNativeElement as HTMLElement;
  const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'manage/billing/invoices/:id', component: InvoiceDetailPage }]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  async function open(invoice = invoiceDetail()) {
    harness = await RouterTestingHarness.create(`/manage/billing/invoices/${invoice.id}`);
    backend.expectOne(`/api/billing/invoices/${invoice.id}`).flush(invoice);
    await settle();
  }

  it('shows the lines, the totals and the settlement as labels, money and dates in French', async () => {
    await open();
    expect(plain(byTestId('invoice-title', view()).textContent)).toBe('Facture FA-2026-00001');
    expect(plain(byTestId('invoice-settlement', view()).textContent)).toBe('À payer');
    expect(plain(byTestId('invoice-total', view()).textContent)).toBe('1 234,56 €');
    expect(plain(byTestId('invoice-line-1', view()).textContent)).toContain('Loyer');
    expect(plain(byTestId('invoice-line-1', view()).textContent)).toContain('01/11/2026 – 30/11/2026');
    expect(plain(byTestId('invoice-line-1', view()).textContent)).toContain('20 %');
    expect(view().querySelector('[data-testid="invoice-issue"]')).toBeNull();
  });

  it('records a payment typed in euros as exact cents, then reads the invoice again', async () => {
    await open();
    await typeInto('payment-amount', '1 000,10', view());
    await typeInto('payment-reference', 'VIR 123', view());
    await clickOn('payment-record', view());
    const post = backend.expectOne((r) => r.url === '/api/billing/payments' && r.method === 'POST');
    expect(post.request.body).toEqual(expect.objectContaining({ invoiceId: 'inv-1', amountCents: 100010, kind: 'transfer', reference: 'VIR 123' }));
    post.flush({ id: 'pay-1', invoiceId: 'inv-1', invoiceNumber: 'FA-2026-00001', startupId: 'st-1', kind: 'transfer', amountCents: 100010, receivedOn: '2026-12-01', reference: 'VIR 123' });
    await settle();
    backend.expectOne('/api/billing/invoices/inv-1').flush(invoiceDetail({ settlement: 'partially_paid', paidCents: 100010, balanceCents: 23446 }));
    await settle();
    expect(plain(byTestId('invoice-settlement', view()).textContent)).toBe('Payée en partie');
    expect(plain(byTestId('invoice-balance', view()).textContent)).toBe('234,46 €');
  });

  it('does not send an amount it cannot read', async () => {
    await open();
    await typeInto('payment-amount', '12,345', view());
    await clickOn('payment-record', view());
    backend.expectNone((r) => r.method === 'POST');
  });

  it('issues a whole credit note with its reason and opens it', async () => {
    await open();
    await clickOn('invoice-credit-note', view());
    await typeInto('credit-note-reason', 'Surface erronée', document.body);
    await clickOn('credit-note-confirm', document.body);
    const post = backend.expectOne('/api/billing/invoices/inv-1/credit-notes');
    expect(post.request.body).toEqual({ reason: 'Surface erronée' });
    post.flush(invoiceDetail({ id: 'cn-1', kind: 'credit_note', number: 'AV-2026-00001', creditedInvoiceId: 'inv-1', creditedInvoiceNumber: 'FA-2026-00001' }));
    await afterDialogClosed();
    backend.expectOne('/api/billing/invoices/cn-1').flush(invoiceDetail({ id: 'cn-1', kind: 'credit_note', number: 'AV-2026-00001', settlement: null }));
    await settle();
    expect(plain(byTestId('invoice-title', view()).textContent)).toBe('Avoir AV-2026-00001');
  });

  it('issues a draft, which then has a number', async () => {
    await open(invoiceDetail({ status: 'draft', number: null, settlement: null, issueDate: null }));
    expect(plain(byTestId('invoice-title', view()).textContent)).toBe('Facture Brouillon (sans numéro)');
    await clickOn('invoice-issue', view());
    backend.expectOne('/api/billing/invoices/inv-1/issue').flush(invoiceDetail());
    await settle();
    expect(plain(byTestId('invoice-title', view()).textContent)).toBe('Facture FA-2026-00001');
  });
});
