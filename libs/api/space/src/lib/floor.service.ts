import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { isUniqueViolation } from '@incubator/api/sql';
import type { BuildingResponse, CreateBuildingRequest, CreateFloorRequest, FloorPlanResponse, FloorResponse } from '@incubator/contracts';
import type { Cell } from './allocation/grid';
import { LayoutSyntaxError, parseLayout } from './allocation/layout';
import { BuildingRepository } from './building.repository';
import { FloorRepository } from './floor.repository';
import { LeaseRepository } from './lease.repository';
import { SpaceErrors } from './space.errors';
import { SpaceReferenceRepository } from './space-references.repository';
import { SpaceSnapshots } from './space-snapshot';
import { WaitlistTrigger } from './waitlist-trigger';

/** Buildings, floors created from a compact layout, and floor plans on a given day. */
@Injectable()
export class FloorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly waitlist: WaitlistTrigger,
    private readonly snapshots: SpaceSnapshots,
    private readonly buildingRepository: BuildingRepository,
    private readonly floorRepository: FloorRepository,
    private readonly leases: LeaseRepository,
    private readonly references: SpaceReferenceRepository,
  ) {}

  buildings(organisationId: string, siteId?: string): Promise<BuildingResponse[]> {
    return this.buildingRepository.list(organisationId, siteId ?? null);
  }

  async createBuilding(caller: Caller, request: CreateBuildingRequest): Promise<BuildingResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.references.siteExists(caller.organisationId, request.siteId, manager))) throw SpaceErrors.site_not_found();
      const id = await this.buildingRepository.insert(manager, caller.organisationId, request.siteId, request.name).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw SpaceErrors.building_name_taken({ name: request.name });
        throw error;
      });
      await this.audit.recordBy(manager, caller, { action: 'building.created', entityType: 'building', entityId: id, after: { ...request } });
      return { id, siteId: request.siteId, name: request.name };
    });
  }

  floors(organisationId: string, buildingId?: string): Promise<FloorResponse[]> {
    return this.floorRepository.list(organisationId, buildingId ?? null);
  }

  /** Creates a floor and its modules from a layout of `M` (module) and `.` (not rentable) cells. */
  async createFloor(caller: Caller, request: CreateFloorRequest): Promise<FloorResponse> {
    const cells = readLayout(request.layout);
    if (cells.length === 0) throw SpaceErrors.layout_without_modules();
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.buildingRepository.exists(caller.organisationId, request.buildingId, manager))) throw SpaceErrors.building_not_found();
      const floorId = await this.floorRepository.insert(manager, caller.organisationId, request).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw SpaceErrors.floor_level_taken({ level: request.level });
        throw error;
      });
      await this.floorRepository.insertModules(manager, caller.organisationId, floorId, cells);
      await this.audit.recordBy(manager, caller, {
        action: 'floor.created',
        entityType: 'floor',
        entityId: floorId,
        after: { ...request, modules: cells.length },
      });
      return floorId;
    });
    await this.waitlist.spaceFreed(caller.organisationId);
    const floor = await this.floorRepository.get(id);
    if (!floor) throw SpaceErrors.floor_not_found(); // only if deleted meanwhile
    return floor;
  }

  /**
   * Takes a module out of the rentable space from now on (e.g. turned into a meeting room). Its past
   * leases stay as they were; a module leased today or later cannot be retired (409).
   */
  async retireModule(caller: Caller, moduleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const module = await this.floorRepository.moduleForUpdate(manager, caller.organisationId, moduleId);
      if (!module) throw SpaceErrors.module_not_found();
      if (module.retired) throw SpaceErrors.module_already_retired();
      const holder = await this.leases.holderFromToday(manager, moduleId);
      if (holder) throw SpaceErrors.module_leased({ leaseId: holder.leaseId, startupName: holder.startupName });
      await this.floorRepository.retireModule(manager, moduleId);
      await this.audit.recordBy(manager, caller, { action: 'module.retired', entityType: 'module', entityId: moduleId });
    });
  }

  /** The floor on a day, from the organisation's space snapshot (one read of the space version when nothing changed). */
  async plan(organisationId: string, floorId: string, on: string): Promise<FloorPlanResponse> {
    const plan = (await this.snapshots.of(organisationId)).floorPlan(floorId, on);
    if (!plan) throw SpaceErrors.floor_not_found();
    return plan;
  }
}

/** The layout's module cells; a character other than M or . is a 400 naming where it is. */
function readLayout(layout: string): Cell[] {
  try {
    return parseLayout(layout);
  } catch (error) {
    if (error instanceof LayoutSyntaxError) throw SpaceErrors.layout_unreadable({ char: error.char, row: error.row, column: error.column });
    throw error;
  }
}
