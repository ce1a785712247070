import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { InvoiceKind, InvoiceLine, InvoiceLineKind, InvoiceStatus, InvoiceSummary, Locale, Payment, PaymentKind, PaymentMethod, SettlementStatus, VatCategory } from '@incubator/contracts';
import type { CustomerSnapshot, SellerSnapshot } from './invoice-totals';

interface InvoiceRow {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  settlement: SettlementStatus | null;
  number: string | null;
  startup_id: string;
  customer: CustomerSnapshot;
  seller: SellerSnapshot | null;
  issue_date: string | null;
  due_date: string | null;
  period_start: string | null;
  period_end: string | null;
  total_excl_vat_cents: string;
  vat_cents: string;
  total_incl_vat_cents: string;
  paid_cents: string;
  credited_cents: string;
  credited_invoice_id: string | null;
  credited_invoice_number: string | null;
  credited_invoice_issue_date: string | null;
  run_id: string | null;
  currency: string;
  locale: Locale;
  payment_method: PaymentMethod;
  mandate_reference: string | null;
  credit_reason: string | null;
  emailed_at: Date | null;
  total_count?: string;
}

interface LineRow {
  id: string;
  position: number;
  kind: InvoiceLineKind;
  label: string;
  lease_id: string | null;
  charge_id: string | null;
  credited_line_id: string | null;
  period_start: string | null;
  period_end: string | null;
  quantity: number;
  unit_price_cents: string;
  amount_cents: string;
  vat_rate_bp: number;
  vat_category: VatCategory;
  vat_exemption_reason: string | null;
}

interface PaymentRow {
  id: string;
  invoice_id: string;
  invoice_number: string | null;
  startup_id: string;
  kind: PaymentKind;
  amount_cents: string;
  received_on: string;
  reference: string | null;
}

/** An invoice as stored, with what the list shows and the frozen parties. */
export interface InvoiceRecord extends InvoiceSummary {
  currency: string;
  locale: Locale;
  paymentMethod: PaymentMethod;
  mandateReference: string | null;
  creditReason: string | null;
  emailedAt: string | null;
  creditedCents: number;
  creditedInvoiceIssueDate: string | null;
  seller: SellerSnapshot | null;
  customer: CustomerSnapshot;
}

export type StoredLine = InvoiceLine & { creditedLineId: string | null };
export type NewLine = Omit<StoredLine, 'id' | 'position'>;

export interface InvoiceFilter {
  status?: InvoiceStatus;
  kind?: InvoiceKind;
  startupId?: string;
  /** YYYY-MM: the billed period's month (or the issue month when there is no period). */
  month?: string;
  settlement?: SettlementStatus;
  runId?: string;
  limit: number;
  offset: number;
}

export interface NewInvoice {
  kind: InvoiceKind;
  runId: string | null;
  startupId: string;
  customer: CustomerSnapshot;
  locale: Locale;
  paymentMethod: PaymentMethod;
  mandateReference: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  creditedInvoiceId: string | null;
  creditReason: string | null;
}

export interface IssueFields {
  number: string;
  year: number;
  sequence: number;
  issueDate: string;
  dueDate: string;
  seller: SellerSnapshot;
  customer: CustomerSnapshot;
  mandateReference: string | null;
  paymentMethod: PaymentMethod;
  issuedBy: string | null;
}

/** Settlement is derived, never stored: from payments, issued credit notes and the due date in the organisation's time zone. */
const INVOICE_SELECT = `
  WITH base AS (
    SELECT i.*, ci.number AS credited_invoice_number, ci.issue_date AS credited_invoice_issue_date,
           COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.organisation_id = i.organisation_id AND p.invoice_id = i.id), 0) AS paid_cents,
           COALESCE((SELECT sum(c.total_incl_vat_cents) FROM invoices c WHERE c.organisation_id = i.organisation_id AND c.credited_invoice_id = i.id AND c.status = 'issued'), 0) AS credited_cents,
           (now() AT TIME ZONE o.time_zone)::date AS today
    FROM invoices i JOIN organisations o ON o.id = i.organisation_id
    LEFT JOIN invoices ci ON ci.organisation_id = i.organisation_id AND ci.id = i.credited_invoice_id
    WHERE i.organisation_id = $1
  ), settled AS (
    SELECT base.*, CASE
      WHEN status <> 'issued' OR kind = 'credit_note' THEN NULL
      WHEN credited_cents > 0 AND credited_cents >= total_incl_vat_cents THEN 'credited'
      WHEN paid_cents + credited_cents >= total_incl_vat_cents THEN 'paid'
      WHEN due_date < today THEN 'overdue'
      WHEN paid_cents > 0 THEN 'partially_paid'
      ELSE 'unpaid' END AS settlement
    FROM base
  )
  SELECT settled.*, count(*) OVER () AS total_count FROM settled`;

/** invoices, invoice_lines and invoice_sequences: drafts, issued invoices and credit notes. */
@Injectable()
export class InvoiceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(organisationId: string, f: InvoiceFilter, db: Queryable = this.dataSource): Promise<{ items: InvoiceRecord[]; total: number }> {
    const rows = await db.query<InvoiceRow[]>(
      `${INVOICE_SELECT}
       WHERE ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3) AND ($4::uuid IS NULL OR startup_id = $4)
         AND ($5::date IS NULL OR date_trunc('month', COALESCE(period_start, issue_date, created_at::date)) = $5::date)
         AND ($6::text IS NULL OR settlement = $6) AND ($7::uuid IS NULL OR run_id = $7)
       ORDER BY issue_date DESC NULLS FIRST, number DESC NULLS LAST, created_at DESC, id LIMIT $8 OFFSET $9`,
      [organisationId, f.status ?? null, f.kind ?? null, f.startupId ?? null, f.month ? `${f.month}-01` : null, f.settlement ?? null, f.runId ?? null, f.limit, f.offset],
    );
    return { items: rows.map(toInvoice), total: rows.length > 0 ? Number(rows[0].total_count) : 0 };
  }

  async get(organisationId: string, invoiceId: string, db: Queryable = this.dataSource): Promise<InvoiceRecord | undefined> {
    const [row] = await db.query<InvoiceRow[]>(`${INVOICE_SELECT} WHERE id = $2`, [organisationId, invoiceId]);
    return row && toInvoice(row);
  }

  /** The invoice row locked for the transaction (issuing, cancelling, crediting). */
  async lock(db: Queryable, organisationId: string, invoiceId: string): Promise<boolean> {
    const rows = await db.query<Array<{ id: string }>>('SELECT id FROM invoices WHERE organisation_id = $1 AND id = $2 FOR UPDATE', [organisationId, invoiceId]);
    return rows.length > 0;
  }

  async creditNotesOf(organisationId: string, invoiceId: string, db: Queryable = this.dataSource): Promise<InvoiceRecord[]> {
    const rows = await db.query<InvoiceRow[]>(`${INVOICE_SELECT} WHERE credited_invoice_id = $2 ORDER BY issue_date, number`, [organisationId, invoiceId]);
    return rows.map(toInvoice);
  }

  async lines(organisationId: string, invoiceId: string, db: Queryable = this.dataSource): Promise<StoredLine[]> {
    const rows = await db.query<LineRow[]>('SELECT * FROM invoice_lines WHERE organisation_id = $1 AND invoice_id = $2 ORDER BY position', [organisationId, invoiceId]);
    return rows.map(toLine);
  }

  /** Per line of the invoice, the cents its issued credit notes already credited. */
  async creditedByLine(db: Queryable, organisationId: string, invoiceId: string): Promise<Map<string, number>> {
    const rows = await db.query<Array<{ credited_line_id: string; credited: string }>>(
      `SELECT cl.credited_line_id, sum(cl.amount_cents) AS credited
       FROM invoice_lines cl JOIN invoices c ON c.id = cl.invoice_id
       WHERE c.organisation_id = $1 AND c.credited_invoice_id = $2 AND c.status = 'issued' AND cl.credited_line_id IS NOT NULL
       GROUP BY cl.credited_line_id`,
      [organisationId, invoiceId],
    );
    return new Map(rows.map((r) => [r.credited_line_id, Number(r.credited)]));
  }

  async payments(organisationId: string, invoiceId: string, db: Queryable = this.dataSource): Promise<Payment[]> {
    const rows = await db.query<PaymentRow[]>(
      `SELECT p.id, p.invoice_id, i.number AS invoice_number, i.startup_id, p.kind, p.amount_cents, p.received_on, p.reference
       FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.organisation_id = $1 AND p.invoice_id = $2 ORDER BY p.received_on, p.created_at`,
      [organisationId, invoiceId],
    );
    return rows.map((r) => ({ id: r.id, invoiceId: r.invoice_id, invoiceNumber: r.invoice_number, startupId: r.startup_id, kind: r.kind, amountCents: Number(r.amount_cents), receivedOn: r.received_on, reference: r.reference }));
  }

  /**
   * A draft, unless the run already has one for the startup (uq_invoices_run_startup): a retried run
   * inserts nothing and gets undefined.
   */
  async insertDraft(db: Queryable, organisationId: string, d: NewInvoice): Promise<string | undefined> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO invoices (organisation_id, kind, run_id, startup_id, customer, locale, payment_method, mandate_reference, period_start, period_end, credited_invoice_id, credit_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (organisation_id, run_id, startup_id) WHERE run_id IS NOT NULL AND status <> 'cancelled' DO NOTHING RETURNING id`,
      [organisationId, d.kind, d.runId, d.startupId, JSON.stringify(d.customer), d.locale, d.paymentMethod, d.mandateReference, d.periodStart, d.periodEnd, d.creditedInvoiceId, d.creditReason],
    );
    return row?.id;
  }

  async insertLines(db: Queryable, organisationId: string, invoiceId: string, lines: readonly NewLine[]): Promise<void> {
    let position = 0;
    for (const l of lines) {
      position += 1;
      await db.query(
        `INSERT INTO invoice_lines (organisation_id, invoice_id, position, kind, label, lease_id, charge_id, credited_line_id, period_start, period_end,
                                    quantity, unit_price_cents, amount_cents, vat_rate_bp, vat_category, vat_exemption_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [organisationId, invoiceId, position, l.kind, l.label, l.leaseId, l.chargeId, l.creditedLineId, l.periodStart, l.periodEnd, l.quantity, l.unitPriceCents, l.amountCents, l.vatRateBp, l.vatCategory, l.vatExemptionReason],
      );
    }
  }

  async setTotals(db: Queryable, organisationId: string, invoiceId: string, t: { totalExclVatCents: number; vatCents: number; totalInclVatCents: number }): Promise<void> {
    await db.query('UPDATE invoices SET total_excl_vat_cents = $3, vat_cents = $4, total_incl_vat_cents = $5, updated_at = now() WHERE organisation_id = $1 AND id = $2', [
      organisationId,
      invoiceId,
      t.totalExclVatCents,
      t.vatCents,
      t.totalInclVatCents,
    ]);
  }

  /**
   * The next number of the organisation's series for the kind and year, the sequence row locked until the
   * transaction ends: a rolled-back issue gives its number back, two issues wait for each other.
   */
  async nextSequence(db: Queryable, organisationId: string, kind: InvoiceKind, year: number): Promise<number> {
    const [row] = await db.query<Array<{ last_number: number }>>(
      `INSERT INTO invoice_sequences (organisation_id, kind, year, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (organisation_id, kind, year) DO UPDATE SET last_number = invoice_sequences.last_number + 1 RETURNING last_number`,
      [organisationId, kind, year],
    );
    return row.last_number;
  }

  async issue(db: Queryable, organisationId: string, invoiceId: string, f: IssueFields): Promise<void> {
    await db.query(
      `UPDATE invoices SET status = 'issued', number = $3, sequence_year = $4, sequence_number = $5, issue_date = $6, due_date = $7, seller = $8, customer = $9,
              mandate_reference = $10, payment_method = $11, issued_at = now(), issued_by = $12, updated_at = now()
       WHERE organisation_id = $1 AND id = $2 AND status = 'draft'`,
      [organisationId, invoiceId, f.number, f.year, f.sequence, f.issueDate, f.dueDate, JSON.stringify(f.seller), JSON.stringify(f.customer), f.mandateReference, f.paymentMethod, f.issuedBy],
    );
  }

  async cancel(db: Queryable, organisationId: string, invoiceId: string): Promise<void> {
    await db.query(`UPDATE invoices SET status = 'cancelled', updated_at = now() WHERE organisation_id = $1 AND id = $2 AND status = 'draft'`, [organisationId, invoiceId]);
  }

  /** Records the e-mailing once: true only for the call that set it. */
  async markEmailed(organisationId: string, invoiceId: string, db: Queryable = this.dataSource): Promise<boolean> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [rows] = await db.query<[Array<{ id: string }>, number]>(
      `UPDATE invoices SET emailed_at = now() WHERE organisation_id = $1 AND id = $2 AND status = 'issued' AND emailed_at IS NULL RETURNING id`,
      [organisationId, invoiceId],
    );
    return rows.length > 0;
  }

  /** Where the startup's documents are mailed: its billing profile's recipients. */
  async recipients(organisationId: string, startupId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const [row] = await db.query<Array<{ recipients: string[] }>>('SELECT recipients FROM billing_customers WHERE organisation_id = $1 AND startup_id = $2', [organisationId, startupId]);
    return row?.recipients ?? [];
  }

  /** The run's drafts, oldest first (the order numbers are given in). */
  async runDrafts(organisationId: string, runId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const rows = await db.query<Array<{ id: string }>>(
      `SELECT i.id FROM invoices i JOIN startups s ON s.id = i.startup_id
       WHERE i.organisation_id = $1 AND i.run_id = $2 AND i.status = 'draft' ORDER BY lower(s.legal_name), i.created_at, i.id`,
      [organisationId, runId],
    );
    return rows.map((r) => r.id);
  }

  /** Startups that already have a live (draft or issued) invoice of the run. */
  async runStartups(organisationId: string, runId: string, db: Queryable = this.dataSource): Promise<Set<string>> {
    const rows = await db.query<Array<{ startup_id: string }>>(`SELECT startup_id FROM invoices WHERE organisation_id = $1 AND run_id = $2 AND status <> 'cancelled'`, [organisationId, runId]);
    return new Set(rows.map((r) => r.startup_id));
  }
}

function toInvoice(row: InvoiceRow): InvoiceRecord {
  const total = Number(row.total_incl_vat_cents);
  const paid = Number(row.paid_cents);
  const credited = Number(row.credited_cents);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    settlement: row.settlement,
    number: row.number,
    startupId: row.startup_id,
    customerName: row.customer.name,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    totalExclVatCents: Number(row.total_excl_vat_cents),
    vatCents: Number(row.vat_cents),
    totalInclVatCents: total,
    paidCents: paid,
    balanceCents: row.kind === 'credit_note' || row.status === 'cancelled' ? 0 : total - paid - credited,
    creditedInvoiceId: row.credited_invoice_id,
    creditedInvoiceNumber: row.credited_invoice_number,
    runId: row.run_id,
    currency: row.currency,
    locale: row.locale,
    paymentMethod: row.payment_method,
    mandateReference: row.mandate_reference,
    creditReason: row.credit_reason,
    emailedAt: row.emailed_at ? row.emailed_at.toISOString() : null,
    creditedCents: credited,
    creditedInvoiceIssueDate: row.credited_invoice_issue_date,
    seller: row.seller,
    customer: row.customer,
  };
}

function toLine(row: LineRow): StoredLine {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    label: row.label,
    leaseId: row.lease_id,
    chargeId: row.charge_id,
    creditedLineId: row.credited_line_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    quantity: row.quantity,
    unitPriceCents: Number(row.unit_price_cents),
    amountCents: Number(row.amount_cents),
    vatRateBp: row.vat_rate_bp,
    vatCategory: row.vat_category,
    vatExemptionReason: row.vat_exemption_reason,
  };
}
