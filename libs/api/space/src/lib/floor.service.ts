import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { BuildingResponse, CreateBuildingRequest, CreateFloorRequest, FloorPlanResponse, FloorResponse } from '@incubator/contracts';
import { parseLayout } from './allocation/layout';
import { isUniqueViolation } from '@incubator/api/sql';
import { WaitlistTrigger } from './waitlist-trigger';
import { FLOOR_SELECT, toFloor } from './floor-plan';
import { SpaceSnapshots } from './space-snapshot';

/** Buildings, floors created from a compact layout, and floor plans on a given day. */
@Injectable()
export class FloorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly waitlist: WaitlistTrigger,
    private readonly snapshots: SpaceSnapshots,
  ) {}

  async buildings(organisationId: string, siteId?: string): Promise<BuildingResponse[]> {
    const rows = await this.dataSource.query(
      'SELECT id, site_id, name FROM buildings WHERE organisation_id = $1 AND ($2::uuid IS NULL OR site_id = $2) ORDER BY lower(name)',
      [organisationId, siteId ?? null],
    );
    return rows.map((r: Record<string, string>) => ({ id: r['id'], siteId: r['site_id'], name: r['name'] }));
  }

  async createBuilding(caller: Caller, request: CreateBuildingRequest): Promise<BuildingResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [site] = await manager.query('SELECT 1 FROM sites WHERE id = $1 AND organisation_id = $2', [request.siteId, caller.organisationId]);
      if (!site) throw new NotFoundException('No such site in this organisation');
      const [row] = await manager
        .query('INSERT INTO buildings (organisation_id, site_id, name) VALUES ($1, $2, $3) RETURNING id', [caller.organisationId, request.siteId, request.name])
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictException({ message: 'This site already has a building with that name', fields: { name: ['name is already used on this site'] } });
          throw error;
        });
      await this.audit.recordBy(manager, caller, { action: 'building.created', entityType: 'building', entityId: row.id, after: { ...request } });
      return { id: row.id, siteId: request.siteId, name: request.name };
    });
  }

  async floors(organisationId: string, buildingId?: string): Promise<FloorResponse[]> {
    const rows = await this.dataSource.query(
      `${FLOOR_SELECT} WHERE f.organisation_id = $1 AND ($2::uuid IS NULL OR f.building_id = $2) ORDER BY f.level`,
      [organisationId, buildingId ?? null],
    );
    return rows.map(toFloor);
  }

  /** Creates a floor and its modules from a layout of `M` (module) and `.` (not rentable) cells. */
  async createFloor(caller: Caller, request: CreateFloorRequest): Promise<FloorResponse> {
    let cells;
    try {
      cells = parseLayout(request.layout);
    } catch (error) {
      throw new BadRequestException({ message: 'The layout cannot be read', fields: { layout: [(error as Error).message] } });
    }
    if (cells.length === 0) throw new BadRequestException({ message: 'A floor needs modules', fields: { layout: ['layout must contain at least one M'] } });
    const id = await this.dataSource.transaction(async (manager) => {
      const [building] = await manager.query('SELECT 1 FROM buildings WHERE id = $1 AND organisation_id = $2', [request.buildingId, caller.organisationId]);
      if (!building) throw new NotFoundException('No such building in this organisation');
      const [floor] = await manager
        .query('INSERT INTO floors (organisation_id, building_id, level, name, layout) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
          caller.organisationId,
          request.buildingId,
          request.level,
          request.name,
          request.layout,
        ])
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictException({ message: 'This building already has that level', fields: { level: ['level is already used in this building'] } });
          throw error;
        });
      await manager.query(
        `INSERT INTO modules (organisation_id, floor_id, col, "row")
         SELECT $1, $2, c.col, c.row FROM jsonb_to_recordset($3::jsonb) AS c(col int, "row" int)`,
        [caller.organisationId, floor.id, JSON.stringify(cells)],
      );
      await this.audit.recordBy(manager, caller, {
        action: 'floor.created',
        entityType: 'floor',
        entityId: floor.id,
        after: { ...request, modules: cells.length },
      });
      return floor.id as string;
    });
    await this.waitlist.spaceFreed(caller.organisationId);
    const [created] = await this.dataSource.query(`${FLOOR_SELECT} WHERE f.id = $1`, [id]);
    return toFloor(created);
  }

  /**
   * Takes a module out of the rentable space from now on (e.g. turned into a meeting room). Its past
   * leases stay as they were; a module leased today or later cannot be retired (409).
   */
  async retireModule(caller: Caller, moduleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [module] = await manager.query('SELECT id, retired_at FROM modules WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [moduleId, caller.organisationId]);
      if (!module) throw new NotFoundException('No such module');
      if (module.retired_at) throw new ConflictException('This module is already retired');
      const [lease] = await manager.query(
        `SELECT l.id, s.legal_name FROM lease_modules lm JOIN leases l ON l.id = lm.lease_id JOIN startups s ON s.id = l.startup_id
         WHERE lm.module_id = $1 AND (upper(lm.period) IS NULL OR upper(lm.period) > current_date) LIMIT 1`,
        [moduleId],
      );
      if (lease) throw new ConflictException(`Leased to ${lease.legal_name} (lease ${lease.id}); end or resize that lease first`);
      await manager.query('UPDATE modules SET retired_at = now() WHERE id = $1', [moduleId]);
      await this.audit.recordBy(manager, caller, { action: 'module.retired', entityType: 'module', entityId: moduleId });
    });
  }

  /** The floor on a day, from the organisation's space snapshot (one read of the space version when nothing changed). */
  async plan(organisationId: string, floorId: string, on: string): Promise<FloorPlanResponse> {
    const plan = (await this.snapshots.of(organisationId)).floorPlan(floorId, on);
    if (!plan) throw new NotFoundException('No such floor');
    return plan;
  }
}
