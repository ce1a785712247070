import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { Locale } from '@incubator/contracts';
import { invoiceAmountsJoin } from './payment.repository';

/** An issued invoice past its due date with a balance, its customer's recipients and the reminder levels already sent. */
export interface OverdueInvoice {
  invoiceId: string;
  number: string;
  dueDate: string;
  balanceCents: number;
  customerName: string;
  recipients: string[];
  locale: Locale;
  sentLevels: number[];
}

interface OverdueInvoiceRow {
  invoice_id: string;
  number: string;
  due_date: string;
  balance_cents: string;
  customer_name: string;
  recipients: string[] | null;
  locale: Locale;
  sent_levels: number[];
}

/** Every statement on `invoice_reminders`, and the overdue invoices they are about. */
@Injectable()
export class OverdueReminderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's issued invoices due before `today` that still have a balance, oldest due first. */
  async overdue(organisationId: string, today: string, db: Queryable = this.dataSource): Promise<OverdueInvoice[]> {
    const rows = await db.query<OverdueInvoiceRow[]>(
      `SELECT i.id AS invoice_id, i.number, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
              (i.total_incl_vat_cents - amounts.paid_cents::bigint - amounts.credited_cents::bigint)::text AS balance_cents,
              coalesce(c.legal_name, i.customer->>'name', '') AS customer_name, c.recipients, coalesce(c.locale, i.locale) AS locale,
              coalesce((SELECT array_agg(r.level ORDER BY r.level) FROM invoice_reminders r WHERE r.invoice_id = i.id), '{}') AS sent_levels
       FROM invoices i ${invoiceAmountsJoin('i')}
       LEFT JOIN billing_customers c ON c.organisation_id = i.organisation_id AND c.startup_id = i.startup_id
       WHERE i.organisation_id = $1 AND i.status = 'issued' AND i.kind = 'invoice' AND i.due_date < $2::date
         AND i.total_incl_vat_cents - amounts.paid_cents::bigint - amounts.credited_cents::bigint > 0
       ORDER BY i.due_date, i.number`,
      [organisationId, today],
    );
    return rows.map((row) => ({
      invoiceId: row.invoice_id,
      number: row.number,
      dueDate: row.due_date,
      balanceCents: Number(row.balance_cents),
      customerName: row.customer_name,
      recipients: row.recipients ?? [],
      locale: row.locale,
      sentLevels: row.sent_levels.map(Number),
    }));
  }

  /** Remembers a reminder; false when this level of this invoice was already recorded (nothing to send). */
  async record(organisationId: string, invoiceId: string, level: number, recipients: string[], db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ level: number }>>(
      `INSERT INTO invoice_reminders (organisation_id, invoice_id, level, recipients) VALUES ($1, $2, $3, $4)
       ON CONFLICT (invoice_id, level) DO NOTHING RETURNING level`,
      [organisationId, invoiceId, level, recipients],
    );
    return rows.length > 0;
  }

  /** How many reminders of an invoice were recorded (for tests and the client). */
  async levels(organisationId: string, invoiceId: string, db: Queryable = this.dataSource): Promise<number[]> {
    const rows = await db.query<Array<{ level: number }>>('SELECT level FROM invoice_reminders WHERE organisation_id = $1 AND invoice_id = $2 ORDER BY level', [
      organisationId,
      invoiceId,
    ]);
    return rows.map((row) => row.level);
  }
}
