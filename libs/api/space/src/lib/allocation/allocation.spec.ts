import { checkResize, connectedComponents, isConnected, manhattanDistanceTo, modulesForArea, perimeter, roundUpToModules } from './grid';
import { parseLayout } from './layout';
import { FloorFreeSpace, proposeOffices } from './propose';

/** A floor whose free modules are the `M` cells of the layout, ids "c<col>r<row>". */
function floor(floorId: string, layout: string): FloorFreeSpace {
  return { floorId, free: parseLayout(layout).map((cell) => ({ ...cell, id: `c${cell.col}r${cell.row}` })) };
}

describe('modulesForArea', () => {
  it('rounds up to whole 24 m² modules', () => {
    expect(modulesForArea(50)).toBe(3);
    expect(modulesForArea(72)).toBe(3);
    expect(modulesForArea(72.01)).toBe(4);
    expect(modulesForArea(24)).toBe(1);
    expect(modulesForArea(1)).toBe(1);
  });

  it('rounds up, never down, however close to a module the area is', () => {
    expect(modulesForArea(24.01)).toBe(2);
    expect(modulesForArea(24.00000001)).toBe(2);
    expect(modulesForArea(48.000001)).toBe(3);
    expect(modulesForArea(0.01)).toBe(1);
    expect(modulesForArea(0.1 + 0.2)).toBe(1); // float noise below a module stays one module
    expect(modulesForArea(9_999.99)).toBe(417);
  });

  it('gives the area as stored and shown: whole 24 m² modules', () => {
    expect([1, 24, 24.01, 50, 72, 72.01].map(roundUpToModules)).toEqual([24, 24, 48, 72, 72, 96]);
  });

  it('refuses zero, negative and non-numeric areas', () => {
    expect(() => modulesForArea(0)).toThrow(RangeError);
    expect(() => modulesForArea(-24)).toThrow(RangeError);
    expect(() => modulesForArea(Number.NaN)).toThrow(RangeError);
  });
});

describe('grid geometry', () => {
  it('measures the outline of a shape', () => {
    expect(perimeter([{ col: 0, row: 0 }])).toBe(4);
    expect(perimeter(parseLayout('MM\nMM'))).toBe(8);
    expect(perimeter(parseLayout('MMMM'))).toBe(10);
  });

  it('knows connected from disconnected, diagonal contact not counting', () => {
    expect(isConnected(parseLayout('MM.\n.MM'))).toBe(true);
    expect(isConnected(parseLayout('M.\n.M'))).toBe(false);
    expect(isConnected([])).toBe(false);
    expect(connectedComponents(parseLayout('M.M\nM.M'))).toHaveLength(2);
  });

  it('reads layouts and rejects unknown characters', () => {
    expect(parseLayout('M.M\n.M.')).toEqual([
      { col: 0, row: 0 },
      { col: 2, row: 0 },
      { col: 1, row: 1 },
    ]);
    expect(() => parseLayout('MX')).toThrow(/Unexpected "X" at row 1, column 2/);
  });
});

describe('manhattanDistanceTo', () => {
  it('gives, for every cell, the distance to the nearest target that scanning every target gives', () => {
    let state = 7;
    const next = (n: number) => (state = (state * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 30; round++) {
      const targets = Array.from({ length: 1 + next(6) }, () => ({ col: next(20), row: next(12) }));
      const area = Array.from({ length: 40 }, () => ({ col: next(25) - 2, row: next(15) - 2 }));
      const lookup = manhattanDistanceTo(targets, area);
      for (const cell of area) {
        expect(lookup(cell)).toBe(Math.min(...targets.map((t) => Math.abs(t.col - cell.col) + Math.abs(t.row - cell.row))));
      }
    }
  });
});

describe('proposeOffices', () => {
  it('answers 50 m² with three connected modules (72 m²), stating both areas', () => {
    const [best] = proposeOffices([floor('f1', 'MMMM\nMMMM')], { areaM2: 50 });
    expect(best.moduleIds).toHaveLength(3);
    expect(best.requestedAreaM2).toBe(50);
    expect(best.areaM2).toBe(72);
    expect(isConnected(best.cells)).toBe(true);
  });

  it('prefers a compact square to a line of the same size', () => {
    const [best] = proposeOffices([floor('line', 'MMMM'), floor('square', 'MM\nMM')], { areaM2: 96 });
    expect(best.floorId).toBe('square');
    expect(best.perimeter).toBe(8);
  });

  it('never crosses corridors: modules split by a corridor are not one office', () => {
    const proposals = proposeOffices([floor('f1', 'MM.MM')], { areaM2: 72 });
    expect(proposals).toEqual([]);
  });

  it('returns nothing when no floor has enough connected free space', () => {
    expect(proposeOffices([floor('f1', 'M.M\n.M.')], { areaM2: 48 })).toEqual([]);
  });

  it('prefers the choice that leaves the remaining free space in one piece', () => {
    // Taking the middle of the corridor-shaped floor would cut it in two.
    const proposals = proposeOffices([floor('f1', 'MMMMM')], { areaM2: 24, limit: 10 });
    const best = proposals[0];
    expect(best.fragmentation).toBe(0);
    expect(['c0r0', 'c4r0']).toContain(best.moduleIds[0]);
    expect(proposals.find((p) => p.moduleIds[0] === 'c2r0')?.fragmentation).toBe(1);
  });

  it('breaks ties by nearness to the startup’s current office on the same floor', () => {
    const plan = floor('f1', 'MMMMMMM');
    const [nearLeft] = proposeOffices([plan], { areaM2: 24, near: { floorId: 'f1', cells: [{ col: 0, row: 1 }] } });
    const [nearRight] = proposeOffices([plan], { areaM2: 24, near: { floorId: 'f1', cells: [{ col: 6, row: 1 }] } });
    expect(nearLeft.moduleIds).toEqual(['c0r0']);
    expect(nearRight.moduleIds).toEqual(['c6r0']);
    expect(nearRight.distance).toBe(1);
  });

  it('returns distinct proposals, best first, up to the limit', () => {
    const proposals = proposeOffices([floor('f1', 'MMM\nMMM\nMMM')], { areaM2: 96, limit: 4 });
    expect(proposals).toHaveLength(4);
    expect(new Set(proposals.map((p) => p.moduleIds.join())).size).toBe(4);
    for (let i = 1; i < proposals.length; i++) expect(proposals[i].perimeter).toBeGreaterThanOrEqual(proposals[i - 1].perimeter);
    for (const p of proposals) expect(isConnected(p.cells)).toBe(true);
  });
});

describe('checkResize', () => {
  const office = parseLayout('MMM'); // three modules in a row

  it('grows by one adjacent module or shrinks by one at an end', () => {
    expect(checkResize(office, [...office, { col: 3, row: 0 }])).toEqual({ ok: true });
    expect(checkResize(office, office.slice(0, 2))).toEqual({ ok: true });
  });

  it('refuses a shrink that cuts the office in two, and a detached extra module', () => {
    expect(checkResize(office, [office[0], office[2]])).toEqual({ ok: false, reason: 'not-connected' });
    expect(checkResize(office, [...office, { col: 5, row: 0 }])).toEqual({ ok: false, reason: 'not-connected' });
  });

  it('moves one module at a time, and treats an empty office as the end of the lease', () => {
    expect(checkResize(office, [...office, { col: 3, row: 0 }, { col: 4, row: 0 }])).toEqual({ ok: false, reason: 'not-one-step' });
    expect(checkResize(office, [])).toEqual({ ok: true });
  });
});

describe('proposal pruning', () => {
  /** A deterministic pseudo-random floor: free cells of a cols × rows grid kept with probability `density`. */
  function randomFloor(seed: number, floorId: string, cols: number, rows: number, density: number): FloorFreeSpace {
    let state = seed;
    const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const free = [];
    for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) if (next() < density) free.push({ id: `${floorId}-${String(row).padStart(2, '0')}-${String(col).padStart(2, '0')}`, col, row });
    return { floorId, free };
  }

  it('returns exactly the best proposals that scoring every candidate would return', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const floors = [randomFloor(seed, 'a', 9, 6, 0.7), randomFloor(seed * 7, 'b', 7, 5, 0.6)];
      const areaM2 = 24 * (1 + (seed % 6));
      const near = seed % 3 === 0 ? { floorId: 'a', cells: [{ col: seed % 9, row: seed % 6 }] } : undefined;
      const everything = proposeOffices(floors, { areaM2, near, limit: 10_000 }).slice(0, 5);
      expect(proposeOffices(floors, { areaM2, near, limit: 5 })).toEqual(everything);
    }
  });
});
