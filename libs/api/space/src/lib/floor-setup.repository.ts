import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { FloorZone, SetupBuildingResponse } from '@incubator/contracts';

interface BuildingRow {
  id: string;
  site_id: string;
  name: string;
  archived_at: Date | null;
}

interface FloorGridRow {
  id: string;
  building_id: string;
  level: number;
  name: string;
  layout: string;
  zones: FloorZone[];
  archived_at: Date | null;
}

interface LiveModuleRow {
  id: string;
  col: number;
  row: number;
  lease_id: string | null;
  startup_name: string | null;
}

/** A floor as the editor reads and writes it. */
export interface StoredFloorGrid {
  id: string;
  buildingId: string;
  level: number;
  name: string;
  layout: string;
  zones: FloorZone[];
  archivedAt: string | null;
}

/** A module not retired, and the current or future lease holding it, if any. */
export interface LiveModule {
  id: string;
  col: number;
  row: number;
  holder: { leaseId: string; startupName: string } | null;
}

/** The statements of the space set-up: buildings renamed and archived, floors edited from the grid and archived. */
@Injectable()
export class FloorSetupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async buildings(organisationId: string, siteId: string | null, includeArchived: boolean, db: Queryable = this.dataSource): Promise<SetupBuildingResponse[]> {
    const rows = await db.query<BuildingRow[]>(
      `SELECT id, site_id, name, archived_at FROM buildings
       WHERE organisation_id = $1 AND ($2::uuid IS NULL OR site_id = $2) AND ($3::boolean OR archived_at IS NULL) ORDER BY lower(name), id`,
      [organisationId, siteId, includeArchived],
    );
    return rows.map(toBuilding);
  }

  async buildingForUpdate(db: Queryable, organisationId: string, buildingId: string): Promise<SetupBuildingResponse | undefined> {
    const [row] = await db.query<BuildingRow[]>('SELECT id, site_id, name, archived_at FROM buildings WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [
      buildingId,
      organisationId,
    ]);
    return row && toBuilding(row);
  }

  /** A name the site already has (any case) fails with a unique violation. */
  async renameBuilding(db: Queryable, buildingId: string, name: string): Promise<SetupBuildingResponse> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[row]] = await db.query<[BuildingRow[], number]>('UPDATE buildings SET name = $2 WHERE id = $1 RETURNING id, site_id, name, archived_at', [buildingId, name]);
    return toBuilding(row);
  }

  async setBuildingArchived(db: Queryable, buildingId: string, archived: boolean): Promise<SetupBuildingResponse> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[row]] = await db.query<[BuildingRow[], number]>(
      'UPDATE buildings SET archived_at = CASE WHEN $2::boolean THEN coalesce(archived_at, now()) END WHERE id = $1 RETURNING id, site_id, name, archived_at',
      [buildingId, archived],
    );
    return toBuilding(row);
  }

  /** The ids of the building's floors not archived yet. */
  async liveFloorIds(db: Queryable, buildingId: string): Promise<string[]> {
    const rows = await db.query<Array<{ id: string }>>('SELECT id FROM floors WHERE building_id = $1 AND archived_at IS NULL ORDER BY level', [buildingId]);
    return rows.map((row) => row.id);
  }

  async floor(organisationId: string, floorId: string, db: Queryable = this.dataSource, lock = false): Promise<StoredFloorGrid | undefined> {
    const [row] = await db.query<FloorGridRow[]>(
      `SELECT id, building_id, level, name, layout, zones, archived_at FROM floors WHERE id = $1 AND organisation_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [floorId, organisationId],
    );
    return row && toFloorGrid(row);
  }

  /** The floor's modules that are not retired, by row then column, with who holds each from today on. */
  async liveModules(floorId: string, db: Queryable = this.dataSource, lock = false): Promise<LiveModule[]> {
    const rows = await db.query<LiveModuleRow[]>(
      `SELECT m.id, m.col, m."row", h.lease_id, h.startup_name
       FROM modules m
       LEFT JOIN LATERAL (
         SELECT l.id AS lease_id, s.legal_name AS startup_name
         FROM lease_modules lm JOIN leases l ON l.id = lm.lease_id JOIN startups s ON s.id = l.startup_id
         WHERE lm.module_id = m.id AND (upper(lm.period) IS NULL OR upper(lm.period) > current_date)
         ORDER BY lower(lm.period) LIMIT 1
       ) h ON true
       WHERE m.floor_id = $1 AND m.retired_at IS NULL ORDER BY m."row", m.col${lock ? ' FOR UPDATE OF m' : ''}`,
      [floorId],
    );
    return rows.map(toLiveModule);
  }

  /** A level the building already has fails with a unique violation. */
  async updateFloor(db: Queryable, floorId: string, floor: { level: number; name: string; layout: string; zones: FloorZone[] }): Promise<void> {
    await db.query('UPDATE floors SET level = $2, name = $3, layout = $4, zones = $5::jsonb WHERE id = $1', [
      floorId,
      floor.level,
      floor.name,
      floor.layout,
      JSON.stringify(floor.zones),
    ]);
  }

  async retireModules(db: Queryable, moduleIds: string[]): Promise<void> {
    if (moduleIds.length === 0) return;
    await db.query('UPDATE modules SET retired_at = now() WHERE id = ANY($1::uuid[]) AND retired_at IS NULL', [moduleIds]);
  }

  async setFloorArchived(db: Queryable, floorId: string, archived: boolean): Promise<void> {
    await db.query('UPDATE floors SET archived_at = CASE WHEN $2::boolean THEN coalesce(archived_at, now()) END WHERE id = $1', [floorId, archived]);
  }
}

function toBuilding(row: BuildingRow): SetupBuildingResponse {
  return { id: row.id, siteId: row.site_id, name: row.name, archivedAt: row.archived_at ? row.archived_at.toISOString() : null };
}

function toFloorGrid(row: FloorGridRow): StoredFloorGrid {
  return {
    id: row.id,
    buildingId: row.building_id,
    level: row.level,
    name: row.name,
    layout: row.layout,
    zones: row.zones,
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
  };
}

function toLiveModule(row: LiveModuleRow): LiveModule {
  return {
    id: row.id,
    col: row.col,
    row: row.row,
    holder: row.lease_id && row.startup_name !== null ? { leaseId: row.lease_id, startupName: row.startup_name } : null,
  };
}
