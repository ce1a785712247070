import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { isUniqueViolation } from '@incubator/api/sql';
import type { FloorGridResponse, FloorUpdateResponse, SetupBuildingResponse, UpdateBuildingRequest, UpdateFloorRequest } from '@incubator/contracts';
import type { Cell } from './allocation/grid';
import { LayoutSyntaxError, parseLayout } from './allocation/layout';
import { editorLayout, gridZones, normalizedLayout } from './floor-grid';
import { FloorRepository } from './floor.repository';
import { FloorSetupRepository, type LiveModule } from './floor-setup.repository';
import { SpaceErrors } from './space.errors';
import { WaitlistTrigger } from './waitlist-trigger';

/**
 * Buildings renamed and archived; floors edited from the grid editor and archived. An edit adds
 * modules and retires the ones no longer painted, never rewriting a lease: a module under a current
 * or future lease cannot be taken away, and every module kept keeps its id.
 */
@Injectable()
export class FloorSetupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly waitlist: WaitlistTrigger,
    private readonly setup: FloorSetupRepository,
    private readonly floors: FloorRepository,
  ) {}

  buildings(organisationId: string, siteId: string | undefined, includeArchived: boolean): Promise<SetupBuildingResponse[]> {
    return this.setup.buildings(organisationId, siteId ?? null, includeArchived);
  }

  renameBuilding(caller: Caller, buildingId: string, request: UpdateBuildingRequest): Promise<SetupBuildingResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.setup.buildingForUpdate(manager, caller.organisationId, buildingId);
      if (!before) throw SpaceErrors.building_not_found();
      const after = await this.setup.renameBuilding(manager, buildingId, request.name).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw SpaceErrors.building_name_taken({ name: request.name });
        throw error;
      });
      await this.audit.recordBy(manager, caller, { action: 'building.updated', entityType: 'building', entityId: buildingId, before: { name: before.name }, after: { name: after.name } });
      return after;
    });
  }

  /** Archives a building and its floors (refused while a module of one is leased from today on). */
  archiveBuilding(caller: Caller, buildingId: string): Promise<SetupBuildingResponse> {
    return this.dataSource.transaction(async (manager) => {
      const building = await this.setup.buildingForUpdate(manager, caller.organisationId, buildingId);
      if (!building) throw SpaceErrors.building_not_found();
      for (const floorId of await this.setup.liveFloorIds(manager, buildingId)) await this.archiveFloorIn(manager, caller, floorId);
      const after = await this.setup.setBuildingArchived(manager, buildingId, true);
      await this.audit.recordBy(manager, caller, { action: 'building.archived', entityType: 'building', entityId: buildingId });
      return after;
    });
  }

  /** The floor as the editor paints it: its layout (`M`, `.`, `#`), zones, and its live modules with their holders. */
  async grid(organisationId: string, floorId: string): Promise<FloorGridResponse> {
    const floor = await this.setup.floor(organisationId, floorId);
    if (!floor) throw SpaceErrors.floor_not_found();
    const modules = await this.setup.liveModules(floorId);
    return {
      ...floor,
      layout: editorLayout(floor.layout, modules),
      modules: modules.map((m) => ({ id: m.id, col: m.col, row: m.row, leasedBy: m.holder?.startupName ?? null })),
    };
  }

  /** Saves the painted floor: new `M` cells become modules, modules no longer painted are retired. */
  async updateFloor(caller: Caller, floorId: string, request: UpdateFloorRequest): Promise<FloorUpdateResponse> {
    const cells = readLayout(request.layout);
    if (cells.length === 0) throw SpaceErrors.layout_without_modules();
    const lines = normalizedLayout(request.layout);
    const result = await this.dataSource.transaction(async (manager) => {
      const floor = await this.setup.floor(caller.organisationId, floorId, manager, true);
      if (!floor) throw SpaceErrors.floor_not_found();
      if (floor.archivedAt) throw SpaceErrors.floor_archived();
      const live = await this.setup.liveModules(floorId, manager, true);
      const painted = new Set(cells.map(key));
      const kept = new Set(live.map(key));
      const removed = live.filter((m) => !painted.has(key(m)));
      refuseLeased(removed);
      const added = cells.filter((c) => !kept.has(key(c)));
      await this.setup.retireModules(
        manager,
        removed.map((m) => m.id),
      );
      await this.floors.insertModules(manager, caller.organisationId, floorId, added);
      const zones = gridZones(request.zones ?? [], lines);
      await this.setup.updateFloor(manager, floorId, { level: request.level, name: request.name, layout: lines.join('\n'), zones }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw SpaceErrors.floor_level_taken({ level: request.level });
        throw error;
      });
      await this.audit.recordBy(manager, caller, {
        action: 'floor.updated',
        entityType: 'floor',
        entityId: floorId,
        before: { level: floor.level, name: floor.name, layout: floor.layout },
        after: { level: request.level, name: request.name, layout: lines.join('\n'), added: added.length, retired: removed.map((m) => m.id) },
      });
      return { added: added.length, retired: removed.length, moduleCount: cells.length };
    });
    if (result.added > 0) await this.waitlist.spaceFreed(caller.organisationId);
    return result;
  }

  /** Archives a floor: it leaves the lists and its modules are retired (refused while one is leased from today on). */
  async archiveFloor(caller: Caller, floorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const floor = await this.setup.floor(caller.organisationId, floorId, manager, true);
      if (!floor) throw SpaceErrors.floor_not_found();
      if (!floor.archivedAt) await this.archiveFloorIn(manager, caller, floorId);
    });
  }

  private async archiveFloorIn(manager: EntityManager, caller: Caller, floorId: string): Promise<void> {
    const live = await this.setup.liveModules(floorId, manager, true);
    refuseLeased(live);
    await this.setup.retireModules(
      manager,
      live.map((m) => m.id),
    );
    await this.setup.setFloorArchived(manager, floorId, true);
    await this.audit.recordBy(manager, caller, { action: 'floor.archived', entityType: 'floor', entityId: floorId, after: { retired: live.length } });
  }
}

function key(cell: Cell): string {
  return `${cell.col},${cell.row}`;
}

/** The first module among these held by a current or future lease, named by its cell (row and column from 1). */
function refuseLeased(modules: LiveModule[]): void {
  const leased = modules.find((m) => m.holder);
  if (leased?.holder) {
    throw SpaceErrors.floor_module_leased({ row: leased.row + 1, column: leased.col + 1, startupName: leased.holder.startupName, leaseId: leased.holder.leaseId });
  }
}

function readLayout(layout: string): Cell[] {
  try {
    return parseLayout(layout);
  } catch (error) {
    if (error instanceof LayoutSyntaxError) throw SpaceErrors.layout_unreadable({ char: error.char, row: error.row, column: error.column });
    throw error;
  }
}
