import { Cell, connectedComponents, FloorModule, key, MODULE_AREA_M2, modulesForArea, NEIGHBOUR_STEPS, perimeter } from './grid';

export interface FloorFreeSpace {
  floorId: string;
  /** Modules free for the whole requested date range. */
  free: FloorModule[];
}

export interface ProposalRequest {
  areaM2: number;
  /** Where the startup sits today, to prefer offices near it (same floor only). */
  near?: { floorId: string; cells: Cell[] };
  /** How many proposals to return, best first. */
  limit?: number;
}

export interface Proposal {
  floorId: string;
  moduleIds: string[];
  cells: Cell[];
  requestedAreaM2: number;
  areaM2: number;
  perimeter: number;
  /** How many pieces the free space around the office is cut into, minus one (0 is best). */
  fragmentation: number;
  /** Manhattan distance to the startup's current office; null when not on the same floor. */
  distance: number | null;
}

/**
 * Ranked proposals of connected free modules on one floor: compact shapes first (smallest perimeter),
 * then the least fragmentation of the remaining free space, then nearness to the current office.
 *
 * Enumerating every connected shape is exponential, so each free module seeds one shape grown greedily,
 * always adding the free neighbour that keeps the outline shortest (ties: closest to the seed, then
 * reading order). That explores one compact candidate per seed: O(free × size × frontier) per floor.
 */
export function proposeOffices(floors: readonly FloorFreeSpace[], request: ProposalRequest): Proposal[] {
  const size = modulesForArea(request.areaM2);
  const limit = request.limit ?? 5;
  const proposals: Proposal[] = [];
  for (const floor of floors) {
    const nearHere = request.near?.floorId === floor.floorId;
    const components = connectedComponents(floor.free).filter((component) => component.length >= size);
    for (const component of components) {
      const shapes = distinctShapes(component, size)
        .map((shape) => ({ shape, perimeter: perimeter(shape) }))
        .sort((a, b) => a.perimeter - b.perimeter);
      // Fragmentation costs a flood fill per shape, so shapes are scored in perimeter order and the
      // scan stops once `limit` shapes leave the free space whole: later ones have no shorter outline
      // and no lower fragmentation. (With the startup's office on this floor, nearness can still
      // reorder ties, so every shape is scored.)
      let whole = 0;
      for (const { shape } of shapes) {
        if (whole >= limit && !nearHere) break;
        const proposal = score(floor.floorId, component, shape, request);
        if (proposal.fragmentation === 0) whole++;
        proposals.push(proposal);
      }
    }
  }
  proposals.sort(compareProposals);
  return proposals.slice(0, limit);
}

/** One compact shape grown from each free module, duplicates removed. */
function distinctShapes(component: readonly FloorModule[], size: number): FloorModule[][] {
  const byKey = new Map(component.map((m) => [key(m), m]));
  const seen = new Set<string>();
  const shapes: FloorModule[][] = [];
  for (const seed of component) {
    const shape = growCompact(byKey, seed, size);
    if (!shape) continue;
    const signature = shape.map(key).sort((a, b) => a - b).join(';');
    if (seen.has(signature)) continue;
    seen.add(signature);
    shapes.push(shape);
  }
  return shapes;
}

function compareProposals(a: Proposal, b: Proposal): number {
  return (
    a.perimeter - b.perimeter ||
    a.fragmentation - b.fragmentation ||
    (a.distance ?? Number.MAX_SAFE_INTEGER) - (b.distance ?? Number.MAX_SAFE_INTEGER) ||
    compareIds(a.moduleIds, b.moduleIds)
  );
}

/** A stable last tie-break by module ids (plain code-unit order: localeCompare is far slower). */
function compareIds(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

function growCompact(byKey: ReadonlyMap<number, FloorModule>, seed: FloorModule, size: number): FloorModule[] | null {
  const chosen = new Map<number, FloorModule>([[key(seed), seed]]);
  while (chosen.size < size) {
    let best: FloorModule | null = null;
    let bestScore: [number, number, number, number] | null = null;
    for (const k of chosen.keys()) {
      for (const step of NEIGHBOUR_STEPS) {
        const candidate = byKey.get(k + step);
        if (!candidate || chosen.has(k + step)) continue;
        // Touching more chosen cells shortens the outline; nearer the seed keeps the shape round.
        let touching = 0;
        for (const s of NEIGHBOUR_STEPS) if (chosen.has(k + step + s)) touching++;
        const candidateScore: [number, number, number, number] = [
          -touching,
          Math.abs(candidate.col - seed.col) + Math.abs(candidate.row - seed.row),
          candidate.row,
          candidate.col,
        ];
        if (!bestScore || lexLess(candidateScore, bestScore)) {
          best = candidate;
          bestScore = candidateScore;
        }
      }
    }
    if (!best) return null;
    chosen.set(key(best), best);
  }
  return [...chosen.values()];
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

function score(floorId: string, component: readonly FloorModule[], shape: FloorModule[], request: ProposalRequest): Proposal {
  const taken = new Set(shape.map(key));
  const remaining = component.filter((m) => !taken.has(key(m)));
  const fragmentation = remaining.length === 0 ? 0 : connectedComponents(remaining).length - 1;
  const near = request.near && request.near.floorId === floorId && request.near.cells.length ? request.near.cells : null;
  const sorted = [...shape].sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    floorId,
    moduleIds: sorted.map((m) => m.id),
    cells: sorted.map(({ col, row }) => ({ col, row })),
    requestedAreaM2: request.areaM2,
    areaM2: shape.length * MODULE_AREA_M2,
    perimeter: perimeter(shape),
    fragmentation,
    distance: near ? minDistance(shape, near) : null,
  };
}

function minDistance(a: readonly Cell[], b: readonly Cell[]): number {
  let best = Number.MAX_SAFE_INTEGER;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x.col - y.col) + Math.abs(x.row - y.row));
  return best;
}
