import type { FloorPlanModule, FloorPlanResponse, FloorResponse } from '@incubator/contracts';
import { MODULE_AREA_M2 } from './allocation/grid';

export function floorResponse(floor: Omit<FloorResponse, 'leasableM2'>): FloorResponse {
  return { ...floor, leasableM2: floor.moduleCount * MODULE_AREA_M2 };
}

/** A floor's modules on a day (ordered by row, then column) as the plan the client draws. */
export function floorPlan(floor: FloorResponse, on: string, all: FloorPlanModule[]): FloorPlanResponse {
  // A cell repainted after its module was retired holds a new module: the old one, free that day, is not drawn under it.
  const live = new Set(all.filter((m) => !m.retired).map((m) => `${m.col},${m.row}`));
  const modules = all.filter((m) => !m.retired || m.lease !== null || !live.has(`${m.col},${m.row}`));
  let columns = 0;
  let rows = 0;
  for (const m of modules) {
    columns = Math.max(columns, m.col + 1);
    rows = Math.max(rows, m.row + 1);
  }
  return { floor, on, columns, rows, modules };
}
