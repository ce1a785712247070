import { FloorPlanModule, FloorPlanResponse, moduleName } from '@incubator/contracts';

export { moduleName };

export type ModuleState = 'free' | 'leased' | 'retired';

export interface Cell {
  col: number;
  row: number;
}

export interface PlanCell extends Cell {
  module: FloorPlanModule;
  state: ModuleState;
  /** The lease's colour (one per startup); null when free or retired. */
  colour: string | null;
}

export interface LegendEntry {
  startupId: string;
  startupName: string;
  colour: string;
  areaM2: number;
}

export const MODULE_M2 = 24;

/** Distinct on a light background, and readable by most colour-blind people in pairs. */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];

export function moduleState(module: FloorPlanModule): ModuleState {
  return module.retired ? 'retired' : module.lease ? 'leased' : 'free';
}

/** Each startup on the floor gets a colour, in the order of its first module, so the plan reads the same each time. */
export function planCells(plan: FloorPlanResponse): PlanCell[] {
  const colours = startupColours(plan);
  return [...plan.modules]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((module) => {
      const state = moduleState(module);
      return {
        col: module.col,
        row: module.row,
        module,
        state,
        colour: state === 'leased' && module.lease ? (colours.get(module.lease.startupId) ?? null) : null,
      };
    });
}

export function legend(plan: FloorPlanResponse): LegendEntry[] {
  const colours = startupColours(plan);
  const entries = new Map<string, LegendEntry>();
  for (const module of plan.modules) {
    if (module.retired || !module.lease) {
      continue;
    }
    const { startupId, startupName } = module.lease;
    const entry = entries.get(startupId) ?? { startupId, startupName, colour: colours.get(startupId) ?? '', areaM2: 0 };
    entry.areaM2 += MODULE_M2;
    entries.set(startupId, entry);
  }
  return [...entries.values()].sort((a, b) => a.startupName.localeCompare(b.startupName));
}

function startupColours(plan: FloorPlanResponse): Map<string, string> {
  const colours = new Map<string, string>();
  const ordered = [...plan.modules].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const module of ordered) {
    if (module.lease && !module.retired && !colours.has(module.lease.startupId)) {
      colours.set(module.lease.startupId, PALETTE[colours.size % PALETTE.length]);
    }
  }
  return colours;
}

/** Two modules are adjacent when their cells share an edge (not a corner). */
export function isAdjacent(a: Cell, b: Cell): boolean {
  return Math.abs(a.col - b.col) + Math.abs(a.row - b.row) === 1;
}

export function touches(cell: Cell, office: readonly Cell[]): boolean {
  return office.some((other) => isAdjacent(cell, other));
}

/** Why a click during a resize proposes no change (the page words it). */
export type ResizeRefusal = 'leased' | 'retired' | 'notAdjacent' | 'ownModule' | 'notInOffice' | 'lastModule';

/**
 * Why a click during a resize proposes no change, or null when it does: growing takes a free module
 * next to the office; shrinking gives back one of the office's modules, never the last one. (The API
 * checks that the office stays in one piece.)
 */
export function resizeRefusal(mode: 'grow' | 'shrink', cell: PlanCell, leaseId: string, office: readonly Cell[]): ResizeRefusal | null {
  const own = cell.state === 'leased' && cell.module.lease?.id === leaseId;
  if (mode === 'grow') {
    if (own) return 'ownModule';
    if (cell.state === 'retired') return 'retired';
    if (cell.state === 'leased') return 'leased';
    return touches(cell, office) ? null : 'notAdjacent';
  }
  if (!own) return 'notInOffice';
  return office.length > 1 ? null : 'lastModule';
}

export function resizeTarget(mode: 'grow' | 'shrink', cell: PlanCell, leaseId: string, office: readonly Cell[]): boolean {
  return resizeRefusal(mode, cell, leaseId, office) === null;
}

/** The office's module names in reading order: "A1 B1 C1". */
export function moduleNames(cells: readonly Cell[]): string {
  return [...cells]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map(moduleName)
    .join(' ');
}

/** A layout textarea as rows of cells: `M` a module, anything else not rentable. */
export function parseLayout(layout: string): { columns: number; rows: number; modules: Cell[] } {
  const lines = layout.replace(/\r/g, '').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') {
    lines.pop();
  }
  const modules: Cell[] = [];
  lines.forEach((line, row) =>
    [...line].forEach((char, col) => {
      if (char === 'M' || char === 'm') {
        modules.push({ col, row });
      }
    }),
  );
  return { columns: Math.max(0, ...lines.map((line) => line.length)), rows: lines.length, modules };
}
