import { HttpClient, HttpHeaders, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  BankStatementImportResult,
  BillingCharge,
  BillingCustomer,
  BillingCustomerListItem,
  BillingQuarterSummary,
  BillingRun,
  BillingSettings,
  CreateBillingChargeRequest,
  CreateCreditNoteRequest,
  CreateSepaMandateRequest,
  InvoiceDetail,
  InvoiceKind,
  InvoiceStatus,
  InvoiceSummary,
  PageResponse,
  Payment,
  RecordPaymentRequest,
  SepaMandate,
  SettlementStatus,
  UpdateBillingCustomerRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../api/to-params';

export interface InvoiceQuery {
  status?: InvoiceStatus | null;
  kind?: InvoiceKind | null;
  settlement?: SettlementStatus | null;
  startupId?: string | null;
  /** YYYY-MM */
  month?: string | null;
  limit: number;
  offset: number;
}

export type InvoiceExportFormat = 'csv' | 'xlsx';

type FileResponse = Observable<HttpResponse<Blob>>;

const id = (value: string) => encodeURIComponent(value);

/**
 * Billing the tenants: settings, customers and mandates, charges, monthly runs, invoices and credit
 * notes, payments, bank statements, direct debits and exports. A startup member reads their own
 * issued invoices and downloads them.
 */
@Injectable({ providedIn: 'root' })
export class BillingService {
  private readonly http = inject(HttpClient);

  settings(): Observable<BillingSettings> {
    return this.http.get<BillingSettings>('/api/billing/settings');
  }

  saveSettings(settings: BillingSettings): Observable<BillingSettings> {
    return this.http.put<BillingSettings>('/api/billing/settings', settings);
  }

  /** Every startup with its billing profile, null when it has none yet. */
  customers(): Observable<BillingCustomerListItem[]> {
    return this.http.get<BillingCustomerListItem[]>('/api/billing/customers');
  }

  customer(startupId: string): Observable<BillingCustomer> {
    return this.http.get<BillingCustomer>(`/api/billing/customers/${id(startupId)}`);
  }

  saveCustomer(startupId: string, change: UpdateBillingCustomerRequest): Observable<BillingCustomer> {
    return this.http.put<BillingCustomer>(`/api/billing/customers/${id(startupId)}`, change);
  }

  createMandate(startupId: string, request: CreateSepaMandateRequest): Observable<SepaMandate> {
    return this.http.post<SepaMandate>(`/api/billing/customers/${id(startupId)}/mandates`, request);
  }

  revokeMandate(mandateId: string): Observable<SepaMandate> {
    return this.http.post<SepaMandate>(`/api/billing/mandates/${id(mandateId)}/revoke`, {});
  }

  charges(): Observable<BillingCharge[]> {
    return this.http.get<BillingCharge[]>('/api/billing/charges');
  }

  /** 400 `billing.deposit_needs_lease` for a deposit without its lease, `exemption_reason_required` outside the standard rate. */
  addCharge(request: CreateBillingChargeRequest): Observable<BillingCharge> {
    return this.http.post<BillingCharge>('/api/billing/charges', request);
  }

  /** Only a charge no invoice has billed yet. */
  deleteCharge(chargeId: string): Observable<void> {
    return this.http.delete<void>(`/api/billing/charges/${id(chargeId)}`);
  }

  runs(): Observable<BillingRun[]> {
    return this.http.get<BillingRun[]>('/api/billing/runs');
  }

  run(runId: string): Observable<BillingRun> {
    return this.http.get<BillingRun>(`/api/billing/runs/${id(runId)}`);
  }

  /** One run per organisation and month: asking again answers the existing one. */
  createRun(month: string): Observable<BillingRun> {
    return this.http.post<BillingRun>('/api/billing/runs', { month });
  }

  issueRun(runId: string): Observable<BillingRun> {
    return this.http.post<BillingRun>(`/api/billing/runs/${id(runId)}/issue`, {});
  }

  invoices(query: InvoiceQuery): Observable<PageResponse<InvoiceSummary>> {
    return this.http.get<PageResponse<InvoiceSummary>>('/api/billing/invoices', { params: toParams(query) });
  }

  invoice(invoiceId: string): Observable<InvoiceDetail> {
    return this.http.get<InvoiceDetail>(`/api/billing/invoices/${id(invoiceId)}`);
  }

  issueInvoice(invoiceId: string): Observable<InvoiceDetail> {
    return this.http.post<InvoiceDetail>(`/api/billing/invoices/${id(invoiceId)}/issue`, {});
  }

  /** A draft only: an issued invoice is corrected by a credit note. */
  cancelInvoice(invoiceId: string): Observable<InvoiceDetail> {
    return this.http.post<InvoiceDetail>(`/api/billing/invoices/${id(invoiceId)}/cancel`, {});
  }

  createCreditNote(invoiceId: string, request: CreateCreditNoteRequest): Observable<InvoiceDetail> {
    return this.http.post<InvoiceDetail>(`/api/billing/invoices/${id(invoiceId)}/credit-notes`, request);
  }

  /** The Factur-X PDF (the CII XML embedded), fetched with the access token. */
  pdf(invoiceId: string): FileResponse {
    return this.file(`/api/billing/invoices/${id(invoiceId)}/pdf`);
  }

  /** The CII XML alone, for an approved platform. */
  xml(invoiceId: string): FileResponse {
    return this.file(`/api/billing/invoices/${id(invoiceId)}/xml`);
  }

  payments(): Observable<Payment[]> {
    return this.http.get<Payment[]>('/api/billing/payments');
  }

  recordPayment(request: RecordPaymentRequest): Observable<Payment> {
    return this.http.post<Payment>('/api/billing/payments', request);
  }

  deletePayment(paymentId: string): Observable<void> {
    return this.http.delete<void>(`/api/billing/payments/${id(paymentId)}`);
  }

  /** A CAMT.053 statement, sent as the XML it is (like the startups' import: the file is the body). */
  importBankStatement(file: Blob): Observable<BankStatementImportResult> {
    return this.http.post<BankStatementImportResult>('/api/billing/bank-statements', file, {
      headers: new HttpHeaders({ 'Content-Type': 'application/xml' }),
    });
  }

  /** The pain.008 batch of the invoices due from mandated customers, collected on `collectionDate`. */
  directDebits(collectionDate: string): FileResponse {
    return this.http.post('/api/billing/direct-debits', { collectionDate }, { responseType: 'blob', observe: 'response' });
  }

  /** The FEC of a period (days, inclusive). */
  fec(from: string, to: string): FileResponse {
    return this.file('/api/billing/exports/fec', { from, to });
  }

  /** The invoices and credit notes issued in a period (days, inclusive). */
  exportInvoices(format: InvoiceExportFormat, from: string, to: string): FileResponse {
    return this.file('/api/billing/exports/invoices', { format, from, to });
  }

  /** The payments received in a period (days, inclusive). */
  exportPayments(format: InvoiceExportFormat, from: string, to: string): FileResponse {
    return this.file('/api/billing/exports/payments', { format, from, to });
  }

  /** The board's totals, one row per quarter (`from`, `to`: YYYY-MM). */
  summary(from: string, to: string): Observable<BillingQuarterSummary[]> {
    return this.http.get<BillingQuarterSummary[]>('/api/billing/summary', { params: { from, to } });
  }

  private file(url: string, query: object = {}): FileResponse {
    return this.http.get(url, { params: toParams(query), responseType: 'blob', observe: 'response' });
  }
}
