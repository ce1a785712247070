import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { FloorPlanModule, FloorPlanResponse, FloorResponse } from '@incubator/contracts';
import type { Cell } from './allocation/grid';
import { floorPlan, floorResponse } from './floor-plan';

const FLOOR_SELECT = `
  SELECT f.id, f.building_id, f.level, f.name,
         (SELECT count(*)::int FROM modules m WHERE m.floor_id = f.id AND m.retired_at IS NULL) AS module_count
  FROM floors f`;

interface FloorRow {
  id: string;
  building_id: string;
  level: number;
  name: string;
  module_count: number;
}

/** A module as offices are drawn from it: its floor and its cell. */
export interface ModuleCell {
  id: string;
  floor_id: string;
  col: number;
  row: number;
}

interface ModuleStateRow {
  id: string;
  retired_at: Date | null;
}

interface PlanModuleRow {
  id: string;
  col: number;
  row: number;
  retired: boolean;
  lease_id: string | null;
  startup_id: string | null;
  startup_name: string | null;
}

/** Every statement on floors and their modules. */
@Injectable()
export class FloorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, buildingId: string | null, db: Queryable = this.dataSource): Promise<FloorResponse[]> {
    const rows = await db.query<FloorRow[]>(`${FLOOR_SELECT} WHERE f.organisation_id = $1 AND ($2::uuid IS NULL OR f.building_id = $2) AND f.archived_at IS NULL ORDER BY f.level`, [
      organisationId,
      buildingId,
    ]);
    return rows.map(toFloor);
  }

  /** A floor by id (the caller has checked it is the organisation's). */
  async get(floorId: string, db: Queryable = this.dataSource): Promise<FloorResponse | undefined> {
    const [row] = await db.query<FloorRow[]>(`${FLOOR_SELECT} WHERE f.id = $1`, [floorId]);
    return row && toFloor(row);
  }

  /** The new floor's id; a level the building already has fails with a unique violation. */
  async insert(db: Queryable, organisationId: string, floor: { buildingId: string; level: number; name: string; layout: string }): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>('INSERT INTO floors (organisation_id, building_id, level, name, layout) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      organisationId,
      floor.buildingId,
      floor.level,
      floor.name,
      floor.layout,
    ]);
    return row.id;
  }

  async insertModules(db: Queryable, organisationId: string, floorId: string, cells: Cell[]): Promise<void> {
    await db.query(
      `INSERT INTO modules (organisation_id, floor_id, col, "row")
       SELECT $1, $2, c.col, c.row FROM jsonb_to_recordset($3::jsonb) AS c(col int, "row" int)`,
      [organisationId, floorId, JSON.stringify(cells)],
    );
  }

  /** The organisation's module, locked for the transaction; undefined when it has none. */
  async moduleForUpdate(db: Queryable, organisationId: string, moduleId: string): Promise<{ id: string; retired: boolean } | undefined> {
    const [row] = await db.query<ModuleStateRow[]>('SELECT id, retired_at FROM modules WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [moduleId, organisationId]);
    return row && { id: row.id, retired: row.retired_at !== null };
  }

  async retireModule(db: Queryable, moduleId: string): Promise<void> {
    await db.query('UPDATE modules SET retired_at = now() WHERE id = $1', [moduleId]);
  }

  /** The organisation's modules among these ids that are not retired (fewer rows than ids when some are missing). */
  async rentableModules(db: Queryable, organisationId: string, moduleIds: string[]): Promise<ModuleCell[]> {
    return db.query<ModuleCell[]>(`SELECT id, floor_id, col, "row" FROM modules WHERE id = ANY($1::uuid[]) AND organisation_id = $2 AND retired_at IS NULL`, [
      moduleIds,
      organisationId,
    ]);
  }

  planFromSql(organisationId: string, floorId: string, on: string, db: Queryable = this.dataSource): Promise<FloorPlanResponse | null> {
    return floorPlanFromSql(db, organisationId, floorId, on);
  }
}

/**
 * The plan read with SQL: the reference the in-memory plan (`SpaceSnapshot.floorPlan`) is tested
 * against, and the benchmark's floor for the plan endpoint. Null when the organisation has no such floor.
 */
export async function floorPlanFromSql(db: Queryable, organisationId: string, floorId: string, on: string): Promise<FloorPlanResponse | null> {
  const [floor] = await db.query<FloorRow[]>(`${FLOOR_SELECT} WHERE f.id = $1 AND f.organisation_id = $2`, [floorId, organisationId]);
  if (!floor) return null;
  // One probe of the exclusion index per module of the floor (at most one lease holds a module on a
  // day): a plain join let the planner hash every lease_modules row of every organisation and year.
  const modules = await db.query<PlanModuleRow[]>(
    `SELECT m.id, m.col, m."row", m.retired_at IS NOT NULL AS retired, l.id AS lease_id, l.startup_id, s.legal_name AS startup_name
     FROM modules m
     LEFT JOIN LATERAL (SELECT lm.lease_id FROM lease_modules lm WHERE lm.module_id = m.id AND lm.period @> $2::date LIMIT 1) lm ON true
     LEFT JOIN leases l ON l.id = lm.lease_id
     LEFT JOIN startups s ON s.id = l.startup_id
     WHERE m.floor_id = $1 ORDER BY m."row", m.col`,
    [floorId, on],
  );
  return floorPlan(toFloor(floor), on, modules.map(toPlanModule));
}

function toFloor(row: FloorRow): FloorResponse {
  return floorResponse({ id: row.id, buildingId: row.building_id, level: row.level, name: row.name, moduleCount: row.module_count });
}

function toPlanModule(row: PlanModuleRow): FloorPlanModule {
  return {
    id: row.id,
    col: row.col,
    row: row.row,
    retired: row.retired,
    lease: row.lease_id && row.startup_id && row.startup_name !== null ? { id: row.lease_id, startupId: row.startup_id, startupName: row.startup_name } : null,
  };
}
