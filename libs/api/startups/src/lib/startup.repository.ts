import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '@incubator/api/identity';
import type { CreateStartupRequest, EnrollmentStatus, Sector, Stage, StartupListQuery, StartupResponse, StartupSort } from '@incubator/contracts';
import { containsPattern, Queryable, SqlFilter } from '@incubator/api/sql';

/** Who is asking, as far as startup visibility goes: a startup member sees only their own startup. */
export type StartupScope = Pick<Caller, 'organisationId' | 'startupId'>;

const ORDER: Record<StartupSort, string> = {
  name: 'lower(s.legal_name), s.id',
  '-name': 'lower(s.legal_name) DESC, s.id DESC',
  createdAt: 's.created_at, s.id',
  '-createdAt': 's.created_at DESC, s.id DESC',
  foundedOn: 's.founded_on NULLS LAST, s.id',
  '-foundedOn': 's.founded_on DESC NULLS LAST, s.id',
};

/** The startup's latest enrollment, for the list and the detail. */
const CURRENT_ENROLLMENT = `
  LEFT JOIN LATERAL (
    SELECT e.id, e.cohort_id, c.name AS cohort_name, p.name AS program_name, e.status
    FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id
    WHERE e.startup_id = s.id ORDER BY e.created_at DESC LIMIT 1
  ) ce ON true`;

/**
 * Alumni: a graduated enrollment, probed per listed startup with LIMIT 1. An EXISTS here was planned
 * as a hashed subplan reading every graduated enrollment of every organisation on each page
 * (≈ 1.5 ms of a 2.5 ms page on the benchmark's data, growing with all history).
 */
const SELECT = `
  SELECT s.*, ce.id AS enrollment_id, ce.cohort_id, ce.cohort_name, ce.program_name, ce.status AS enrollment_status,
         COALESCE((SELECT true FROM enrollments g WHERE g.startup_id = s.id AND g.status = 'graduated' LIMIT 1), false) AS alumni
  FROM startups s ${CURRENT_ENROLLMENT}`;

/** A row of SELECT: the startup's columns, its latest enrollment (all null without one) and whether it is an alumnus. */
interface StartupRow {
  id: string;
  organisation_id: string;
  legal_name: string;
  /** char(2): PostgreSQL pads it. */
  country: string;
  siren: string | null;
  sector: Sector;
  /** DATE columns come back as 'YYYY-MM-DD' strings. */
  founded_on: string | null;
  stage: Stage;
  website: string | null;
  description: string | null;
  team_size: number;
  created_at: Date;
  updated_at: Date;
  enrollment_id: string | null;
  cohort_id: string | null;
  cohort_name: string | null;
  program_name: string | null;
  enrollment_status: EnrollmentStatus | null;
  alumni: boolean;
}

interface TotalRow {
  total: number;
}

interface IdRow {
  id: string;
}

interface SirenHolderRow {
  id: string;
  legal_name: string;
}

export interface StartupPageQuery extends StartupListQuery {
  limit: number;
  offset: number;
}

/**
 * Whether the organisation has this startup. A function for the domains that check a startup inside
 * their own transaction (milestones, funding rounds) with `assertStartupVisible`.
 */
export async function startupExists(db: Queryable, organisationId: string, startupId: string): Promise<boolean> {
  const rows = await db.query<Array<{ exists: 1 }>>('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [startupId, organisationId]);
  return rows.length > 0;
}

/** Every statement on `startups` (with the startup's latest enrollment for the directory). */
@Injectable()
export class StartupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page and the count of every match. Every filter is served by an index (see the programs migration). */
  async page(scope: StartupScope, query: StartupPageQuery): Promise<{ items: StartupResponse[]; total: number }> {
    const filter = this.filter(scope, query);
    const [{ total }] = await this.dataSource.query<TotalRow[]>(`SELECT count(*)::int AS total FROM startups s WHERE ${filter.where}`, filter.params);
    const [limit, offset] = [filter.placeholder(query.limit), filter.placeholder(query.offset)];
    const rows = await this.dataSource.query<StartupRow[]>(
      `${SELECT} WHERE ${filter.where} ORDER BY ${ORDER[query.sort ?? 'name']} LIMIT ${limit} OFFSET ${offset}`,
      filter.params,
    );
    return { items: rows.map(toStartup), total };
  }

  /** Every match, up to `cap`. */
  async all(scope: StartupScope, query: StartupListQuery, cap: number): Promise<StartupResponse[]> {
    const filter = this.filter(scope, query);
    const limit = filter.placeholder(cap);
    const rows = await this.dataSource.query<StartupRow[]>(`${SELECT} WHERE ${filter.where} ORDER BY ${ORDER[query.sort ?? 'name']} LIMIT ${limit}`, filter.params);
    return rows.map(toStartup);
  }

  async find(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<StartupResponse | null> {
    const [row] = await db.query<StartupRow[]>(`${SELECT} WHERE s.id = $1 AND s.organisation_id = $2`, [id, organisationId]);
    return row ? toStartup(row) : null;
  }

  exists(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return startupExists(db, organisationId, id);
  }

  /** The organisation's startup that has this SIREN, if any (to name it when another one claims the SIREN). */
  async withSiren(organisationId: string, siren: string, db: Queryable = this.dataSource): Promise<{ id: string; legalName: string } | null> {
    const [row] = await db.query<SirenHolderRow[]>('SELECT id, legal_name FROM startups WHERE organisation_id = $1 AND siren = $2', [organisationId, siren]);
    return row ? { id: row.id, legalName: row.legal_name } : null;
  }

  /** The organisation's startups holding any of these SIRENs, by SIREN (the import names them). */
  async sirenHolders(organisationId: string, sirens: string[], db: Queryable = this.dataSource): Promise<Map<string, string>> {
    if (!sirens.length) return new Map();
    const rows = await db.query<Array<SirenHolderRow & { siren: string }>>('SELECT id, legal_name, siren FROM startups WHERE organisation_id = $1 AND siren = ANY($2::text[])', [
      organisationId,
      sirens,
    ]);
    return new Map(rows.map((row) => [row.siren, row.legal_name]));
  }

  async insert(db: Queryable, organisationId: string, request: CreateStartupRequest): Promise<string> {
    const [row] = await db.query<IdRow[]>(
      `INSERT INTO startups (organisation_id, legal_name, country, siren, sector, founded_on, stage, website, description, team_size)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        organisationId,
        request.legalName,
        request.country,
        request.siren ?? null,
        request.sector,
        request.foundedOn ?? null,
        request.stage,
        request.website ?? null,
        request.description ?? null,
        request.teamSize,
      ],
    );
    return row.id;
  }

  async update(db: Queryable, organisationId: string, id: string, next: CreateStartupRequest): Promise<void> {
    await db.query(
      `UPDATE startups SET legal_name = $3, country = $4, siren = $5, sector = $6, founded_on = $7, stage = $8,
         website = $9, description = $10, team_size = $11, updated_at = now()
       WHERE id = $1 AND organisation_id = $2`,
      [id, organisationId, next.legalName, next.country, next.siren ?? null, next.sector, next.foundedOn ?? null, next.stage, next.website ?? null, next.description ?? null, next.teamSize],
    );
  }

  private filter(scope: StartupScope, query: StartupListQuery): SqlFilter {
    const filter = new SqlFilter().add('s.organisation_id = ?', scope.organisationId);
    if (scope.startupId) filter.add('s.id = ?', scope.startupId);
    filter.addIf(query.sector, 's.sector = ?').addIf(query.stage, 's.stage = ?');
    if (query.q) filter.add('lower(s.legal_name) LIKE ?', containsPattern(query.q));
    const enrollment: string[] = [];
    if (query.cohortId) enrollment.push(`e.cohort_id = ${filter.placeholder(query.cohortId)}`);
    if (query.programId) enrollment.push(`c.program_id = ${filter.placeholder(query.programId)}`);
    if (query.siteId) enrollment.push(`p.site_id = ${filter.placeholder(query.siteId)}`);
    if (query.status) enrollment.push(`e.status = ${filter.placeholder(query.status)}`);
    if (enrollment.length) {
      filter.add(
        `EXISTS (SELECT 1 FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id
                 WHERE e.startup_id = s.id AND ${enrollment.join(' AND ')})`,
      );
    }
    return filter;
  }
}

function toStartup(row: StartupRow): StartupResponse {
  return {
    id: row.id,
    legalName: row.legal_name,
    country: row.country.trim(),
    siren: row.siren,
    sector: row.sector,
    foundedOn: row.founded_on,
    stage: row.stage,
    website: row.website,
    description: row.description,
    teamSize: row.team_size,
    currentEnrollment:
      row.enrollment_id && row.cohort_id && row.cohort_name !== null && row.program_name !== null && row.enrollment_status
        ? { id: row.enrollment_id, cohortId: row.cohort_id, cohortName: row.cohort_name, programName: row.program_name, status: row.enrollment_status }
        : null,
    alumni: row.alumni,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
