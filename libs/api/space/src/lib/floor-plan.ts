import type { DataSource } from 'typeorm';
import type { FloorPlanModule, FloorPlanResponse, FloorResponse } from '@incubator/contracts';
import { MODULE_AREA_M2 } from './allocation/grid';

export const FLOOR_SELECT = `
  SELECT f.id, f.building_id, f.level, f.name,
         (SELECT count(*)::int FROM modules m WHERE m.floor_id = f.id AND m.retired_at IS NULL) AS module_count
  FROM floors f`;

export function toFloor(row: Record<string, unknown>): FloorResponse {
  return floorResponse({
    id: row['id'] as string,
    buildingId: row['building_id'] as string,
    level: row['level'] as number,
    name: row['name'] as string,
    moduleCount: row['module_count'] as number,
  });
}

export function floorResponse(floor: Omit<FloorResponse, 'leasableM2'>): FloorResponse {
  return { ...floor, leasableM2: floor.moduleCount * MODULE_AREA_M2 };
}

/** A floor's modules on a day (ordered by row, then column) as the plan the client draws. */
export function floorPlan(floor: FloorResponse, on: string, modules: FloorPlanModule[]): FloorPlanResponse {
  let columns = 0;
  let rows = 0;
  for (const m of modules) {
    columns = Math.max(columns, m.col + 1);
    rows = Math.max(rows, m.row + 1);
  }
  return { floor, on, columns, rows, modules };
}

/**
 * The plan read with SQL: the reference the in-memory plan (`SpaceSnapshot.floorPlan`) is tested
 * against, and the benchmark's floor for the plan endpoint. Null when the organisation has no such floor.
 */
export async function floorPlanFromSql(dataSource: DataSource, organisationId: string, floorId: string, on: string): Promise<FloorPlanResponse | null> {
  const [floor] = await dataSource.query(`${FLOOR_SELECT} WHERE f.id = $1 AND f.organisation_id = $2`, [floorId, organisationId]);
  if (!floor) return null;
  // One probe of the exclusion index per module of the floor (at most one lease holds a module on a
  // day): a plain join let the planner hash every lease_modules row of every organisation and year.
  const modules: PlanModuleRow[] = await dataSource.query(
    `SELECT m.id, m.col, m."row", m.retired_at IS NOT NULL AS retired, l.id AS lease_id, l.startup_id, s.legal_name AS startup_name
     FROM modules m
     LEFT JOIN LATERAL (SELECT lm.lease_id FROM lease_modules lm WHERE lm.module_id = m.id AND lm.period @> $2::date LIMIT 1) lm ON true
     LEFT JOIN leases l ON l.id = lm.lease_id
     LEFT JOIN startups s ON s.id = l.startup_id
     WHERE m.floor_id = $1 ORDER BY m."row", m.col`,
    [floorId, on],
  );
  return floorPlan(
    toFloor(floor),
    on,
    modules.map((m) => ({
      id: m.id,
      col: m.col,
      row: m.row,
      retired: m.retired,
      lease: m.lease_id ? { id: m.lease_id, startupId: m.startup_id as string, startupName: m.startup_name as string } : null,
    })),
  );
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
