import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type {
  CreateStartupRequest,
  EnrollmentStatus,
  PageResponse,
  StartupListQuery,
  StartupResponse,
  StartupSort,
  UpdateStartupRequest,
} from '@incubator/contracts';
import { isUniqueViolation, VersionedCache, versionCounter } from '@incubator/api/sql';
import { containsPattern, SqlFilter } from '@incubator/api/sql';

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

@Injectable()
export class StartupService {
  /**
   * Pages answered, until a write to startups, enrollments, cohorts or programs moves the directory
   * version (migration 1763770700000): the page every manager opens, or paging back, costs one read of
   * the version instead of two statements. 500 pages of 20 startups ≈ 5 MB at most.
   */
  private readonly pages: VersionedCache<PageResponse<StartupResponse>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.pages = new VersionedCache(versionCounter(dataSource, 'directory_version'), 500);
  }

  /** Filtered, sorted, paged list: `listFromSql`, or the same page answered earlier at the same directory version. */
  async list(scope: StartupScope, query: StartupListQuery & { limit: number; offset: number }): Promise<PageResponse<StartupResponse>> {
    // Every parameter, whatever it is, in a fixed order: a filter added later cannot be left out of the key.
    const parameters = Object.entries(query).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
    const key = JSON.stringify([scope.organisationId, scope.startupId ?? null, parameters]);
    return this.pages.get(key, () => this.listFromSql(scope, query));
  }

  /** The page read with SQL. Every filter is served by an index (see the programs migration). */
  async listFromSql(scope: StartupScope, query: StartupListQuery & { limit: number; offset: number }): Promise<PageResponse<StartupResponse>> {
    const filter = this.filter(scope, query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM startups s WHERE ${filter.where}`, filter.params);
    const [limit, offset] = [filter.placeholder(query.limit), filter.placeholder(query.offset)];
    const rows = await this.dataSource.query(
      `${SELECT} WHERE ${filter.where} ORDER BY ${ORDER[query.sort ?? 'name']} LIMIT ${limit} OFFSET ${offset}`,
      filter.params,
    );
    return { items: rows.map(toResponse), total, limit: query.limit, offset: query.offset };
  }

  /** Every row matching the filters (for CSV/XLSX export), capped to keep exports bounded. */
  async listAll(scope: StartupScope, query: StartupListQuery, cap = 50_000): Promise<StartupResponse[]> {
    const filter = this.filter(scope, query);
    const limit = filter.placeholder(cap);
    const rows = await this.dataSource.query(`${SELECT} WHERE ${filter.where} ORDER BY ${ORDER[query.sort ?? 'name']} LIMIT ${limit}`, filter.params);
    return rows.map(toResponse);
  }

  async get(scope: StartupScope, id: string): Promise<StartupResponse> {
    if (scope.startupId && scope.startupId !== id) throw new NotFoundException('No such startup');
    const [row] = await this.dataSource.query(`${SELECT} WHERE s.id = $1 AND s.organisation_id = $2`, [id, scope.organisationId]);
    if (!row) throw new NotFoundException('No such startup');
    return toResponse(row);
  }

  async create(caller: Caller, request: CreateStartupRequest): Promise<StartupResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager
        .query(
          `INSERT INTO startups (organisation_id, legal_name, country, siren, sector, founded_on, stage, website, description, team_size)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            caller.organisationId,
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
        )
        .catch(sirenConflict);
      await this.audit.recordBy(manager, caller, {
        action: 'startup.created',
        entityType: 'startup',
        entityId: row.id,
        after: { ...request },
      });
      return row.id as string;
    });
    return this.get(caller, id);
  }

  /** Managers edit any startup of the organisation; a startup member only their own. Audited. */
  async update(caller: Caller, id: string, change: UpdateStartupRequest): Promise<StartupResponse> {
    if (caller.role === 'startup' && caller.startupId !== id) throw new NotFoundException('No such startup');
    const before = await this.get(caller, id);
    const next = { ...pick(before), ...change };
    if (next.country === 'FR' && !next.siren) {
      throw new ConflictException({ message: 'A French startup needs its SIREN', fields: { siren: ['siren is required when country is FR'] } });
    }
    await this.dataSource.transaction(async (manager) => {
      await manager
        .query(
          `UPDATE startups SET legal_name = $3, country = $4, siren = $5, sector = $6, founded_on = $7, stage = $8,
             website = $9, description = $10, team_size = $11, updated_at = now()
           WHERE id = $1 AND organisation_id = $2`,
          [id, caller.organisationId, next.legalName, next.country, next.siren ?? null, next.sector, next.foundedOn ?? null, next.stage, next.website ?? null, next.description ?? null, next.teamSize],
        )
        .catch(sirenConflict);
      await this.audit.recordBy(manager, caller, {
        action: 'startup.updated',
        entityType: 'startup',
        entityId: id,
        before: pick(before),
        after: next,
      });
    });
    return this.get(caller, id);
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

function sirenConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new ConflictException({ message: 'A startup with this SIREN already exists', fields: { siren: ['siren is already registered'] } });
  }
  throw error;
}

/** The editable fields of a startup, as the create request names them. */
function pick(s: StartupResponse): CreateStartupRequest {
  return {
    legalName: s.legalName,
    country: s.country,
    siren: s.siren ?? undefined,
    sector: s.sector,
    foundedOn: s.foundedOn ?? undefined,
    stage: s.stage,
    website: s.website ?? undefined,
    description: s.description ?? undefined,
    teamSize: s.teamSize,
  };
}

function toResponse(row: Record<string, unknown>): StartupResponse {
  return {
    id: row['id'] as string,
    legalName: row['legal_name'] as string,
    country: (row['country'] as string).trim(),
    siren: (row['siren'] as string | null) ?? null,
    sector: row['sector'] as StartupResponse['sector'],
    foundedOn: (row['founded_on'] as string | null) ?? null, // DATE columns come back as 'YYYY-MM-DD' strings
    stage: row['stage'] as StartupResponse['stage'],
    website: (row['website'] as string | null) ?? null,
    description: (row['description'] as string | null) ?? null,
    teamSize: row['team_size'] as number,
    currentEnrollment: row['enrollment_id']
      ? {
          id: row['enrollment_id'] as string,
          cohortId: row['cohort_id'] as string,
          cohortName: row['cohort_name'] as string,
          programName: row['program_name'] as string,
          status: row['enrollment_status'] as EnrollmentStatus,
        }
      : null,
    alumni: row['alumni'] as boolean,
    createdAt: (row['created_at'] as Date).toISOString(),
    updatedAt: (row['updated_at'] as Date).toISOString(),
  };
}
