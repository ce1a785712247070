import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateLeaseRequest, LeaseResponse, ProposalRequest, ProposalResponse, ResizeLeaseRequest } from '@incubator/contracts';
import { checkResize, isConnected, MODULE_AREA_M2 } from './allocation/grid';
import { proposeOffices } from './allocation/propose';
import { EXCLUSION_VIOLATION, pgCode } from '@incubator/api/sql';
import { SpaceSnapshots } from './space-snapshot';
import { WaitlistTrigger } from './waitlist-trigger';

interface ModuleRow {
  id: string;
  floor_id: string;
  col: number;
  row: number;
}

const LEASE_SELECT = `
  SELECT l.*, s.legal_name AS startup_name,
         array(SELECT lm.module_id FROM lease_modules lm JOIN modules m ON m.id = lm.module_id
               WHERE lm.lease_id = l.id ORDER BY m."row", m.col) AS module_ids
  FROM leases l JOIN startups s ON s.id = l.startup_id`;

/**
 * Office proposals, leases and resizes. The database's exclusion constraint is what guarantees that no
 * module is leased twice for overlapping dates; this service turns its refusal into a 409 naming the
 * lease in the way. Dates are half-open: a lease covers [startsOn, endsOn), endsOn null = open-ended.
 */
@Injectable()
export class LeaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly waitlist: WaitlistTrigger,
    private readonly snapshots: SpaceSnapshots,
  ) {}

  async propose(caller: Pick<Caller, 'organisationId'>, request: ProposalRequest): Promise<ProposalResponse[]> {
    assertRange(request.startsOn, request.endsOn);
    const space = await this.snapshots.of(caller.organisationId);
    const near = request.startupId ? space.currentOffice(request.startupId, request.startsOn) : undefined;
    const proposals = proposeOffices(space.freeSpace(request), { areaM2: request.areaM2, near, limit: request.limit ?? 5 });
    return proposals.map((proposal) => ({
      ...proposal,
      floorName: space.floors.get(proposal.floorId)?.name ?? '',
      buildingName: space.floors.get(proposal.floorId)?.buildingName ?? '',
    }));
  }

  async create(caller: Caller, request: CreateLeaseRequest): Promise<LeaseResponse> {
    const id = await this.dataSource.transaction((manager) => this.insert(manager, caller, request));
    return this.get(caller, id);
  }

  /**
   * Writes a lease in the caller's transaction and returns its id (waitlist acceptance writes it with the
   * offer it fulfils: all or nothing).
   */
  async insert(manager: EntityManager, caller: Caller, request: CreateLeaseRequest): Promise<string> {
    assertRange(request.startsOn, request.endsOn);
    const [startup] = await manager.query('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [request.startupId, caller.organisationId]);
    if (!startup) throw new NotFoundException('No such startup in this organisation');
    const modules = await this.modulesOfOneFloor(manager, caller.organisationId, request.moduleIds);
    const price = request.monthlyPricePerM2Cents ?? (await this.listPrice(manager, modules[0].floor_id, request.programKind));
    const [lease] = await manager.query(
      `INSERT INTO leases (organisation_id, startup_id, floor_id, program_kind, starts_on, ends_on, monthly_price_per_m2_cents)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [caller.organisationId, request.startupId, modules[0].floor_id, request.programKind, request.startsOn, request.endsOn ?? null, price],
    );
    await this.attachModules(manager, lease.id, request.moduleIds, request.startsOn, request.endsOn ?? null);
    await this.audit.recordBy(manager, caller, { action: 'lease.created', entityType: 'lease', entityId: lease.id, after: { ...request, monthlyPricePerM2Cents: price } });
    return lease.id as string;
  }

  /**
   * Grows or shrinks a lease by one module from `effectiveOn`: the current version ends there
   * (exclusive) and a new version with the new module set starts there. Shrinking to nothing ends it.
   */
  async resize(caller: Caller, leaseId: string, request: ResizeLeaseRequest): Promise<LeaseResponse> {
    if (!request.addModuleId === !request.removeModuleId) {
      throw new BadRequestException({ message: 'Add or remove exactly one module', fields: { addModuleId: ['give addModuleId or removeModuleId, not both'] } });
    }
    const resultId = await this.dataSource.transaction(async (manager) => {
      const [lease] = await manager.query(`${LEASE_SELECT} WHERE l.id = $1 AND l.organisation_id = $2 FOR UPDATE OF l`, [leaseId, caller.organisationId]);
      if (!lease) throw new NotFoundException('No such lease');
      const [successor] = await manager.query('SELECT 1 FROM leases WHERE previous_lease_id = $1', [leaseId]);
      if (successor) throw new ConflictException('This lease has already been resized; resize its latest version');
      if (request.effectiveOn <= lease.starts_on || (lease.ends_on && request.effectiveOn >= lease.ends_on)) {
        throw new BadRequestException({ message: 'The change must take effect strictly inside the lease', fields: { effectiveOn: ['effectiveOn must be after startsOn and before endsOn'] } });
      }
      const current: string[] = lease.module_ids;
      const next = request.addModuleId ? [...current, request.addModuleId] : current.filter((id) => id !== request.removeModuleId);
      if (request.removeModuleId && next.length === current.length) throw new NotFoundException('That module is not part of this lease');
      if (request.addModuleId && current.includes(request.addModuleId)) throw new ConflictException('That module is already part of this lease');

      const cells = await this.modulesOfOneFloor(manager, caller.organisationId, [...new Set([...current, ...next])], lease.floor_id);
      const byId = new Map(cells.map((m) => [m.id, m]));
      const check = checkResize(current.map((id) => byId.get(id) as ModuleRow), next.map((id) => byId.get(id) as ModuleRow));
      if (!check.ok) {
        throw new ConflictException({ message: 'The office must stay in one piece', fields: { addModuleId: ['the module must touch the office, and removing it must not split the office'] } });
      }

      await manager.query('UPDATE leases SET ends_on = $2 WHERE id = $1', [leaseId, request.effectiveOn]);
      await manager.query(`UPDATE lease_modules SET period = daterange(lower(period), $2::date, '[)') WHERE lease_id = $1`, [leaseId, request.effectiveOn]);
      let successorId = leaseId;
      if (next.length > 0) {
        const [created] = await manager.query(
          `INSERT INTO leases (organisation_id, startup_id, floor_id, program_kind, starts_on, ends_on, monthly_price_per_m2_cents, previous_lease_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [caller.organisationId, lease.startup_id, lease.floor_id, lease.program_kind, request.effectiveOn, lease.ends_on, lease.monthly_price_per_m2_cents, leaseId],
        );
        await this.attachModules(manager, created.id, next, request.effectiveOn, lease.ends_on);
        successorId = created.id;
      }
      await this.audit.recordBy(manager, caller, {
        action: next.length ? 'lease.resized' : 'lease.ended',
        entityType: 'lease',
        entityId: leaseId,
        before: { moduleIds: current, endsOn: lease.ends_on },
        after: { moduleIds: next, effectiveOn: request.effectiveOn, successorId: next.length ? successorId : null },
      });
      return successorId;
    });
    if (request.removeModuleId) await this.waitlist.spaceFreed(caller.organisationId);
    return this.get(caller, resultId);
  }

  async list(caller: Caller, startupId?: string): Promise<LeaseResponse[]> {
    const scope = caller.role === 'startup' ? caller.startupId : startupId;
    const rows = await this.dataSource.query(
      `${LEASE_SELECT} WHERE l.organisation_id = $1 AND ($2::uuid IS NULL OR l.startup_id = $2) ORDER BY l.starts_on, l.created_at`,
      [caller.organisationId, scope ?? null],
    );
    return rows.map((row: Record<string, unknown>) => forCaller(caller, toResponse(row)));
  }

  async get(caller: Caller, id: string): Promise<LeaseResponse> {
    const [row] = await this.dataSource.query(`${LEASE_SELECT} WHERE l.id = $1 AND l.organisation_id = $2`, [id, caller.organisationId]);
    if (!row || (caller.role === 'startup' && row.startup_id !== caller.startupId)) throw new NotFoundException('No such lease');
    return forCaller(caller, toResponse(row));
  }

  private async modulesOfOneFloor(manager: EntityManager, organisationId: string, moduleIds: string[], floorId?: string): Promise<ModuleRow[]> {
    const modules: ModuleRow[] = await manager.query(
      `SELECT id, floor_id, col, "row" FROM modules WHERE id = ANY($1::uuid[]) AND organisation_id = $2 AND retired_at IS NULL`,
      [moduleIds, organisationId],
    );
    if (modules.length !== new Set(moduleIds).size) throw new NotFoundException('Some modules do not exist or are retired');
    const floors = new Set(modules.map((m) => m.floor_id));
    if (floors.size !== 1 || (floorId && !floors.has(floorId))) {
      throw new BadRequestException({ message: 'An office lies on one floor', fields: { moduleIds: ['all modules must be on the same floor'] } });
    }
    if (!floorId && !isConnected(modules)) {
      throw new BadRequestException({ message: 'An office is one piece', fields: { moduleIds: ['the modules must be contiguous'] } });
    }
    return modules;
  }

  private async listPrice(manager: EntityManager, floorId: string, kind: string): Promise<number> {
    const [price] = await manager.query(
      `SELECT p.monthly_price_per_m2_cents FROM space_prices p JOIN buildings b ON b.site_id = p.site_id JOIN floors f ON f.building_id = b.id
       WHERE f.id = $1 AND p.program_kind = $2`,
      [floorId, kind],
    );
    if (!price) throw new BadRequestException({ message: 'No price for this site and program kind', fields: { monthlyPricePerM2Cents: ['give a price: the site has none for this program kind'] } });
    return price.monthly_price_per_m2_cents;
  }

  /** Inserts the lease's modules; the exclusion constraint refuses any overlap, named in the 409. */
  private async attachModules(manager: EntityManager, leaseId: string, moduleIds: string[], startsOn: string, endsOn: string | null): Promise<void> {
    await manager.query('SAVEPOINT attach_modules');
    try {
      await manager.query(
        `INSERT INTO lease_modules (lease_id, module_id, period) SELECT $1, unnest($2::uuid[]), daterange($3::date, $4::date, '[)')`,
        [leaseId, moduleIds, startsOn, endsOn],
      );
    } catch (error) {
      if (pgCode(error) !== EXCLUSION_VIOLATION) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT attach_modules');
      const [conflict] = await manager.query(
        `SELECT l.id, s.legal_name, l.starts_on, l.ends_on FROM lease_modules lm JOIN leases l ON l.id = lm.lease_id JOIN startups s ON s.id = l.startup_id
         WHERE lm.module_id = ANY($1::uuid[]) AND lm.period && daterange($2::date, $3::date, '[)') AND lm.lease_id <> $4 LIMIT 1`,
        [moduleIds, startsOn, endsOn, leaseId],
      );
      throw new ConflictException({
        message: conflict
          ? `Already leased to ${conflict.legal_name} from ${conflict.starts_on}${conflict.ends_on ? ` until ${conflict.ends_on} (exclusive)` : ''} (lease ${conflict.id})`
          : 'These modules are already leased for these dates',
        conflictingLeaseId: conflict?.id ?? null,
      });
    }
  }
}

function assertRange(startsOn: string, endsOn?: string): void {
  if (endsOn && endsOn <= startsOn) {
    throw new BadRequestException({ message: 'The end must come after the start', fields: { endsOn: ['endsOn must be after startsOn (the end is exclusive)'] } });
  }
}

/** Board members see who occupies what, never what one startup pays. */
function forCaller(caller: Caller, lease: LeaseResponse): LeaseResponse {
  return caller.role === 'board' ? { ...lease, monthlyPricePerM2Cents: null, monthlyRentCents: null } : lease;
}

function toResponse(row: Record<string, unknown>): LeaseResponse {
  const moduleIds = row['module_ids'] as string[];
  const areaM2 = moduleIds.length * MODULE_AREA_M2;
  const price = row['monthly_price_per_m2_cents'] as number;
  return {
    id: row['id'] as string,
    startupId: row['startup_id'] as string,
    startupName: row['startup_name'] as string,
    floorId: row['floor_id'] as string,
    moduleIds,
    startsOn: row['starts_on'] as string,
    endsOn: (row['ends_on'] as string | null) ?? null,
    programKind: row['program_kind'] as LeaseResponse['programKind'],
    areaM2,
    monthlyPricePerM2Cents: price,
    monthlyRentCents: areaM2 * price,
    previousLeaseId: (row['previous_lease_id'] as string | null) ?? null,
  };
}
