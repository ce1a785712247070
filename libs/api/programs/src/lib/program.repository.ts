import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateProgramRequest, ProgramKind, ProgramResponse } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

interface ProgramRow {
  id: string;
  organisation_id: string;
  site_id: string;
  site_name: string;
  kind: ProgramKind;
  name: string;
  description: string | null;
  cohort_count: number;
  archived_at: Date | null;
}

interface IdRow {
  id: string;
}

interface ArchivedRow {
  archived: boolean;
}

/** The editable fields of a program, as written. */
export type ProgramChange = Pick<ProgramResponse, 'name' | 'description'>;

const SELECT = `
  SELECT p.*, s.name AS site_name,
         (SELECT count(*)::int FROM cohorts c WHERE c.program_id = p.id AND c.archived_at IS NULL) AS cohort_count
  FROM programs p JOIN sites s ON s.id = p.site_id`;

/** Every statement on `programs` (and the site check a new program needs). */
@Injectable()
export class ProgramRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's programs; archived ones only when `includeArchived` (their cohorts are counted unless archived). */
  async list(organisationId: string, siteId: string | null, includeArchived = false, db: Queryable = this.dataSource): Promise<ProgramResponse[]> {
    const rows = await db.query<ProgramRow[]>(
      `${SELECT} WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.site_id = $2) AND ($3::boolean OR p.archived_at IS NULL)
       ORDER BY s.name, p.kind, lower(p.name)`,
      [organisationId, siteId, includeArchived],
    );
    return rows.map(toProgram);
  }

  async find(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<ProgramResponse | null> {
    const [row] = await db.query<ProgramRow[]>(`${SELECT} WHERE p.id = $1 AND p.organisation_id = $2`, [id, organisationId]);
    return row ? toProgram(row) : null;
  }

  /** Takes the program's row lock until the end of the transaction (edits, archiving and new cohorts queue behind it). */
  async lock(db: Queryable, organisationId: string, id: string): Promise<void> {
    await db.query('SELECT id FROM programs WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, organisationId]);
  }

  async update(db: Queryable, id: string, next: ProgramChange): Promise<void> {
    await db.query('UPDATE programs SET name = $2, description = $3, updated_at = now() WHERE id = $1', [id, next.name, next.description]);
  }

  /** Archives (or restores, with `archived` false) a program; its cohorts and their history stay. */
  async setArchived(db: Queryable, id: string, archived: boolean): Promise<void> {
    await db.query('UPDATE programs SET archived_at = CASE WHEN $2::boolean THEN now() END, updated_at = now() WHERE id = $1', [id, archived]);
  }

  async exists(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ exists: 1 }>>('SELECT 1 FROM programs WHERE id = $1 AND organisation_id = $2', [id, organisationId]);
    return rows.length > 0;
  }

  /** Whether the program is archived; null when the organisation has no such program. */
  async archived(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<boolean | null> {
    const [row] = await db.query<ArchivedRow[]>('SELECT archived_at IS NOT NULL AS archived FROM programs WHERE id = $1 AND organisation_id = $2', [id, organisationId]);
    return row ? row.archived : null;
  }

  /** Whether the organisation has this site (sites belong to organisations; programs only check them). */
  async siteExists(organisationId: string, siteId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ exists: 1 }>>('SELECT 1 FROM sites WHERE id = $1 AND organisation_id = $2', [siteId, organisationId]);
    return rows.length > 0;
  }

  async insert(db: Queryable, organisationId: string, request: CreateProgramRequest): Promise<string> {
    const [row] = await db.query<IdRow[]>(`INSERT INTO programs (organisation_id, site_id, kind, name, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      organisationId,
      request.siteId,
      request.kind,
      request.name,
      request.description ?? null,
    ]);
    return row.id;
  }
}

function toProgram(row: ProgramRow): ProgramResponse {
  return {
    id: row.id,
    siteId: row.site_id,
    siteName: row.site_name,
    kind: row.kind,
    name: row.name,
    description: row.description,
    cohortCount: row.cohort_count,
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
  };
}
