import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CohortBoardResponse, CohortResponse, CreateCohortRequest, EnrollmentStatus, ProgramKind } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

const SELECT = `
  SELECT c.*, p.name AS program_name, p.kind AS program_kind,
         (SELECT count(*)::int FROM enrollments e WHERE e.cohort_id = c.id AND e.status IN ('admitted', 'active', 'graduated')) AS seated
  FROM cohorts c JOIN programs p ON p.id = c.program_id`;

interface CohortRow {
  id: string;
  organisation_id: string;
  program_id: string;
  program_name: string;
  program_kind: ProgramKind;
  name: string;
  /** DATE columns come back as 'YYYY-MM-DD' strings. */
  starts_on: string;
  ends_on: string;
  capacity: number;
  seated: number;
  archived_at: Date | null;
}

/** One seated startup of the cohort board: its milestones counted by status. */
interface BoardRow {
  id: string;
  legal_name: string;
  enrollment_status: EnrollmentStatus;
  planned: number;
  in_progress: number;
  achieved: number;
  missed: number;
  overdue: number;
}

interface IdRow {
  id: string;
}

export type CohortChange = Pick<CohortResponse, 'name' | 'startsOn' | 'endsOn' | 'capacity'>;

/** Every statement on `cohorts`, and the cohort board's read of its startups and their milestones. */
@Injectable()
export class CohortRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Cohorts, newest first; archived ones (or those of an archived program) only when `includeArchived`. */
  async list(organisationId: string, programId: string | null, includeArchived = false, db: Queryable = this.dataSource): Promise<CohortResponse[]> {
    const rows = await db.query<CohortRow[]>(
      `${SELECT} WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.program_id = $2)
         AND ($3::boolean OR (c.archived_at IS NULL AND p.archived_at IS NULL))
       ORDER BY c.starts_on DESC, lower(c.name)`,
      [organisationId, programId, includeArchived],
    );
    return rows.map(toCohort);
  }

  async find(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<CohortResponse | null> {
    const [row] = await db.query<CohortRow[]>(`${SELECT} WHERE c.id = $1 AND c.organisation_id = $2`, [id, organisationId]);
    return row ? toCohort(row) : null;
  }

  async insert(db: Queryable, organisationId: string, request: CreateCohortRequest): Promise<string> {
    const [row] = await db.query<IdRow[]>(
      `INSERT INTO cohorts (organisation_id, program_id, name, starts_on, ends_on, capacity) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [organisationId, request.programId, request.name, request.startsOn, request.endsOn, request.capacity],
    );
    return row.id;
  }

  /** Takes the cohort's row lock until the end of the transaction (edits and seat-taking moves queue behind it). */
  async lock(db: Queryable, organisationId: string, id: string): Promise<void> {
    await db.query('SELECT id FROM cohorts WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, organisationId]);
  }

  async update(db: Queryable, id: string, next: CohortChange): Promise<void> {
    await db.query('UPDATE cohorts SET name = $2, starts_on = $3, ends_on = $4, capacity = $5, updated_at = now() WHERE id = $1', [
      id,
      next.name,
      next.startsOn,
      next.endsOn,
      next.capacity,
    ]);
  }

  /** Archives (or restores, with `archived` false) a cohort; its enrollments and milestones stay. */
  async setArchived(db: Queryable, id: string, archived: boolean): Promise<void> {
    await db.query('UPDATE cohorts SET archived_at = CASE WHEN $2::boolean THEN now() END, updated_at = now() WHERE id = $1', [id, archived]);
  }

  /** Each seated startup's milestones by status, and how many are overdue (in the organisation's time zone). */
  async board(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<CohortBoardResponse['startups']> {
    const rows = await db.query<BoardRow[]>(
      `SELECT s.id, s.legal_name, e.status AS enrollment_status,
              count(m.id) FILTER (WHERE m.status = 'planned')::int AS planned,
              count(m.id) FILTER (WHERE m.status = 'in_progress')::int AS in_progress,
              count(m.id) FILTER (WHERE m.status = 'achieved')::int AS achieved,
              count(m.id) FILTER (WHERE m.status = 'missed')::int AS missed,
              count(m.id) FILTER (WHERE m.status IN ('planned', 'in_progress')
                                 AND m.due_on < (now() AT TIME ZONE o.time_zone)::date)::int AS overdue
       FROM enrollments e
       JOIN startups s ON s.id = e.startup_id
       JOIN organisations o ON o.id = e.organisation_id
       LEFT JOIN milestones m ON m.startup_id = s.id
       WHERE e.cohort_id = $1 AND e.organisation_id = $2 AND e.status IN ('admitted', 'active', 'graduated')
       GROUP BY s.id, s.legal_name, e.status ORDER BY lower(s.legal_name)`,
      [id, organisationId],
    );
    return rows.map(toBoardStartup);
  }
}

function toCohort(row: CohortRow): CohortResponse {
  return {
    id: row.id,
    programId: row.program_id,
    programName: row.program_name,
    programKind: row.program_kind,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    capacity: row.capacity,
    seated: row.seated,
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
  };
}

function toBoardStartup(row: BoardRow): CohortBoardResponse['startups'][number] {
  return {
    startupId: row.id,
    legalName: row.legal_name,
    enrollmentStatus: row.enrollment_status,
    milestones: { planned: row.planned, in_progress: row.in_progress, achieved: row.achieved, missed: row.missed },
    overdue: row.overdue,
  };
}
