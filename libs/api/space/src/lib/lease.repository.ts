import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EXCLUSION_VIOLATION, pgCode, type Queryable } from '@incubator/api/sql';
import type { LeaseResponse, LeaseTerminationReason, ProgramKind } from '@incubator/contracts';
import { MODULE_AREA_M2 } from './allocation/grid';

const LEASE_SELECT = `
  SELECT l.*, s.legal_name AS startup_name,
         array(SELECT lm.module_id FROM lease_modules lm JOIN modules m ON m.id = lm.module_id
               WHERE lm.lease_id = l.id ORDER BY m."row", m.col) AS module_ids
  FROM leases l JOIN startups s ON s.id = l.startup_id`;

interface LeaseRow {
  id: string;
  organisation_id: string;
  startup_id: string;
  startup_name: string;
  floor_id: string;
  program_kind: ProgramKind;
  starts_on: string;
  ends_on: string | null;
  monthly_price_per_m2_cents: number;
  previous_lease_id: string | null;
  created_at: Date;
  module_ids: string[];
  terminated_at: Date | null;
  termination_reason: LeaseTerminationReason | null;
  termination_note: string | null;
}

interface HolderRow {
  id: string;
  legal_name: string;
  starts_on: string;
  ends_on: string | null;
}

/** A lease holding a module, as a conflict names it. */
export interface LeaseHolder {
  leaseId: string;
  startupName: string;
  startsOn: string;
  endsOn: string | null;
}

/** A lease version to write: dates half-open [startsOn, endsOn), endsOn null = open-ended. */
export interface NewLease {
  startupId: string;
  floorId: string;
  programKind: ProgramKind;
  startsOn: string;
  endsOn: string | null;
  monthlyPricePerM2Cents: number;
}

/** A lease as stored: its price is always there (only a board member's view hides it). */
export type StoredLease = LeaseResponse & { monthlyPricePerM2Cents: number; monthlyRentCents: number };

export type AttachOutcome = { attached: true } | { attached: false; holder: LeaseHolder | undefined };

/** Every statement on leases and their modules (lease_modules); the price lists are PriceListRepository's. */
@Injectable()
export class LeaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's leases, of one startup or all, by start. */
  async list(organisationId: string, startupId: string | null, db: Queryable = this.dataSource): Promise<StoredLease[]> {
    const rows = await db.query<LeaseRow[]>(`${LEASE_SELECT} WHERE l.organisation_id = $1 AND ($2::uuid IS NULL OR l.startup_id = $2) ORDER BY l.starts_on, l.created_at`, [
      organisationId,
      startupId,
    ]);
    return rows.map(toLease);
  }

  async get(organisationId: string, leaseId: string, db: Queryable = this.dataSource): Promise<StoredLease | undefined> {
    const [row] = await db.query<LeaseRow[]>(`${LEASE_SELECT} WHERE l.id = $1 AND l.organisation_id = $2`, [leaseId, organisationId]);
    return row && toLease(row);
  }

  /** The lease, its row locked for the transaction (a resize writes its successor). */
  async getForUpdate(db: Queryable, organisationId: string, leaseId: string): Promise<StoredLease | undefined> {
    const [row] = await db.query<LeaseRow[]>(`${LEASE_SELECT} WHERE l.id = $1 AND l.organisation_id = $2 FOR UPDATE OF l`, [leaseId, organisationId]);
    return row && toLease(row);
  }

  async hasSuccessor(db: Queryable, leaseId: string): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM leases WHERE previous_lease_id = $1', [leaseId]);
    return rows.length > 0;
  }

  async insert(db: Queryable, organisationId: string, lease: NewLease): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO leases (organisation_id, startup_id, floor_id, program_kind, starts_on, ends_on, monthly_price_per_m2_cents)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [organisationId, lease.startupId, lease.floorId, lease.programKind, lease.startsOn, lease.endsOn, lease.monthlyPricePerM2Cents],
    );
    return row.id;
  }

  /** A new version of `previousLeaseId` (a resize). */
  async insertVersion(db: Queryable, organisationId: string, lease: NewLease, previousLeaseId: string): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO leases (organisation_id, startup_id, floor_id, program_kind, starts_on, ends_on, monthly_price_per_m2_cents, previous_lease_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [organisationId, lease.startupId, lease.floorId, lease.programKind, lease.startsOn, lease.endsOn, lease.monthlyPricePerM2Cents, previousLeaseId],
    );
    return row.id;
  }

  /** Ends the lease and its modules' periods on `endsOn` (exclusive). */
  async end(db: Queryable, leaseId: string, endsOn: string): Promise<void> {
    await db.query('UPDATE leases SET ends_on = $2 WHERE id = $1', [leaseId, endsOn]);
    await db.query(`UPDATE lease_modules SET period = daterange(lower(period), $2::date, '[)') WHERE lease_id = $1`, [leaseId, endsOn]);
  }

  /** Records why and when the lease was terminated (its end is written by `end`). */
  async markTerminated(db: Queryable, leaseId: string, reason: LeaseTerminationReason, note: string | null): Promise<void> {
    await db.query('UPDATE leases SET terminated_at = now(), termination_reason = $2, termination_note = $3 WHERE id = $1', [leaseId, reason, note]);
  }

  /**
   * Attaches the modules to the lease for [startsOn, endsOn). The exclusion constraint refuses any
   * overlap with another lease: the statement is then rolled back to a savepoint (the transaction stays
   * usable) and the lease in the way is read back (undefined if it could not be).
   */
  async attachModules(db: Queryable, leaseId: string, moduleIds: string[], startsOn: string, endsOn: string | null): Promise<AttachOutcome> {
    await db.query('SAVEPOINT attach_modules');
    try {
      await db.query(`INSERT INTO lease_modules (lease_id, module_id, period) SELECT $1, unnest($2::uuid[]), daterange($3::date, $4::date, '[)')`, [
        leaseId,
        moduleIds,
        startsOn,
        endsOn,
      ]);
      return { attached: true };
    } catch (error) {
      if (pgCode(error) !== EXCLUSION_VIOLATION) throw error;
      await db.query('ROLLBACK TO SAVEPOINT attach_modules');
      const [conflict] = await db.query<HolderRow[]>(
        `SELECT l.id, s.legal_name, l.starts_on, l.ends_on FROM lease_modules lm JOIN leases l ON l.id = lm.lease_id JOIN startups s ON s.id = l.startup_id
         WHERE lm.module_id = ANY($1::uuid[]) AND lm.period && daterange($2::date, $3::date, '[)') AND lm.lease_id <> $4 LIMIT 1`,
        [moduleIds, startsOn, endsOn, leaseId],
      );
      return { attached: false, holder: conflict && toHolder(conflict) };
    }
  }

  /** A lease holding the module today or later; undefined when none does. */
  async holderFromToday(db: Queryable, moduleId: string): Promise<Pick<LeaseHolder, 'leaseId' | 'startupName'> | undefined> {
    const [row] = await db.query<Array<Pick<HolderRow, 'id' | 'legal_name'>>>(
      `SELECT l.id, s.legal_name FROM lease_modules lm JOIN leases l ON l.id = lm.lease_id JOIN startups s ON s.id = l.startup_id
       WHERE lm.module_id = $1 AND (upper(lm.period) IS NULL OR upper(lm.period) > current_date) LIMIT 1`,
      [moduleId],
    );
    return row && { leaseId: row.id, startupName: row.legal_name };
  }
}

function toLease(row: LeaseRow): StoredLease {
  const areaM2 = row.module_ids.length * MODULE_AREA_M2;
  return {
    id: row.id,
    startupId: row.startup_id,
    startupName: row.startup_name,
    floorId: row.floor_id,
    moduleIds: row.module_ids,
    startsOn: row.starts_on,
    endsOn: row.ends_on ?? null,
    programKind: row.program_kind,
    areaM2,
    monthlyPricePerM2Cents: row.monthly_price_per_m2_cents,
    monthlyRentCents: areaM2 * row.monthly_price_per_m2_cents,
    previousLeaseId: row.previous_lease_id ?? null,
    termination:
      row.terminated_at && row.termination_reason
        ? { terminatedAt: row.terminated_at.toISOString(), reason: row.termination_reason, note: row.termination_note ?? null }
        : null,
  };
}

function toHolder(row: HolderRow): LeaseHolder {
  return { leaseId: row.id, startupName: row.legal_name, startsOn: row.starts_on, endsOn: row.ends_on };
}
