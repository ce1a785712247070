import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Test helpers of the payments specs: issued invoices and customers written straight into the
 * database (the immutability triggers allow inserting an issued row), independent of the billing
 * run that issues them in production.
 */

/** A startup of its own in the organisation (so the specs never change another spec's customers). */
export async function insertStartup(db: DataSource, organisationId: string, legalName: string): Promise<string> {
  const [row] = await db.query(`INSERT INTO startups (organisation_id, legal_name, sector, stage) VALUES ($1, $2, 'ai', 'mvp') RETURNING id`, [organisationId, legalName]);
  return row.id;
}

export interface CustomerFixture {
  legalName: string;
  paymentMethod?: 'transfer' | 'direct_debit';
  locale?: 'fr' | 'en';
  recipients?: string[];
  /** A SEPA mandate (active) when paying by direct debit. */
  mandate?: { reference: string; signedOn: string; iban: string; bic?: string | null };
}

export async function upsertCustomer(db: DataSource, organisationId: string, startupId: string, customer: CustomerFixture): Promise<void> {
  await db.query(
    `INSERT INTO billing_customers (organisation_id, startup_id, legal_name, address_line1, postcode, city, recipients, payment_method, locale)
     VALUES ($1, $2, $3, '1 rue de la Paix', '59000', 'Lille', $4, $5, $6)
     ON CONFLICT (organisation_id, startup_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, recipients = EXCLUDED.recipients,
       payment_method = EXCLUDED.payment_method, locale = EXCLUDED.locale`,
    [organisationId, startupId, customer.legalName, customer.recipients ?? [], customer.paymentMethod ?? 'transfer', customer.locale ?? 'fr'],
  );
  if (customer.mandate) {
    await db.query(`INSERT INTO sepa_mandates (organisation_id, startup_id, reference, signed_on, iban, bic) VALUES ($1, $2, $3, $4, $5, $6)`, [
      organisationId,
      startupId,
      customer.mandate.reference,
      customer.mandate.signedOn,
      customer.mandate.iban,
      customer.mandate.bic ?? null,
    ]);
  }
}

export interface InvoiceFixture {
  startupId: string;
  number: string | null;
  customerName: string;
  totalExclVatCents: number;
  vatCents: number;
  issueDate: string;
  dueDate: string;
  kind?: 'invoice' | 'credit_note';
  status?: 'issued' | 'draft';
  creditedInvoiceId?: string;
  paymentMethod?: 'transfer' | 'direct_debit';
  mandateReference?: string | null;
}

/** An invoice (issued by default) with one line, written directly; returns its id. */
export async function insertInvoice(db: DataSource, organisationId: string, invoice: InvoiceFixture): Promise<string> {
  const status = invoice.status ?? 'issued';
  const issued = status === 'issued';
  const [row] = await db.query(
    `INSERT INTO invoices (organisation_id, kind, status, number, startup_id, credited_invoice_id, credit_reason, issue_date, due_date, payment_method, mandate_reference,
                           seller, customer, total_excl_vat_cents, vat_cents, total_incl_vat_cents, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [
      organisationId,
      invoice.kind ?? 'invoice',
      status,
      issued ? invoice.number : null,
      invoice.startupId,
      invoice.creditedInvoiceId ?? null,
      invoice.kind === 'credit_note' ? 'Geste commercial' : null,
      issued ? invoice.issueDate : null,
      invoice.dueDate,
      invoice.paymentMethod ?? 'transfer',
      invoice.mandateReference ?? null,
      issued ? JSON.stringify({ name: 'Technopole Demo' }) : null,
      JSON.stringify({ name: invoice.customerName, siren: null }),
      invoice.totalExclVatCents,
      invoice.vatCents,
      invoice.totalExclVatCents + invoice.vatCents,
      issued ? new Date().toISOString() : null,
    ],
  );
  return row.id;
}

/** A prefix no other run uses, for invoice numbers `{prefix}-{year}-{sequence:05}`. */
export const freshPrefix = (): string => `T${randomUUID().replace(/[^0-9a-f]/g, '').slice(0, 6).toUpperCase().replace(/[0-9]/g, (d) => 'GHIJKLMNOP'[Number(d)])}`;
