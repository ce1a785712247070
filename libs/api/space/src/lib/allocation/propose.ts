import { Cell, connectedComponents, FloorModule, key, MODULE_AREA_M2, modulesForArea, neighbours, perimeter } from './grid';

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
  const proposals: Proposal[] = [];
  for (const floor of floors) {
    const components = connectedComponents(floor.free).filter((component) => component.length >= size);
    for (const component of components) {
      const seen = new Set<string>();
      for (const seed of component) {
        const shape = growCompact(component, seed, size);
        if (!shape) continue;
        const signature = shape.map(key).sort().join(';');
        if (seen.has(signature)) continue;
        seen.add(signature);
        proposals.push(score(floor.floorId, component, shape, request));
      }
    }
  }
  proposals.sort(compareProposals);
  return proposals.slice(0, request.limit ?? 5);
}

function compareProposals(a: Proposal, b: Proposal): number {
  return (
    a.perimeter - b.perimeter ||
    a.fragmentation - b.fragmentation ||
    (a.distance ?? Number.MAX_SAFE_INTEGER) - (b.distance ?? Number.MAX_SAFE_INTEGER) ||
    a.moduleIds.join().localeCompare(b.moduleIds.join())
  );
}

function growCompact(component: readonly FloorModule[], seed: FloorModule, size: number): FloorModule[] | null {
  const byKey = new Map(component.map((m) => [key(m), m]));
  const chosen = new Map<string, FloorModule>([[key(seed), seed]]);
  while (chosen.size < size) {
    let best: FloorModule | null = null;
    let bestScore: [number, number, number, number] | null = null;
    for (const cell of chosen.values()) {
      for (const next of neighbours(cell)) {
        const candidate = byKey.get(key(next));
        if (!candidate || chosen.has(key(candidate))) continue;
        // Touching more chosen cells shortens the outline; nearer the seed keeps the shape round.
        const touching = neighbours(candidate).filter((n) => chosen.has(key(n))).length;
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
