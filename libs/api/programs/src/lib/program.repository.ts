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
}

interface IdRow {
  id: string;
}

/** Every statement on `programs` (and the site check a new program needs). */
@Injectable()
export class ProgramRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, siteId: string | null, db: Queryable = this.dataSource): Promise<ProgramResponse[]> {
    const rows = await db.query<ProgramRow[]>(
      `SELECT p.*, s.name AS site_name, (SELECT count(*)::int FROM cohorts c WHERE c.program_id = p.id) AS cohort_count
       FROM programs p JOIN sites s ON s.id = p.site_id
       WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.site_id = $2)
       ORDER BY s.name, p.kind, lower(p.name)`,
      [organisationId, siteId],
    );
    return rows.map(toProgram);
  }

  async exists(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ exists: 1 }>>('SELECT 1 FROM programs WHERE id = $1 AND organisation_id = $2', [id, organisationId]);
    return rows.length > 0;
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
  };
}
