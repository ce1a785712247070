import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { InvoiceKind, InvoiceStatus, Payment, PaymentKind } from '@incubator/contracts';

/**
 * What has been paid and credited against invoice `alias` (columns `paid_cents` and `credited_cents`,
 * bigint as text): the one definition of a balance, for any query on invoices of the billing domain
 * (`SELECT i.*, amounts.paid_cents, amounts.credited_cents FROM invoices i ${invoiceAmountsJoin('i')}`).
 */
export function invoiceAmountsJoin(alias: string): string {
  return `LEFT JOIN LATERAL (
      SELECT (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.organisation_id = ${alias}.organisation_id AND p.invoice_id = ${alias}.id)::text AS paid_cents,
             (SELECT coalesce(sum(c.total_incl_vat_cents), 0) FROM invoices c
               WHERE c.organisation_id = ${alias}.organisation_id AND c.credited_invoice_id = ${alias}.id AND c.status = 'issued')::text AS credited_cents
    ) amounts ON true`;
}

/** An invoice as a payment sees it: what it is, its total and what was paid and credited so far. */
export interface PayableInvoice {
  id: string;
  number: string | null;
  kind: InvoiceKind;
  status: InvoiceStatus;
  startupId: string;
  totalInclVatCents: number;
  paidCents: number;
  creditedCents: number;
  dueDate: string | null;
}

interface PayableInvoiceRow {
  id: string;
  number: string | null;
  kind: InvoiceKind;
  status: InvoiceStatus;
  startup_id: string;
  total_incl_vat_cents: string;
  paid_cents: string;
  credited_cents: string;
  due_date: string | null;
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

export interface NewPayment {
  invoiceId: string;
  kind: PaymentKind;
  amountCents: number;
  receivedOn: string;
  reference: string | null;
  bankEntryReference: string | null;
  recordedBy: string | null;
}

export interface PaymentFilter {
  invoiceId?: string;
  startupId?: string;
  from?: string;
  to?: string;
}

/** An issued invoice a direct-debit batch collects: its balance and the customer's active mandate. */
export interface DirectDebitDue {
  invoiceId: string;
  number: string;
  balanceCents: number;
  debtorName: string;
  mandateReference: string;
  mandateSignedOn: string;
  iban: string;
  bic: string | null;
  /** The mandate was collected before (a direct-debit payment on an invoice under it): RCUR, else FRST. */
  collectedBefore: boolean;
}

interface DirectDebitDueRow {
  invoice_id: string;
  number: string;
  balance_cents: string;
  legal_name: string;
  reference: string;
  signed_on: string;
  iban: string;
  bic: string | null;
  collected_before: boolean;
}

/** The seller's bank details a direct-debit batch needs. */
export interface CreditorSettings {
  iban: string | null;
  bic: string | null;
  sepaCreditorId: string | null;
}

const PAYMENT_SELECT = `
  SELECT p.id, p.invoice_id, i.number AS invoice_number, i.startup_id, p.kind, p.amount_cents::text, to_char(p.received_on, 'YYYY-MM-DD') AS received_on, p.reference
  FROM payments p JOIN invoices i ON i.organisation_id = p.organisation_id AND i.id = p.invoice_id`;

/** Every statement on payments, and the invoice, mandate and settings reads payments need. */
@Injectable()
export class PaymentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The invoice with what was paid and credited; `lock` holds its row until the transaction ends (payments on it serialise). */
  async payableInvoice(db: Queryable, organisationId: string, invoiceId: string, lock = false): Promise<PayableInvoice | undefined> {
    // Locked first, then read: the sums are taken after any concurrent payment on it has committed.
    if (lock) await db.query('SELECT id FROM invoices WHERE organisation_id = $1 AND id = $2 FOR UPDATE', [organisationId, invoiceId]);
    const [row] = await db.query<PayableInvoiceRow[]>(
      `SELECT i.id, i.number, i.kind, i.status, i.startup_id, i.total_incl_vat_cents::text, amounts.paid_cents, amounts.credited_cents,
              to_char(i.due_date, 'YYYY-MM-DD') AS due_date
       FROM invoices i ${invoiceAmountsJoin('i')}
       WHERE i.organisation_id = $1 AND i.id = $2`,
      [organisationId, invoiceId],
    );
    return row && toPayableInvoice(row);
  }

  /** The issued invoices (kind invoice) of these numbers, locked (then read), by number. */
  async issuedInvoicesByNumber(db: Queryable, organisationId: string, numbers: string[]): Promise<Map<string, PayableInvoice>> {
    if (!numbers.length) return new Map();
    await db.query(
      `SELECT id FROM invoices WHERE organisation_id = $1 AND number = ANY($2::text[]) AND status = 'issued' AND kind = 'invoice' ORDER BY id FOR UPDATE`,
      [organisationId, numbers],
    );
    const rows = await db.query<PayableInvoiceRow[]>(
      `SELECT i.id, i.number, i.kind, i.status, i.startup_id, i.total_incl_vat_cents::text, amounts.paid_cents, amounts.credited_cents,
              to_char(i.due_date, 'YYYY-MM-DD') AS due_date
       FROM invoices i ${invoiceAmountsJoin('i')}
       WHERE i.organisation_id = $1 AND i.number = ANY($2::text[]) AND i.status = 'issued' AND i.kind = 'invoice'
       ORDER BY i.number`,
      [organisationId, numbers],
    );
    return new Map(rows.map((row) => [row.number as string, toPayableInvoice(row)]));
  }

  /** Which of these bank entry references already gave a payment. */
  async knownBankEntries(db: Queryable, organisationId: string, references: string[]): Promise<Set<string>> {
    if (!references.length) return new Set();
    const rows = await db.query<Array<{ bank_entry_reference: string }>>(
      'SELECT bank_entry_reference FROM payments WHERE organisation_id = $1 AND bank_entry_reference = ANY($2::text[])',
      [organisationId, references],
    );
    return new Set(rows.map((row) => row.bank_entry_reference));
  }

  /** Records a payment; undefined when its bank entry was already imported. */
  async insert(db: Queryable, organisationId: string, payment: NewPayment): Promise<string | undefined> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO payments (organisation_id, invoice_id, kind, amount_cents, received_on, reference, bank_entry_reference, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organisation_id, bank_entry_reference) DO NOTHING RETURNING id`,
      [organisationId, payment.invoiceId, payment.kind, payment.amountCents, payment.receivedOn, payment.reference, payment.bankEntryReference, payment.recordedBy],
    );
    return row?.id;
  }

  async get(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<Payment | undefined> {
    const [row] = await db.query<PaymentRow[]>(`${PAYMENT_SELECT} WHERE p.organisation_id = $1 AND p.id = $2`, [organisationId, id]);
    return row && toPayment(row);
  }

  /** Newest first; dates inclusive. */
  async list(organisationId: string, filter: PaymentFilter, db: Queryable = this.dataSource): Promise<Payment[]> {
    const rows = await db.query<PaymentRow[]>(
      `${PAYMENT_SELECT}
       WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.invoice_id = $2) AND ($3::uuid IS NULL OR i.startup_id = $3)
         AND ($4::date IS NULL OR p.received_on >= $4) AND ($5::date IS NULL OR p.received_on <= $5)
       ORDER BY p.received_on DESC, p.created_at DESC, p.id
       LIMIT 1000`,
      [organisationId, filter.invoiceId ?? null, filter.startupId ?? null, filter.from ?? null, filter.to ?? null],
    );
    return rows.map(toPayment);
  }

  /** Deletes a payment; the deleted payment, or undefined when there was none. */
  async delete(db: Queryable, organisationId: string, id: string): Promise<Payment | undefined> {
    const payment = await this.get(organisationId, id, db);
    if (!payment) return undefined;
    await db.query('DELETE FROM payments WHERE organisation_id = $1 AND id = $2', [organisationId, id]);
    return payment;
  }

  async creditorSettings(organisationId: string, db: Queryable = this.dataSource): Promise<CreditorSettings> {
    const [row] = await db.query<Array<{ iban: string | null; bic: string | null; sepa_creditor_id: string | null }>>(
      'SELECT iban, bic, sepa_creditor_id FROM billing_settings WHERE organisation_id = $1',
      [organisationId],
    );
    return { iban: row?.iban ?? null, bic: row?.bic ?? null, sepaCreditorId: row?.sepa_creditor_id ?? null };
  }

  /**
   * The issued invoices with a balance, due on or before the collection date, of customers paying by
   * direct debit with a mandate active then (signed on or before it, not revoked): what a batch collects.
   */
  async directDebitDue(organisationId: string, collectionDate: string, db: Queryable = this.dataSource): Promise<DirectDebitDue[]> {
    const rows = await db.query<DirectDebitDueRow[]>(
      `SELECT i.id AS invoice_id, i.number, (i.total_incl_vat_cents - amounts.paid_cents::bigint - amounts.credited_cents::bigint)::text AS balance_cents,
              c.legal_name, m.reference, to_char(m.signed_on, 'YYYY-MM-DD') AS signed_on, m.iban, m.bic,
              EXISTS (SELECT 1 FROM payments p JOIN invoices pi ON pi.organisation_id = p.organisation_id AND pi.id = p.invoice_id
                      WHERE p.organisation_id = i.organisation_id AND p.kind = 'direct_debit' AND pi.startup_id = i.startup_id
                        AND pi.mandate_reference = m.reference) AS collected_before
       FROM invoices i ${invoiceAmountsJoin('i')}
       JOIN billing_customers c ON c.organisation_id = i.organisation_id AND c.startup_id = i.startup_id AND c.payment_method = 'direct_debit'
       JOIN sepa_mandates m ON m.organisation_id = i.organisation_id AND m.startup_id = i.startup_id AND m.revoked_on IS NULL AND m.signed_on <= $2::date
       WHERE i.organisation_id = $1 AND i.status = 'issued' AND i.kind = 'invoice' AND (i.due_date IS NULL OR i.due_date <= $2::date)
         AND i.total_incl_vat_cents - amounts.paid_cents::bigint - amounts.credited_cents::bigint > 0
       ORDER BY i.number`,
      [organisationId, collectionDate],
    );
    return rows.map((row) => ({
      invoiceId: row.invoice_id,
      number: row.number,
      balanceCents: Number(row.balance_cents),
      debtorName: row.legal_name,
      mandateReference: row.reference,
      mandateSignedOn: row.signed_on,
      iban: row.iban,
      bic: row.bic,
      collectedBefore: row.collected_before,
    }));
  }
}

function toPayableInvoice(row: PayableInvoiceRow): PayableInvoice {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    startupId: row.startup_id,
    totalInclVatCents: Number(row.total_incl_vat_cents),
    paidCents: Number(row.paid_cents),
    creditedCents: Number(row.credited_cents),
    dueDate: row.due_date,
  };
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    startupId: row.startup_id,
    kind: row.kind,
    amountCents: Number(row.amount_cents),
    receivedOn: row.received_on,
    reference: row.reference,
  };
}
