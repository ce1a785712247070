import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { BillingRun, BillingRunStatus } from '@incubator/contracts';

interface RunRow {
  id: string;
  month: string;
  status: BillingRunStatus;
  progress: number;
  total: number;
  error: string | null;
  requested_by: string | null;
  created_at: Date;
  updated_at: Date;
  draft_count: number;
  issued_count: number;
  total_excl_vat_cents: string;
  total_incl_vat_cents: string;
}

interface LeaseFactRow {
  id: string;
  starts_on: string;
  ends_on: string | null;
  has_successor: boolean;
  chain: string[];
  site_name: string;
  site_address: string | null;
  site_city: string;
}

export type StoredRun = BillingRun & { requestedBy: string | null };

/** What a billing run needs to know of a lease besides the rent roll: its dates, its successor, its site. */
export interface LeaseFacts {
  leaseId: string;
  startsOn: string;
  endsOn: string | null;
  /** A resize wrote a next version: the tenancy goes on. */
  hasSuccessor: boolean;
  /** This version and every earlier one (deposits may hang on any). */
  chain: string[];
  siteName: string;
  siteAddress: string | null;
  siteCity: string;
}

const RUN_SELECT = `
  SELECT r.id, to_char(r.month, 'YYYY-MM') AS month, r.status, r.progress, r.total, r.error, r.requested_by, r.created_at, r.updated_at,
         count(i.id) FILTER (WHERE i.status = 'draft')::int AS draft_count,
         count(i.id) FILTER (WHERE i.status = 'issued')::int AS issued_count,
         COALESCE(sum(i.total_excl_vat_cents) FILTER (WHERE i.status <> 'cancelled'), 0) AS total_excl_vat_cents,
         COALESCE(sum(i.total_incl_vat_cents) FILTER (WHERE i.status <> 'cancelled'), 0) AS total_incl_vat_cents
  FROM billing_runs r LEFT JOIN invoices i ON i.organisation_id = r.organisation_id AND i.run_id = r.id`;

/** billing_runs (one per organisation and month), and the lease facts a run reads. */
@Injectable()
export class RunRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, db: Queryable = this.dataSource): Promise<StoredRun[]> {
    const rows = await db.query<RunRow[]>(`${RUN_SELECT} WHERE r.organisation_id = $1 GROUP BY r.id ORDER BY r.month DESC LIMIT 120`, [organisationId]);
    return rows.map(toRun);
  }

  async get(organisationId: string, runId: string, db: Queryable = this.dataSource): Promise<StoredRun | undefined> {
    const [row] = await db.query<RunRow[]>(`${RUN_SELECT} WHERE r.organisation_id = $1 AND r.id = $2 GROUP BY r.id`, [organisationId, runId]);
    return row && toRun(row);
  }

  async idOfMonth(organisationId: string, month: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    const [row] = await db.query<Array<{ id: string }>>('SELECT id FROM billing_runs WHERE organisation_id = $1 AND month = $2', [organisationId, `${month}-01`]);
    return row?.id;
  }

  /** A run for the month, unless there is one (uq_billing_runs_month): undefined then. */
  async insert(db: Queryable, organisationId: string, month: string, requestedBy: string | null): Promise<string | undefined> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO billing_runs (organisation_id, month, requested_by) VALUES ($1, $2, $3) ON CONFLICT (organisation_id, month) DO NOTHING RETURNING id`,
      [organisationId, `${month}-01`, requestedBy],
    );
    return row?.id;
  }

  /** Moves the run from one of `from` to `to`; false when it was in another status. */
  async transition(db: Queryable, organisationId: string, runId: string, from: BillingRunStatus[], to: BillingRunStatus, error: string | null = null): Promise<boolean> {
    const rows = await db.query<Array<{ id: string }>>(
      `UPDATE billing_runs SET status = $4, error = $5, updated_at = now() WHERE organisation_id = $1 AND id = $2 AND status = ANY($3::text[]) RETURNING id`,
      [organisationId, runId, from, to, error],
    );
    return rows.length > 0;
  }

  /**
   * Progress as the invoices say (drafted: live ones; issuing: issued ones), never a worker's own count:
   * two workers on one run agree.
   */
  async setProgress(db: Queryable, organisationId: string, runId: string, counting: 'drafted' | 'issued', total: number): Promise<void> {
    await db.query(
      `UPDATE billing_runs r SET total = $4, updated_at = now(),
              progress = (SELECT count(*)::int FROM invoices i WHERE i.organisation_id = r.organisation_id AND i.run_id = r.id
                            AND CASE WHEN $3 = 'issued' THEN i.status = 'issued' ELSE i.status <> 'cancelled' END)
       WHERE r.organisation_id = $1 AND r.id = $2`,
      [organisationId, runId, counting, total],
    );
  }

  /** The lease versions' dates, successor, earlier versions and site (read-only over space's leases and sites). */
  async leaseFacts(organisationId: string, leaseIds: string[], db: Queryable = this.dataSource): Promise<LeaseFacts[]> {
    if (leaseIds.length === 0) return [];
    const rows = await db.query<LeaseFactRow[]>(
      `WITH RECURSIVE chain AS (
         SELECT l.id AS lease_id, l.id, l.previous_lease_id FROM leases l WHERE l.organisation_id = $1 AND l.id = ANY($2::uuid[])
         UNION ALL
         SELECT c.lease_id, p.id, p.previous_lease_id FROM chain c JOIN leases p ON p.id = c.previous_lease_id
       )
       SELECT l.id, l.starts_on, l.ends_on,
              EXISTS (SELECT 1 FROM leases n WHERE n.previous_lease_id = l.id) AS has_successor,
              array(SELECT c.id FROM chain c WHERE c.lease_id = l.id) AS chain,
              s.name AS site_name, s.address AS site_address, s.city AS site_city
       FROM leases l JOIN floors f ON f.id = l.floor_id JOIN buildings b ON b.id = f.building_id JOIN sites s ON s.id = b.site_id
       WHERE l.organisation_id = $1 AND l.id = ANY($2::uuid[])`,
      [organisationId, leaseIds],
    );
    return rows.map((r) => ({
      leaseId: r.id,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      hasSuccessor: r.has_successor,
      chain: r.chain,
      siteName: r.site_name,
      siteAddress: r.site_address,
      siteCity: r.site_city,
    }));
  }
}

function toRun(row: RunRow): StoredRun {
  return {
    id: row.id,
    month: row.month,
    status: row.status,
    progress: row.progress,
    total: row.total,
    draftCount: row.draft_count,
    issuedCount: row.issued_count,
    totalExclVatCents: Number(row.total_excl_vat_cents),
    totalInclVatCents: Number(row.total_incl_vat_cents),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    requestedBy: row.requested_by,
  };
}
