import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { BillingQuarterSummary, InvoiceKind, PaymentKind } from '@incubator/contracts';
import { invoiceAmountsJoin } from './payment.repository';

/** An issued invoice or credit note of a period, with what was paid and credited on it. */
export interface IssuedDocument {
  id: string;
  kind: InvoiceKind;
  number: string;
  issueDate: string;
  dueDate: string | null;
  startupId: string;
  customerName: string;
  customerSiren: string | null;
  creditedInvoiceNumber: string | null;
  totalExclVatCents: number;
  vatCents: number;
  totalInclVatCents: number;
  paidCents: number;
  creditedCents: number;
}

interface IssuedDocumentRow {
  id: string;
  kind: InvoiceKind;
  number: string;
  issue_date: string;
  due_date: string | null;
  startup_id: string;
  customer_name: string;
  customer_siren: string | null;
  credited_invoice_number: string | null;
  total_excl_vat_cents: string;
  vat_cents: string;
  total_incl_vat_cents: string;
  paid_cents: string;
  credited_cents: string;
}

/** A payment of a period with its invoice and customer. */
export interface PaymentLine {
  id: string;
  receivedOn: string;
  kind: PaymentKind;
  amountCents: number;
  reference: string | null;
  bankEntryReference: string | null;
  invoiceNumber: string;
  startupId: string;
  customerName: string;
}

interface PaymentLineRow {
  id: string;
  received_on: string;
  kind: PaymentKind;
  amount_cents: string;
  reference: string | null;
  bank_entry_reference: string | null;
  invoice_number: string;
  startup_id: string;
  customer_name: string;
}

interface QuarterRow {
  quarter: string;
  billed_cents: string;
  collected_cents: string;
  overdue_cents: string;
}

/** The customer's name as the document froze it (the snapshot's `name`, else `legalName`). */
const CUSTOMER_NAME = `coalesce(i.customer->>'name', i.customer->>'legalName', '')`;

/** The reads of the accounting exports and the board's quarterly figures: issued documents and payments only. */
@Injectable()
export class BillingExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The invoices and credit notes issued between `from` and `to` (inclusive), by issue date and number. */
  async issuedDocuments(organisationId: string, from: string, to: string, db: Queryable = this.dataSource): Promise<IssuedDocument[]> {
    const rows = await db.query<IssuedDocumentRow[]>(
      `SELECT i.id, i.kind, i.number, to_char(i.issue_date, 'YYYY-MM-DD') AS issue_date, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
              i.startup_id, ${CUSTOMER_NAME} AS customer_name, i.customer->>'siren' AS customer_siren, ci.number AS credited_invoice_number,
              i.total_excl_vat_cents::text, i.vat_cents::text, i.total_incl_vat_cents::text, amounts.paid_cents, amounts.credited_cents
       FROM invoices i ${invoiceAmountsJoin('i')}
       LEFT JOIN invoices ci ON ci.organisation_id = i.organisation_id AND ci.id = i.credited_invoice_id
       WHERE i.organisation_id = $1 AND i.status = 'issued' AND i.issue_date BETWEEN $2::date AND $3::date
       ORDER BY i.issue_date, i.number`,
      [organisationId, from, to],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      number: row.number,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      startupId: row.startup_id,
      customerName: row.customer_name,
      customerSiren: row.customer_siren,
      creditedInvoiceNumber: row.credited_invoice_number,
      totalExclVatCents: Number(row.total_excl_vat_cents),
      vatCents: Number(row.vat_cents),
      totalInclVatCents: Number(row.total_incl_vat_cents),
      paidCents: Number(row.paid_cents),
      creditedCents: Number(row.credited_cents),
    }));
  }

  /** The payments received between `from` and `to` (inclusive), by date. */
  async payments(organisationId: string, from: string, to: string, db: Queryable = this.dataSource): Promise<PaymentLine[]> {
    const rows = await db.query<PaymentLineRow[]>(
      `SELECT p.id, to_char(p.received_on, 'YYYY-MM-DD') AS received_on, p.kind, p.amount_cents::text, p.reference, p.bank_entry_reference,
              i.number AS invoice_number, i.startup_id, ${CUSTOMER_NAME} AS customer_name
       FROM payments p JOIN invoices i ON i.organisation_id = p.organisation_id AND i.id = p.invoice_id
       WHERE p.organisation_id = $1 AND p.received_on BETWEEN $2::date AND $3::date
       ORDER BY p.received_on, i.number, p.created_at, p.id`,
      [organisationId, from, to],
    );
    return rows.map((row) => ({
      id: row.id,
      receivedOn: row.received_on,
      kind: row.kind,
      amountCents: Number(row.amount_cents),
      reference: row.reference,
      bankEntryReference: row.bank_entry_reference,
      invoiceNumber: row.invoice_number,
      startupId: row.startup_id,
      customerName: row.customer_name,
    }));
  }

  /**
   * Per quarter from `fromMonth` to `toMonth` (first days of months): billed = invoices issued in the
   * quarter − credit notes issued in it, excluding VAT; collected = payments received in it; overdue =
   * what was left, at the quarter's end, of the invoices due before it (payments and credit notes until then).
   */
  async quarters(organisationId: string, fromMonth: string, toMonth: string, db: Queryable = this.dataSource): Promise<BillingQuarterSummary[]> {
    const rows = await db.query<QuarterRow[]>(
      `WITH quarters AS (
         SELECT q::date AS start, (q + interval '3 months')::date AS "end", to_char(q, 'YYYY') || '-Q' || to_char(q, 'Q') AS quarter
         FROM generate_series(date_trunc('quarter', $2::date), date_trunc('quarter', $3::date), interval '3 months') q)
       SELECT q.quarter,
              (SELECT coalesce(sum(CASE WHEN i.kind = 'invoice' THEN i.total_excl_vat_cents ELSE -i.total_excl_vat_cents END), 0)
                 FROM invoices i WHERE i.organisation_id = $1 AND i.status = 'issued' AND i.issue_date >= q.start AND i.issue_date < q."end")::text AS billed_cents,
              (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
                 WHERE p.organisation_id = $1 AND p.received_on >= q.start AND p.received_on < q."end")::text AS collected_cents,
              (SELECT coalesce(sum(greatest(0, i.total_incl_vat_cents
                   - (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.organisation_id = $1 AND p.invoice_id = i.id AND p.received_on < q."end")
                   - (SELECT coalesce(sum(c.total_incl_vat_cents), 0) FROM invoices c
                       WHERE c.organisation_id = $1 AND c.credited_invoice_id = i.id AND c.status = 'issued' AND c.issue_date < q."end"))), 0)
                 FROM invoices i WHERE i.organisation_id = $1 AND i.status = 'issued' AND i.kind = 'invoice' AND i.due_date < q."end")::text AS overdue_cents
       FROM quarters q ORDER BY q.start`,
      [organisationId, fromMonth, toMonth],
    );
    return rows.map((row) => ({ quarter: row.quarter, billedCents: Number(row.billed_cents), collectedCents: Number(row.collected_cents), overdueCents: Number(row.overdue_cents) }));
  }
}
