import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EnrollmentHistoryEntry, EnrollmentResponse, EnrollmentStatus } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** The history names who moved the enrollment: a read of identity's users, kept in this one statement for the join. */
const SELECT = `
  SELECT e.*, c.name AS cohort_name, p.name AS program_name, s.legal_name AS startup_name,
         coalesce((SELECT json_agg(json_build_object('from', ev.from_status, 'to', ev.to_status, 'at', ev.created_at,
                                                     'by', u.display_name, 'note', ev.note) ORDER BY ev.created_at, ev.id)
                   FROM enrollment_events ev LEFT JOIN users u ON u.id = ev.changed_by WHERE ev.enrollment_id = e.id), '[]') AS history
  FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id JOIN startups s ON s.id = e.startup_id`;

interface EnrollmentRow {
  id: string;
  organisation_id: string;
  cohort_id: string;
  cohort_name: string;
  program_name: string;
  startup_id: string;
  startup_name: string;
  status: EnrollmentStatus;
  /** json_agg: `at` is the timestamp as JSON text, without the driver's Date parsing. */
  history: Array<Omit<EnrollmentHistoryEntry, 'at'> & { at: string }>;
}

interface EnrollmentStateRow {
  cohort_id: string;
  status: EnrollmentStatus;
}

interface CohortSeatsRow {
  name: string;
  capacity: number;
}

interface SeatedRow {
  seated: number;
}

interface IdRow {
  id: string;
}

/** The enrollment's cohort and status. */
export interface EnrollmentState {
  cohortId: string;
  status: EnrollmentStatus;
}

/** Every statement on `enrollments` and `enrollment_events`. */
@Injectable()
export class EnrollmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, filter: { cohortId: string | null; startupId: string | null }, db: Queryable = this.dataSource): Promise<EnrollmentResponse[]> {
    const rows = await db.query<EnrollmentRow[]>(
      `${SELECT} WHERE e.organisation_id = $1 AND ($2::uuid IS NULL OR e.cohort_id = $2) AND ($3::uuid IS NULL OR e.startup_id = $3)
       ORDER BY e.created_at DESC`,
      [organisationId, filter.cohortId, filter.startupId],
    );
    return rows.map(toEnrollment);
  }

  async find(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<EnrollmentResponse | null> {
    const [row] = await db.query<EnrollmentRow[]>(`${SELECT} WHERE e.id = $1 AND e.organisation_id = $2`, [id, organisationId]);
    return row ? toEnrollment(row) : null;
  }

  /** Whether the organisation has this cohort (to enroll a startup in it). */
  async cohortExists(organisationId: string, cohortId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ exists: 1 }>>('SELECT 1 FROM cohorts WHERE id = $1 AND organisation_id = $2', [cohortId, organisationId]);
    return rows.length > 0;
  }

  /** Whether the cohort (or its program) is archived: it then takes no new application. */
  async cohortArchived(organisationId: string, cohortId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ exists: 1 }>>(
      `SELECT 1 FROM cohorts c JOIN programs p ON p.id = c.program_id
       WHERE c.id = $1 AND c.organisation_id = $2 AND (c.archived_at IS NOT NULL OR p.archived_at IS NOT NULL)`,
      [cohortId, organisationId],
    );
    return rows.length > 0;
  }

  async insert(db: Queryable, organisationId: string, cohortId: string, startupId: string): Promise<string> {
    const [row] = await db.query<IdRow[]>(`INSERT INTO enrollments (organisation_id, cohort_id, startup_id, status) VALUES ($1, $2, $3, 'applied') RETURNING id`, [
      organisationId,
      cohortId,
      startupId,
    ]);
    return row.id;
  }

  /** The enrollment's cohort, read before its cohort is locked. */
  async cohortOf(db: Queryable, organisationId: string, id: string): Promise<string | null> {
    const [row] = await db.query<EnrollmentStateRow[]>('SELECT * FROM enrollments WHERE id = $1 AND organisation_id = $2', [id, organisationId]);
    return row?.cohort_id ?? null;
  }

  /**
   * Locks the cohort's row — the lock that serialises seat-taking moves in this cohort — and returns
   * its name and capacity.
   */
  async lockCohort(db: Queryable, cohortId: string): Promise<{ name: string; capacity: number }> {
    const [row] = await db.query<CohortSeatsRow[]>('SELECT name, capacity FROM cohorts WHERE id = $1 FOR UPDATE', [cohortId]);
    return { name: row.name, capacity: row.capacity };
  }

  /** The status, read again under the cohort's lock. */
  async status(db: Queryable, id: string): Promise<EnrollmentStatus> {
    const [row] = await db.query<Array<Pick<EnrollmentStateRow, 'status'>>>('SELECT status FROM enrollments WHERE id = $1', [id]);
    return row.status;
  }

  async seated(db: Queryable, cohortId: string): Promise<number> {
    const [{ seated }] = await db.query<SeatedRow[]>(
      `SELECT count(*)::int AS seated FROM enrollments WHERE cohort_id = $1 AND status IN ('admitted', 'active', 'graduated')`,
      [cohortId],
    );
    return seated;
  }

  async setStatus(db: Queryable, id: string, status: EnrollmentStatus): Promise<void> {
    await db.query('UPDATE enrollments SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }

  async addEvent(db: Queryable, event: { enrollmentId: string; from: EnrollmentStatus | null; to: EnrollmentStatus; changedBy: string; note: string | null }): Promise<void> {
    await db.query('INSERT INTO enrollment_events (enrollment_id, from_status, to_status, changed_by, note) VALUES ($1, $2, $3, $4, $5)', [
      event.enrollmentId,
      event.from,
      event.to,
      event.changedBy,
      event.note,
    ]);
  }
}

function toEnrollment(row: EnrollmentRow): EnrollmentResponse {
  return {
    id: row.id,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    programName: row.program_name,
    startupId: row.startup_id,
    startupName: row.startup_name,
    status: row.status,
    history: row.history.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
  };
}
