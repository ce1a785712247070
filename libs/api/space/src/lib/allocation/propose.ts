import { boundingBox, Cell, connectedComponents, FloorModule, key, manhattanDistanceTo, MODULE_AREA_M2, modulesForArea } from './grid';

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
  // Every candidate with what is cheap to know (outline, nearness, ids); fragmentation costs a flood
  // fill, so it is computed only for the candidates that can still make the top `limit`.
  const candidates: Candidate[] = [];
  for (const floor of floors) {
    const near = request.near && request.near.floorId === floor.floorId && request.near.cells.length ? request.near.cells : null;
    const distanceToOffice = near ? manhattanDistanceTo(near, floor.free) : null;
    for (const component of connectedComponents(floor.free).filter((c) => c.length >= size)) {
      for (const shape of distinctShapes(component, size)) {
        const { sorted, perimeter } = shape;
        candidates.push({ floorId: floor.floorId, component, sorted, perimeter, distance: distanceToOffice ? Math.min(...sorted.map(distanceToOffice)) : null, ids: sorted.map((m) => m.id) });
      }
    }
  }
  // Ranking is perimeter, then fragmentation, then distance, then ids. Within one perimeter, scanning in
  // (distance, ids) order, the first `wanted` whole candidates (fragmentation 0) beat every later one:
  // the scan of that perimeter stops there, and no larger perimeter is looked at once `limit` are found.
  candidates.sort(
    (a, b) =>
      a.perimeter - b.perimeter ||
      (a.distance ?? Number.MAX_SAFE_INTEGER) - (b.distance ?? Number.MAX_SAFE_INTEGER) ||
      compareIds(a.ids, b.ids),
  );
  const result: Proposal[] = [];
  for (let start = 0; start < candidates.length && result.length < limit; ) {
    let end = start;
    while (end < candidates.length && candidates[end].perimeter === candidates[start].perimeter) end++;
    const wanted = limit - result.length;
    const scored: Proposal[] = [];
    let whole = 0;
    for (let i = start; i < end && whole < wanted; i++) {
      const proposal = score(candidates[i], request);
      if (proposal.fragmentation === 0) whole++;
      scored.push(proposal);
    }
    scored.sort(compareProposals);
    result.push(...scored.slice(0, wanted));
    start = end;
  }
  return result;
}

interface Candidate {
  floorId: string;
  component: readonly FloorModule[];
  /** The shape's modules in reading order (row, then column). */
  sorted: FloorModule[];
  perimeter: number;
  distance: number | null;
  ids: string[];
}

/**
 * One compact shape grown from each free module, duplicates removed, each with its modules in reading
 * order and its outline. The component is laid on a dense grid (with a one-cell margin) so the hot loop
 * indexes typed arrays instead of hashing keys; on that grid a smaller position is an earlier row, then
 * an earlier column, so sorting positions gives reading order.
 */
function distinctShapes(component: readonly FloorModule[], size: number): Array<{ sorted: FloorModule[]; perimeter: number }> {
  const { minCol, minRow, maxCol, maxRow } = boundingBox(component);
  const width = maxCol - minCol + 3;
  const grid = new Int32Array(width * (maxRow - minRow + 3)).fill(-1); // position → index in component
  const position = (m: Cell) => (m.row - minRow + 1) * width + (m.col - minCol + 1);
  component.forEach((m, i) => (grid[position(m)] = i));
  // Same neighbour order as NEIGHBOUR_STEPS: right, left, down, up.
  const steps = [1, -1, width, -width];
  const stamp = new Uint32Array(grid.length); // stamp[p] === seedNumber: p is in the shape being grown
  // Positions fit in one UTF-16 unit on any real floor: the sorted positions as a short string are a
  // cheap duplicate signature (joined decimals otherwise).
  const signatureOf = (ps: Int32Array) => {
    if (grid.length >= 0xffff) return ps.join(';');
    let signature = '';
    for (let i = 0; i < ps.length; i++) signature += String.fromCharCode(ps[i]);
    return signature;
  };
  const seen = new Set<string>();
  const shapes: Array<{ sorted: FloorModule[]; perimeter: number }> = [];
  const chosen = new Int32Array(size);
  for (let seedNumber = 1; seedNumber <= component.length; seedNumber++) {
    const seed = component[seedNumber - 1];
    const seedPosition = position(seed);
    chosen[0] = seedPosition;
    stamp[seedPosition] = seedNumber;
    let count = 1;
    let outline = 4;
    while (count < size) {
      let best = -1;
      let bestTouching = 0;
      let bestDistance = 0;
      for (let c = 0; c < count; c++) {
        for (let k = 0; k < 4; k++) {
          const p = chosen[c] + steps[k];
          if (grid[p] < 0 || stamp[p] === seedNumber) continue;
          const touching =
            (stamp[p + 1] === seedNumber ? 1 : 0) + (stamp[p - 1] === seedNumber ? 1 : 0) + (stamp[p + width] === seedNumber ? 1 : 0) + (stamp[p - width] === seedNumber ? 1 : 0);
          // Manhattan distance on the grid: |Δcolumn| + |Δrow| from the positions alone.
          const distance = Math.abs((p % width) - (seedPosition % width)) + Math.abs(((p / width) | 0) - ((seedPosition / width) | 0));
          if (best < 0 || touching > bestTouching || (touching === bestTouching && (distance < bestDistance || (distance === bestDistance && p < best)))) {
            best = p; // on the dense grid, a smaller position is an earlier row, then an earlier column
            bestTouching = touching;
            bestDistance = distance;
          }
        }
      }
      if (best < 0) break;
      chosen[count++] = best;
      stamp[best] = seedNumber;
      outline += 4 - 2 * bestTouching; // each side shared with the shape stops being outline
    }
    if (count < size) continue;
    // Insertion sort of a handful of positions (TypedArray sort and Array.from showed up in profiles).
    for (let i = 1; i < size; i++) {
      const p = chosen[i];
      let j = i - 1;
      for (; j >= 0 && chosen[j] > p; j--) chosen[j + 1] = chosen[j];
      chosen[j + 1] = p;
    }
    const signature = signatureOf(chosen);
    if (seen.has(signature)) continue;
    seen.add(signature);
    const sorted: FloorModule[] = new Array(size);
    for (let i = 0; i < size; i++) sorted[i] = component[grid[chosen[i]]];
    shapes.push({ sorted, perimeter: outline });
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

function score(candidate: Candidate, request: ProposalRequest): Proposal {
  const taken = new Set(candidate.sorted.map(key));
  const remaining = candidate.component.filter((m) => !taken.has(key(m)));
  return {
    floorId: candidate.floorId,
    moduleIds: candidate.ids,
    cells: candidate.sorted.map(({ col, row }) => ({ col, row })),
    requestedAreaM2: request.areaM2,
    areaM2: candidate.sorted.length * MODULE_AREA_M2,
    perimeter: candidate.perimeter,
    fragmentation: remaining.length === 0 ? 0 : connectedComponents(remaining).length - 1,
    distance: candidate.distance,
  };
}
