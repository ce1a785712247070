import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { moduleName } from '@incubator/contracts';
import type { CreateLeaseRequest, LeaseResponse, ProposalRequest, ProposalResponse, ResizeLeaseRequest, TerminateLeaseRequest } from '@incubator/contracts';
import { explainProposal } from './allocation/explain';
import { checkResize, isConnected } from './allocation/grid';
import { proposeOffices } from './allocation/propose';
import { FloorRepository, ModuleCell } from './floor.repository';
import { LeaseRepository } from './lease.repository';
import { PriceListRepository } from './price-list.repository';
import { SpaceErrors } from './space.errors';
import { SpaceReferenceRepository } from './space-references.repository';
import { SpaceSnapshots } from './space-snapshot';
import { WaitlistTrigger } from './waitlist-trigger';

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
    private readonly leases: LeaseRepository,
    private readonly floors: FloorRepository,
    private readonly references: SpaceReferenceRepository,
    private readonly prices: PriceListRepository,
  ) {}

  async propose(caller: Pick<Caller, 'organisationId'>, request: ProposalRequest): Promise<ProposalResponse[]> {
    assertRange(request.startsOn, request.endsOn);
    const space = await this.snapshots.of(caller.organisationId);
    const near = request.startupId ? space.currentOffice(request.startupId, request.startsOn) : undefined;
    const proposals = proposeOffices(space.freeSpace(request), { areaM2: request.areaM2, near, limit: request.limit ?? 5 });
    const prices = request.programKind
      ? await this.prices.inForceForFloors(caller.organisationId, [...new Set(proposals.map((p) => p.floorId))], request.programKind, request.startsOn)
      : new Map<string, number>();
    return proposals.map((proposal, index) => {
      const price = prices.get(proposal.floorId) ?? null;
      return {
        ...proposal,
        rank: index + 1,
        floorName: space.floors.get(proposal.floorId)?.name ?? '',
        buildingName: space.floors.get(proposal.floorId)?.buildingName ?? '',
        modules: proposal.moduleIds.map((id, i) => ({ id, ...proposal.cells[i], name: moduleName(proposal.cells[i]) })),
        monthlyPricePerM2Cents: price,
        monthlyRentCents: price === null ? null : price * proposal.areaM2,
        reasons: explainProposal(proposal, near !== undefined, proposals[index - 1]),
      };
    });
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
    if (!(await this.references.startupExists(caller.organisationId, request.startupId, manager))) throw SpaceErrors.startup_not_found();
    const modules = await this.modulesOfOneFloor(manager, caller.organisationId, request.moduleIds);
    // The price in force on the start date, unless the manager overrides it (the audit says which).
    const listed = await this.prices.inForceForFloor(manager, caller.organisationId, modules[0].floor_id, request.programKind, request.startsOn);
    const overridden = request.monthlyPricePerM2Cents !== undefined && request.monthlyPricePerM2Cents !== null;
    const price = overridden ? (request.monthlyPricePerM2Cents as number) : listPrice(listed?.monthlyPricePerM2Cents);
    const endsOn = request.endsOn ?? null;
    const leaseId = await this.leases.insert(manager, caller.organisationId, {
      startupId: request.startupId,
      floorId: modules[0].floor_id,
      programKind: request.programKind,
      startsOn: request.startsOn,
      endsOn,
      monthlyPricePerM2Cents: price,
    });
    await this.attachModules(manager, leaseId, request.moduleIds, request.startsOn, endsOn);
    await this.audit.recordBy(manager, caller, { action: 'lease.created', entityType: 'lease', entityId: leaseId, after: {
        ...request,
        monthlyPricePerM2Cents: price,
        listPricePerM2Cents: listed?.monthlyPricePerM2Cents ?? null,
        listPriceEffectiveFrom: listed?.effectiveFrom ?? null,
        priceOverridden: overridden,
      },
    });
    return leaseId;
  }

  /**
   * Grows or shrinks a lease by one module from `effectiveOn`: the current version ends there
   * (exclusive) and a new version with the new module set starts there. Shrinking to nothing ends it.
   */
  async resize(caller: Caller, leaseId: string, request: ResizeLeaseRequest): Promise<LeaseResponse> {
    if (!request.addModuleId === !request.removeModuleId) throw SpaceErrors.resize_one_module();
    const resultId = await this.dataSource.transaction(async (manager) => {
      const lease = await this.leases.getForUpdate(manager, caller.organisationId, leaseId);
      if (!lease) throw SpaceErrors.lease_not_found();
      if (await this.leases.hasSuccessor(manager, leaseId)) throw SpaceErrors.lease_superseded();
      if (request.effectiveOn <= lease.startsOn || (lease.endsOn && request.effectiveOn >= lease.endsOn)) throw SpaceErrors.resize_outside_lease();
      const current = lease.moduleIds;
      const next = request.addModuleId ? [...current, request.addModuleId] : current.filter((id) => id !== request.removeModuleId);
      if (request.removeModuleId && next.length === current.length) throw SpaceErrors.module_not_in_lease();
      if (request.addModuleId && current.includes(request.addModuleId)) throw SpaceErrors.module_already_in_lease();

      const cells = await this.modulesOfOneFloor(manager, caller.organisationId, [...new Set([...current, ...next])], lease.floorId);
      const byId = new Map(cells.map((m) => [m.id, m]));
      const check = checkResize(current.map((id) => byId.get(id) as ModuleCell), next.map((id) => byId.get(id) as ModuleCell));
      if (!check.ok) throw SpaceErrors.office_would_split();

      await this.leases.end(manager, leaseId, request.effectiveOn);
      let successorId = leaseId;
      if (next.length > 0) {
        successorId = await this.leases.insertVersion(
          manager,
          caller.organisationId,
          { startupId: lease.startupId, floorId: lease.floorId, programKind: lease.programKind, startsOn: request.effectiveOn, endsOn: lease.endsOn, monthlyPricePerM2Cents: lease.monthlyPricePerM2Cents },
          leaseId,
        );
        await this.attachModules(manager, successorId, next, request.effectiveOn, lease.endsOn);
      }
      await this.audit.recordBy(manager, caller, {
        action: next.length ? 'lease.resized' : 'lease.ended',
        entityType: 'lease',
        entityId: leaseId,
        before: { moduleIds: current, endsOn: lease.endsOn },
        after: { moduleIds: next, effectiveOn: request.effectiveOn, successorId: next.length ? successorId : null },
      });
      return successorId;
    });
    if (request.removeModuleId) await this.waitlist.spaceFreed(caller.organisationId);
    return this.get(caller, resultId);
  }

  /**
   * Ends a lease early on `endsOn` (exclusive), with a reason: its modules are free from that day, the
   * waitlist is told, and plans, occupancy and the rent roll read the new end. Only the latest version
   * of a resized lease can be terminated, once.
   */
  async terminate(caller: Caller, leaseId: string, request: TerminateLeaseRequest): Promise<LeaseResponse> {
    await this.dataSource.transaction(async (manager) => {
      const lease = await this.leases.getForUpdate(manager, caller.organisationId, leaseId);
      if (!lease) throw SpaceErrors.lease_not_found();
      if (lease.termination) throw SpaceErrors.lease_already_terminated();
      if (await this.leases.hasSuccessor(manager, leaseId)) throw SpaceErrors.lease_superseded();
      if (request.endsOn <= lease.startsOn || (lease.endsOn && request.endsOn > lease.endsOn)) throw SpaceErrors.terminate_outside_lease();
      const note = request.note?.trim() || null;
      await this.leases.end(manager, leaseId, request.endsOn);
      await this.leases.markTerminated(manager, leaseId, request.reason, note);
      await this.audit.recordBy(manager, caller, {
        action: 'lease.terminated',
        entityType: 'lease',
        entityId: leaseId,
        before: { endsOn: lease.endsOn },
        after: { endsOn: request.endsOn, reason: request.reason, note },
      });
    });
    await this.waitlist.spaceFreed(caller.organisationId);
    return this.get(caller, leaseId);
  }

  async list(caller: Caller, startupId?: string): Promise<LeaseResponse[]> {
    const scope = caller.role === 'startup' ? caller.startupId : startupId;
    const leases = await this.leases.list(caller.organisationId, scope ?? null);
    return leases.map((lease) => forCaller(caller, lease));
  }

  async get(caller: Caller, id: string): Promise<LeaseResponse> {
    const lease = await this.leases.get(caller.organisationId, id);
    if (!lease || (caller.role === 'startup' && lease.startupId !== caller.startupId)) throw SpaceErrors.lease_not_found();
    return forCaller(caller, lease);
  }

  private async modulesOfOneFloor(manager: EntityManager, organisationId: string, moduleIds: string[], floorId?: string): Promise<ModuleCell[]> {
    const modules = await this.floors.rentableModules(manager, organisationId, moduleIds);
    if (modules.length !== new Set(moduleIds).size) throw SpaceErrors.modules_not_found();
    const floors = new Set(modules.map((m) => m.floor_id));
    if (floors.size !== 1 || (floorId && !floors.has(floorId))) throw SpaceErrors.modules_on_several_floors();
    if (!floorId && !isConnected(modules)) throw SpaceErrors.modules_not_contiguous();
    return modules;
  }

  /** Attaches the lease's modules; the exclusion constraint refuses any overlap, named in the 409. */
  private async attachModules(manager: EntityManager, leaseId: string, moduleIds: string[], startsOn: string, endsOn: string | null): Promise<void> {
    const outcome = await this.leases.attachModules(manager, leaseId, moduleIds, startsOn, endsOn);
    if (outcome.attached) return;
    const holder = outcome.holder;
    if (!holder) throw SpaceErrors.modules_taken_for_dates({ conflictingLeaseId: null });
    // The lease in the way is the caller's organisation's (modules and leases are per organisation).
    const details = { conflictingLeaseId: holder.leaseId, startupName: holder.startupName, startsOn: holder.startsOn };
    throw holder.endsOn ? SpaceErrors.modules_taken({ ...details, endsOn: holder.endsOn }) : SpaceErrors.modules_taken_open_ended(details);
  }
}

function listPrice(cents: number | undefined): number {
  if (cents === undefined) throw SpaceErrors.price_missing();
  return cents;
}

function assertRange(startsOn: string, endsOn?: string): void {
  if (endsOn && endsOn <= startsOn) throw SpaceErrors.lease_dates_reversed();
}

/** Board members see who occupies what, never what one startup pays. */
function forCaller(caller: Caller, lease: LeaseResponse): LeaseResponse {
  return caller.role === 'board' ? { ...lease, monthlyPricePerM2Cents: null, monthlyRentCents: null } : lease;
}
