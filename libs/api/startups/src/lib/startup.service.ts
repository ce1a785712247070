import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateStartupRequest, PageResponse, StartupListQuery, StartupResponse, UpdateStartupRequest } from '@incubator/contracts';
import { isUniqueViolation, VersionedCache, versionCounter } from '@incubator/api/sql';
import { StartupErrors } from './startup.errors';
import { StartupPageQuery, StartupRepository, StartupScope } from './startup.repository';

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
    private readonly startups: StartupRepository,
    private readonly audit: AuditService,
  ) {
    this.pages = new VersionedCache(versionCounter(dataSource, 'directory_version'), 500);
  }

  /** Filtered, sorted, paged list: `listFromSql`, or the same page answered earlier at the same directory version. */
  async list(scope: StartupScope, query: StartupPageQuery): Promise<PageResponse<StartupResponse>> {
    // Every parameter, whatever it is, in a fixed order: a filter added later cannot be left out of the key.
    const parameters = Object.entries(query).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
    const key = JSON.stringify([scope.organisationId, scope.startupId ?? null, parameters]);
    return this.pages.get(key, () => this.listFromSql(scope, query));
  }

  /** The page read with SQL. */
  async listFromSql(scope: StartupScope, query: StartupPageQuery): Promise<PageResponse<StartupResponse>> {
    const { items, total } = await this.startups.page(scope, query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Every row matching the filters (for CSV/XLSX export), capped to keep exports bounded. */
  listAll(scope: StartupScope, query: StartupListQuery, cap = 50_000): Promise<StartupResponse[]> {
    return this.startups.all(scope, query, cap);
  }

  async get(scope: StartupScope, id: string): Promise<StartupResponse> {
    if (scope.startupId && scope.startupId !== id) throw StartupErrors.not_found();
    const startup = await this.startups.find(scope.organisationId, id);
    if (!startup) throw StartupErrors.not_found();
    return startup;
  }

  async create(caller: Caller, request: CreateStartupRequest): Promise<StartupResponse> {
    const id = await this.dataSource
      .transaction(async (manager) => {
        const id = await this.startups.insert(manager, caller.organisationId, request);
        await this.audit.recordBy(manager, caller, { action: 'startup.created', entityType: 'startup', entityId: id, after: { ...request } });
        return id;
      })
      .catch((error: unknown) => this.sirenConflict(error, caller.organisationId, request.siren));
    return this.get(caller, id);
  }

  /** Managers edit any startup of the organisation; a startup member only their own. Audited. */
  async update(caller: Caller, id: string, change: UpdateStartupRequest): Promise<StartupResponse> {
    if (caller.role === 'startup' && caller.startupId !== id) throw StartupErrors.not_found();
    const before = await this.get(caller, id);
    const next = { ...pick(before), ...change };
    if (next.country === 'FR' && !next.siren) throw StartupErrors.siren_required();
    await this.dataSource
      .transaction(async (manager) => {
        await this.startups.update(manager, caller.organisationId, id, next);
        await this.audit.recordBy(manager, caller, { action: 'startup.updated', entityType: 'startup', entityId: id, before: pick(before), after: next });
      })
      .catch((error: unknown) => this.sirenConflict(error, caller.organisationId, next.siren));
    return this.get(caller, id);
  }

  /**
   * The only unique key a startup's fields can break is (organisation, SIREN): name the startup of the
   * same organisation that has it, read after the failed transaction has rolled back.
   */
  private async sirenConflict(error: unknown, organisationId: string, siren: string | undefined): Promise<never> {
    if (!isUniqueViolation(error) || !siren) throw error;
    const holder = await this.startups.withSiren(organisationId, siren);
    if (!holder) throw error;
    throw StartupErrors.siren_taken({ startupId: holder.id, legalName: holder.legalName });
  }
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
