import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { BillingCharge, ChargeKind, VatCategory } from '@incubator/contracts';

interface ChargeRow {
  id: string;
  startup_id: string;
  startup_name: string;
  kind: ChargeKind;
  label: string;
  amount_cents: string;
  vat_rate_bp: number;
  vat_category: VatCategory;
  vat_exemption_reason: string | null;
  charged_on: string;
  lease_id: string | null;
  invoice_id: string | null;
}

export type StoredCharge = BillingCharge & { vatExemptionReason: string | null };
export type NewCharge = Omit<StoredCharge, 'id' | 'startupName' | 'invoiceId'>;

const CHARGE_SELECT = `
  SELECT c.id, c.startup_id, s.legal_name AS startup_name, c.kind, c.label, c.amount_cents, c.vat_rate_bp, c.vat_category, c.vat_exemption_reason,
         to_char(c.charged_on, 'YYYY-MM-DD') AS charged_on, c.lease_id, c.invoice_id
  FROM billing_charges c JOIN startups s ON s.id = c.startup_id`;

/** billing_charges: one-off charges, deposits and refunds, billed once by a run. */
@Injectable()
export class ChargeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, filter: { startupId?: string; pending?: boolean }, db: Queryable = this.dataSource): Promise<StoredCharge[]> {
    const rows = await db.query<ChargeRow[]>(
      `${CHARGE_SELECT} WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.startup_id = $2) AND ($3::boolean IS NULL OR (c.invoice_id IS NULL) = $3)
       ORDER BY c.charged_on DESC, c.created_at DESC LIMIT 1000`,
      [organisationId, filter.startupId ?? null, filter.pending ?? null],
    );
    return rows.map(toCharge);
  }

  async getForUpdate(db: Queryable, organisationId: string, chargeId: string): Promise<StoredCharge | undefined> {
    const [row] = await db.query<ChargeRow[]>(`${CHARGE_SELECT} WHERE c.organisation_id = $1 AND c.id = $2 FOR UPDATE OF c`, [organisationId, chargeId]);
    return row && toCharge(row);
  }

  /** The startup's unbilled charges dated before `before` (exclusive), oldest first. */
  async pending(db: Queryable, organisationId: string, startupId: string, before: string): Promise<StoredCharge[]> {
    const rows = await db.query<ChargeRow[]>(
      `${CHARGE_SELECT} WHERE c.organisation_id = $1 AND c.startup_id = $2 AND c.invoice_id IS NULL AND c.charged_on < $3 ORDER BY c.charged_on, c.created_at, c.id FOR UPDATE OF c`,
      [organisationId, startupId, before],
    );
    return rows.map(toCharge);
  }

  /** The startups with unbilled charges dated before `before`. */
  async startupsWithPending(organisationId: string, before: string, db: Queryable = this.dataSource): Promise<string[]> {
    const rows = await db.query<Array<{ startup_id: string }>>(
      'SELECT DISTINCT startup_id FROM billing_charges WHERE organisation_id = $1 AND invoice_id IS NULL AND charged_on < $2',
      [organisationId, before],
    );
    return rows.map((r) => r.startup_id);
  }

  /** Deposits held on any of the lease versions and not yet refunded (no deposit_refund charge names their lease). */
  async unrefundedDeposits(db: Queryable, organisationId: string, leaseIds: string[]): Promise<StoredCharge[]> {
    const rows = await db.query<ChargeRow[]>(
      `${CHARGE_SELECT} WHERE c.organisation_id = $1 AND c.lease_id = ANY($2::uuid[]) AND c.kind = 'deposit'
         AND NOT EXISTS (SELECT 1 FROM billing_charges r WHERE r.organisation_id = c.organisation_id AND r.lease_id = c.lease_id AND r.kind = 'deposit_refund')
       ORDER BY c.charged_on, c.id FOR UPDATE OF c`,
      [organisationId, leaseIds],
    );
    return rows.map(toCharge);
  }

  /** Whether the lease belongs to the startup, in the organisation. */
  async leaseOf(db: Queryable, organisationId: string, leaseId: string, startupId: string): Promise<boolean> {
    const rows = await db.query<Array<{ id: string }>>('SELECT id FROM leases WHERE organisation_id = $1 AND id = $2 AND startup_id = $3', [organisationId, leaseId, startupId]);
    return rows.length > 0;
  }

  async insert(db: Queryable, organisationId: string, c: NewCharge, createdBy: string | null): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO billing_charges (organisation_id, startup_id, kind, label, amount_cents, vat_rate_bp, vat_category, vat_exemption_reason, charged_on, lease_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [organisationId, c.startupId, c.kind, c.label, c.amountCents, c.vatRateBp, c.vatCategory, c.vatExemptionReason, c.chargedOn, c.leaseId, createdBy],
    );
    return row.id;
  }

  async delete(db: Queryable, organisationId: string, chargeId: string): Promise<void> {
    await db.query('DELETE FROM billing_charges WHERE organisation_id = $1 AND id = $2 AND invoice_id IS NULL', [organisationId, chargeId]);
  }

  async markBilled(db: Queryable, organisationId: string, chargeIds: string[], invoiceId: string): Promise<void> {
    if (chargeIds.length === 0) return;
    await db.query('UPDATE billing_charges SET invoice_id = $3 WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, chargeIds, invoiceId]);
  }

  /** Charges a cancelled draft had taken go back to pending. */
  async release(db: Queryable, organisationId: string, invoiceId: string): Promise<void> {
    await db.query('UPDATE billing_charges SET invoice_id = NULL WHERE organisation_id = $1 AND invoice_id = $2', [organisationId, invoiceId]);
  }
}

function toCharge(row: ChargeRow): StoredCharge {
  return {
    id: row.id,
    startupId: row.startup_id,
    startupName: row.startup_name,
    kind: row.kind,
    label: row.label,
    amountCents: Number(row.amount_cents),
    vatRateBp: row.vat_rate_bp,
    vatCategory: row.vat_category,
    vatExemptionReason: row.vat_exemption_reason,
    chargedOn: row.charged_on,
    leaseId: row.lease_id,
    invoiceId: row.invoice_id,
  };
}
