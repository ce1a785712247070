import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { BillingService } from './billing.service';

describe('BillingService', () => {
  let service: BillingService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(BillingService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('creates a run for a month and issues it', () => {
    service.createRun('2026-11').subscribe();
    service.issueRun('run/1').subscribe();

    const create = backend.expectOne((r) => r.url === '/api/billing/runs' && r.method === 'POST');
    expect(create.request.body).toEqual({ month: '2026-11' });
    expect(backend.expectOne('/api/billing/runs/run%2F1/issue').request.method).toBe('POST');
  });

  it('lists invoices with only the filters that are set', () => {
    service.invoices({ status: 'issued', settlement: null, kind: undefined, month: '', limit: 20, offset: 40 }).subscribe();

    const list = backend.expectOne((r) => r.url === '/api/billing/invoices');
    expect(list.request.params.keys().sort()).toEqual(['limit', 'offset', 'status']);
    expect(list.request.params.get('offset')).toBe('40');
  });

  it('downloads the PDF and the XML as files with their headers', () => {
    service.pdf('inv-1').subscribe();
    service.xml('inv-1').subscribe();

    const pdf = backend.expectOne('/api/billing/invoices/inv-1/pdf');
    expect(pdf.request.responseType).toBe('blob');
    expect(backend.expectOne('/api/billing/invoices/inv-1/xml').request.responseType).toBe('blob');
  });

  it('sends a credit note, a payment in cents and a bank statement as XML', () => {
    service.createCreditNote('inv-1', { reason: 'Erreur', lines: [{ lineId: 'l-1', amountCents: 1550 }] }).subscribe();
    service.recordPayment({ invoiceId: 'inv-1', kind: 'transfer', amountCents: 123456, receivedOn: '2026-12-01' }).subscribe();
    service.importBankStatement(new Blob(['<Document/>'])).subscribe();

    expect(backend.expectOne('/api/billing/invoices/inv-1/credit-notes').request.body.lines).toEqual([
      { lineId: 'l-1', amountCents: 1550 },
    ]);
    expect(backend.expectOne('/api/billing/payments').request.body.amountCents).toBe(123456);
    const statement = backend.expectOne('/api/billing/bank-statements');
    expect(statement.request.headers.get('Content-Type')).toBe('application/xml');
  });

  it('asks for the exports, the direct-debit batch and the board summary', () => {
    service.fec('2026-01-01', '2026-12-31').subscribe();
    service.exportInvoices('xlsx', '2026-01-01', '2026-12-31').subscribe();
    service.directDebits('2026-12-10').subscribe();
    service.summary('2026-01', '2026-12').subscribe();

    const fec = backend.expectOne((r) => r.url === '/api/billing/exports/fec');
    expect([fec.request.params.get('from'), fec.request.params.get('to')]).toEqual(['2026-01-01', '2026-12-31']);
    const invoices = backend.expectOne((r) => r.url === '/api/billing/exports/invoices');
    expect([invoices.request.params.get('format'), invoices.request.params.get('from')]).toEqual(['xlsx', '2026-01-01']);
    const batch = backend.expectOne('/api/billing/direct-debits');
    expect(batch.request.body).toEqual({ collectionDate: '2026-12-10' });
    expect(backend.expectOne((r) => r.url === '/api/billing/summary').request.params.get('to')).toBe('2026-12');
  });
});
