import type { Locale } from './locale';

/**
 * Billing the tenants (issue 18). Money is integer cents (EUR), rates are basis points (2000 = 20 %),
 * dates are `YYYY-MM-DD` in the organisation's time zone, periods half-open `[start, end)`.
 * An issued invoice or credit note never changes: corrections are credit notes.
 */

export const PAYMENT_METHODS = ['transfer', 'direct_debit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_KINDS = ['transfer', 'direct_debit', 'other'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const INVOICE_STATUSES = ['draft', 'issued', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What a client shows beside the status: derived from the balance and the due date, never stored. */
export const SETTLEMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overdue', 'credited'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

export const CHARGE_KINDS = ['service', 'fee', 'deposit', 'deposit_refund', 'discount'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

export const INVOICE_LINE_KINDS = ['rent', ...CHARGE_KINDS] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

/** VAT categories of EN 16931 (UNTDID 5305) the product uses: standard rate, exempt, outside scope. */
export const VAT_CATEGORIES = ['S', 'E', 'O'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export const BILLING_RUN_STATUSES = ['drafting', 'drafted', 'issuing', 'issued', 'failed'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

/** GET/PUT /billing/settings — the seller's side (its legal identity is the organisation's settings). */
export interface BillingSettings {
  iban: string | null;
  bic: string | null;
  /** SEPA creditor identifier (ICS), e.g. FR72ZZZ123456. */
  sepaCreditorId: string | null;
  /** Invoice numbers read `{invoicePrefix}-{year}-{sequence:05}`; credit notes `{creditNotePrefix}-…`. */
  invoicePrefix: string;
  creditNotePrefix: string;
  paymentTermsDays: number;
  /** Late-payment penalty rate, basis points a year (French B2B mention, L441-10 Code de commerce). */
  latePenaltyRateBp: number;
  /** Fixed recovery indemnity (40 € by law). */
  recoveryIndemnityCents: number;
  defaultVatRateBp: number;
  /** The seller opted to pay VAT on debits ("option pour le paiement de la TVA d’après les débits"). */
  vatOnDebits: boolean;
}

/** GET/PUT /billing/customers/:startupId — a startup's billing profile. */
export interface BillingCustomer {
  startupId: string;
  startupName: string;
  legalName: string;
  siren: string | null;
  vatNumber: string | null;
  addressLine1: string;
  addressLine2: string | null;
  postcode: string;
  city: string;
  country: string;
  /** E-mail addresses invoices are sent to. */
  recipients: string[];
  paymentMethod: PaymentMethod;
  locale: Locale;
  /** The active mandate, when paying by SEPA direct debit. */
  mandate: SepaMandate | null;
}

/** GET /billing/customers — every startup of the organisation, with its billing profile or null (none yet). */
export interface BillingCustomerListItem {
  startupId: string;
  startupName: string;
  customer: BillingCustomer | null;
}

/** PUT /billing/customers/:startupId */
export type UpdateBillingCustomerRequest = Omit<BillingCustomer, 'startupId' | 'startupName' | 'mandate'>;

/** POST /billing/customers/:startupId/mandates */
export interface CreateSepaMandateRequest {
  reference: string;
  signedOn: string;
  iban: string;
  bic?: string | null;
}

/** POST /billing/charges */
export interface CreateBillingChargeRequest {
  startupId: string;
  kind: ChargeKind;
  label: string;
  amountCents: number;
  vatRateBp: number;
  vatCategory: VatCategory;
  vatExemptionReason?: string | null;
  chargedOn: string;
  leaseId?: string | null;
}

export interface SepaMandate {
  id: string;
  startupId: string;
  /** Unique mandate reference (RUM). */
  reference: string;
  signedOn: string;
  iban: string;
  bic: string | null;
  revokedOn: string | null;
}

/** POST /billing/charges — a one-off charge (service, fee, deposit, deposit refund, discount) billed by the next run. */
export interface BillingCharge {
  id: string;
  startupId: string;
  startupName: string;
  kind: ChargeKind;
  label: string;
  /** Negative for a discount or a deposit refund. */
  amountCents: number;
  vatRateBp: number;
  vatCategory: VatCategory;
  /** The day the service was provided (or the deposit taken). */
  chargedOn: string;
  leaseId: string | null;
  /** The invoice that billed it, once billed. */
  invoiceId: string | null;
}

export interface InvoiceLine {
  id: string;
  position: number;
  kind: InvoiceLineKind;
  label: string;
  leaseId: string | null;
  chargeId: string | null;
  periodStart: string | null;
  /** Exclusive. */
  periodEnd: string | null;
  quantity: number;
  unitPriceCents: number;
  /** Net amount of the line, excluding VAT (negative on a discount). */
  amountCents: number;
  vatRateBp: number;
  vatCategory: VatCategory;
  vatExemptionReason: string | null;
}

export interface InvoiceSummary {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  settlement: SettlementStatus | null;
  /** Null while a draft: a number is allocated only when issued (a cancelled draft consumes none). */
  number: string | null;
  startupId: string;
  customerName: string;
  issueDate: string | null;
  dueDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  totalExclVatCents: number;
  vatCents: number;
  totalInclVatCents: number;
  paidCents: number;
  /** totalInclVat − paid − credited (credit notes against it). */
  balanceCents: number;
  /** Credit notes: the invoice they correct. */
  creditedInvoiceId: string | null;
  creditedInvoiceNumber: string | null;
  runId: string | null;
}

export interface InvoiceDetail extends InvoiceSummary {
  lines: InvoiceLine[];
  currency: string;
  locale: Locale;
  paymentMethod: PaymentMethod;
  mandateReference: string | null;
  creditReason: string | null;
  emailedAt: string | null;
  payments: Payment[];
  creditNotes: InvoiceSummary[];
}

/** GET /billing/runs, POST /billing/runs { month } (one per organisation and month), POST /billing/runs/:id/issue. */
export interface BillingRun {
  id: string;
  /** YYYY-MM */
  month: string;
  status: BillingRunStatus;
  /** Invoices drafted or issued so far, out of `total`. */
  progress: number;
  total: number;
  draftCount: number;
  issuedCount: number;
  totalExclVatCents: number;
  totalInclVatCents: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateBillingRunRequest {
  /** YYYY-MM */
  month: string;
}

/** POST /billing/invoices/:id/credit-notes — whole (no lines) or partial (amounts per line, positive cents to credit). */
export interface CreateCreditNoteRequest {
  reason: string;
  lines?: { lineId: string; amountCents: number }[];
}

export interface Payment {
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  startupId: string;
  kind: PaymentKind;
  amountCents: number;
  receivedOn: string;
  reference: string | null;
}

/** POST /billing/payments */
export interface RecordPaymentRequest {
  invoiceId: string;
  kind: PaymentKind;
  amountCents: number;
  receivedOn: string;
  reference?: string;
}

/** POST /billing/bank-statements (CAMT.053 XML) — what was matched, what was not. */
export interface BankStatementImportResult {
  entries: number;
  matched: { entryReference: string; invoiceNumber: string; amountCents: number }[];
  unmatched: { entryReference: string; amountCents: number; remittance: string | null; reason: string }[];
  alreadyImported: number;
}

/** GET /billing/summary?from=YYYY-MM&to=YYYY-MM (board: totals only), one row per quarter. */
export interface BillingQuarterSummary {
  /** e.g. 2026-Q4 */
  quarter: string;
  billedCents: number;
  collectedCents: number;
  overdueCents: number;
}
