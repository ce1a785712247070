/**
 * A floor is a grid of 24 m² modules; a module is one cell (col, row). Two modules are adjacent
 * when their cells share an edge. Everything here is pure and synchronous.
 */
export const MODULE_AREA_M2 = 24;

export interface Cell {
  col: number;
  row: number;
}

export interface FloorModule extends Cell {
  id: string;
}

/**
 * The one rule for requested areas: round UP to whole modules, at least one — 1 m² → 1 module,
 * 24 → 1, 24.01 → 2, 50 → 3. Requests carry at most 2 decimals (the API refuses more), so the area is
 * counted in whole hundredths of m², where the division is exact: no float tolerance that would turn
 * 24.00000001 into 24 m². Used by proposals, leases and the waitlist.
 */
export function modulesForArea(areaM2: number): number {
  if (!Number.isFinite(areaM2) || areaM2 <= 0) throw new RangeError('The requested area must be a positive number of m²');
  const hundredths = Math.round(areaM2 * 100);
  // A value with more decimals than the API accepts still rounds up, never down.
  const exact = hundredths / 100 === areaM2 ? hundredths : Math.ceil(areaM2 * 100);
  return Math.max(1, Math.ceil(exact / (MODULE_AREA_M2 * 100)));
}

/** A requested area as stored and shown: rounded up to whole 24 m² modules (50 m² → 72 m²). */
export function roundUpToModules(areaM2: number): number {
  return modulesForArea(areaM2) * MODULE_AREA_M2;
}

/** A cell's identity as a number (cheaper than a string in the hot loops); floors stay under 65,536 columns. */
export const key = (cell: Cell): number => cell.row * 65_536 + cell.col;

/** Offsets from a cell's key to its four edge neighbours' keys (right, left, down, up). */
export const NEIGHBOUR_STEPS = [1, -1, 65_536, -65_536] as const;

export function neighbours(cell: Cell): Cell[] {
  return [
    { col: cell.col + 1, row: cell.row },
    { col: cell.col - 1, row: cell.row },
    { col: cell.col, row: cell.row + 1 },
    { col: cell.col, row: cell.row - 1 },
  ];
}

/** Edges of the shape's outline: 4 per cell minus 2 per shared edge. Smaller is more compact. */
export function perimeter(cells: readonly Cell[]): number {
  const set = new Set(cells.map(key));
  let shared = 0;
  for (const cell of cells) {
    const k = key(cell);
    for (const step of NEIGHBOUR_STEPS) if (set.has(k + step)) shared++;
  }
  return 4 * cells.length - shared; // each shared edge was counted from both sides
}

/** True when every cell can reach every other through shared edges (an empty set is not an office). */
export function isConnected(cells: readonly Cell[]): boolean {
  if (cells.length === 0) return false;
  return connectedComponents(cells).length === 1;
}

/** Splits cells into groups connected through shared edges (numeric keys, no allocation per step: a hot path). */
export function connectedComponents<T extends Cell>(cells: readonly T[]): T[][] {
  const index = new Map<number, number>();
  cells.forEach((cell, i) => index.set(key(cell), i));
  const seen = new Uint8Array(cells.length);
  const components: T[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (seen[start]) continue;
    const component: T[] = [];
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop() as number;
      component.push(cells[i]);
      const k = key(cells[i]);
      for (const step of NEIGHBOUR_STEPS) {
        const j = index.get(k + step);
        if (j !== undefined && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    components.push(component);
  }
  return components;
}

export type ResizeCheck = { ok: true } | { ok: false; reason: 'not-connected' | 'not-one-step' };

/**
 * An office grows or shrinks one module at a time and stays in one piece; shrinking to nothing
 * ends the lease. `current` and `next` are the office's cells before and after.
 */
export function checkResize(current: readonly Cell[], next: readonly Cell[]): ResizeCheck {
  const before = new Set(current.map(key));
  const after = new Set(next.map(key));
  const added = [...after].filter((k) => !before.has(k)).length;
  const removed = [...before].filter((k) => !after.has(k)).length;
  const oneStep = (added === 1 && removed === 0) || (added === 0 && removed === 1) || next.length === 0;
  if (!oneStep) return { ok: false, reason: 'not-one-step' };
  if (next.length > 0 && !isConnected(next)) return { ok: false, reason: 'not-connected' };
  return { ok: true };
}

/** The smallest box holding every cell (Infinity bounds for none). */
export function boundingBox(cells: readonly Cell[]): { minCol: number; minRow: number; maxCol: number; maxRow: number } {
  let minCol = Infinity;
  let minRow = Infinity;
  let maxCol = -Infinity;
  let maxRow = -Infinity;
  for (const c of cells) {
    minCol = Math.min(minCol, c.col);
    maxCol = Math.max(maxCol, c.col);
    minRow = Math.min(minRow, c.row);
    maxRow = Math.max(maxRow, c.row);
  }
  return { minCol, minRow, maxCol, maxRow };
}

/**
 * The Manhattan distance from any cell of `area` to the nearest of `targets`, as a lookup. Computed
 * once for the box around both sets with the two-pass distance transform (exact for this metric), so
 * each lookup costs one array read instead of a scan of every target.
 */
export function manhattanDistanceTo(targets: readonly Cell[], area: readonly Cell[]): (cell: Cell) => number {
  const { minCol, minRow, maxCol, maxRow } = boundingBox([...targets, ...area]);
  const width = maxCol - minCol + 1;
  const height = maxRow - minRow + 1;
  const distance = new Int32Array(width * height).fill(width + height);
  for (const t of targets) distance[(t.row - minRow) * width + (t.col - minCol)] = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      if (c > 0) distance[i] = Math.min(distance[i], distance[i - 1] + 1);
      if (r > 0) distance[i] = Math.min(distance[i], distance[i - width] + 1);
    }
  }
  for (let r = height - 1; r >= 0; r--) {
    for (let c = width - 1; c >= 0; c--) {
      const i = r * width + c;
      if (c < width - 1) distance[i] = Math.min(distance[i], distance[i + 1] + 1);
      if (r < height - 1) distance[i] = Math.min(distance[i], distance[i + width] + 1);
    }
  }
  return (cell) => distance[(cell.row - minRow) * width + (cell.col - minCol)];
}
