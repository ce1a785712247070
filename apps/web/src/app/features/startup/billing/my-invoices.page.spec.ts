import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { invoiceSummary } from '../../../core/billing/billing-fixtures';
import { LocaleService } from '../../../core/i18n/locale.service';
import { byTestId, settle } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { MyInvoicesPage, openBalance } from './my-invoices.page';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const paid = invoiceSummary({ id: 'inv-0', number: 'FA-2026-00000', settlement: 'paid', paidCents: 123456, balanceCents: 0 });
const open = invoiceSummary();
const credit = invoiceSummary({ id: 'cn-1', kind: 'credit_note', number: 'AV-2026-00001', settlement: null, balanceCents: 0, creditedInvoiceNumber: 'FA-2026-00000' });

describe('openBalance', () => {
  it('adds what is left on the invoices, credit notes counting through their invoice', () => {
    expect(openBalance([paid, open, credit])).toBe(123456);
  });
});

describe('MyInvoicesPage', () => {
  let fixture: ComponentFixture<MyInvoicesPage>;
  let backend: HttpTestingController;
  const view = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MyInvoicesPage, translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    await signIn('startup');
    fixture = TestBed.createComponent(MyInvoicesPage);
    const list = backend.expectOne((r) => r.url === '/api/billing/invoices');
    expect(list.request.params.get('status')).toBe('issued');
    list.flush({ items: [open, paid, credit], total: 3, limit: 100, offset: 0 });
    await settle();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('lists the invoices and credit notes with labels, dates and the balance in French', () => {
    const rows = Array.from(view().querySelectorAll('[data-testid="startup-invoice-row"]'));
    expect(rows.map((row) => row.getAttribute('data-number'))).toEqual(['FA-2026-00001', 'FA-2026-00000', 'AV-2026-00001']);
    expect(plain(rows[0].textContent)).toContain('01/12/2026');
    expect(plain(rows[0].textContent)).toContain('À payer');
    expect(plain(rows[1].textContent)).toContain('Payée');
    expect(plain(rows[2].textContent)).toContain('Avoir FA-2026-00000');
    expect(plain(byTestId('startup-balance', view()).textContent)).toBe('Reste à payer : 1 234,56 €');
  });

  it('downloads the Factur-X PDF of an invoice', async () => {
    byTestId('startup-invoice-pdf', view()).click();
    const pdf = backend.expectOne('/api/billing/invoices/inv-1/pdf');
    expect(pdf.request.responseType).toBe('blob');
    URL.createObjectURL = jest.fn(() => 'blob:pdf');
    URL.revokeObjectURL = jest.fn();
    pdf.flush(new Blob(['%PDF-1.7']), { headers: { 'Content-Disposition': 'attachment; filename="FA-2026-00001.pdf"' } });
    await settle();
    expect(URL.createObjectURL).toHaveBeenCalled();
  });
});
