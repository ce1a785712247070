import { explainProposal, minimalPerimeter } from './explain';
import { FloorFreeSpace, proposeOffices } from './propose';
import { FloorModule } from './grid';

function floor(floorId: string, layout: string): FloorFreeSpace {
  const free: FloorModule[] = [];
  layout.split('\n').forEach((line, row) => [...line].forEach((c, col) => c === 'M' && free.push({ id: `${floorId}-${col}-${row}`, col, row })));
  return { floorId, free };
}

describe('minimalPerimeter', () => {
  it('is the outline of the most compact shape: 4 for one module, 8 for a square of four, 10 for 2×3, 12 for 3×3', () => {
    expect([1, 2, 3, 4, 6, 9].map(minimalPerimeter)).toEqual([4, 6, 8, 8, 10, 12]);
  });
});

describe('explainProposal', () => {
  it('says a square of four is compact, keeps the free space whole and is exactly the area asked', () => {
    const [best] = proposeOffices([floor('f', 'MM\nMM')], { areaM2: 96 });
    expect(explainProposal(best, false)).toEqual([
      { code: 'contiguous' },
      { code: 'compact' },
      { code: 'keeps_free_space_whole' },
      { code: 'exact_area' },
    ]);
  });

  it('names a corridor of four as elongated, the pieces it cuts the free space into, and the m² over the request', () => {
    const [line] = proposeOffices([floor('f', 'MMMMMM')], { areaM2: 90, limit: 10 }).filter((p) => p.cells[0].col === 1);
    const reasons = explainProposal(line, false);
    expect(reasons).toContainEqual({ code: 'elongated', extraEdges: 2 });
    expect(reasons).toContainEqual({ code: 'splits_free_space', pieces: 2 });
    expect(reasons).toContainEqual({ code: 'over_request', extraM2: 6 });
  });

  it('says when a proposal ties with the one above on every criterion', () => {
    const [first, second] = proposeOffices([floor('f', 'M.M.M')], { areaM2: 24, limit: 3 });
    expect(explainProposal(first, false).map((r) => r.code)).not.toContain('tied_with_previous');
    expect(explainProposal(second, false, first)).toContainEqual({ code: 'tied_with_previous' });
    const [square, corridor] = proposeOffices([floor('f', 'MM..\nMM..\n....\nMMMM')], { areaM2: 96, limit: 2 });
    expect(explainProposal(corridor, false, square).map((r) => r.code)).not.toContain('tied_with_previous');
  });

  it('tells next to, on the floor of, or away from the startup’s current office', () => {
    // The office is at column 0 (leased, so not free): the free ends are 1 and 6 modules away.
    const plan = floor('f', '.MMMMMM');
    const near = { floorId: 'f', cells: [{ col: 0, row: 0 }] };
    const [first, second] = proposeOffices([plan], { areaM2: 24, near, limit: 7 });
    expect(first.cells).toEqual([{ col: 1, row: 0 }]);
    expect(explainProposal(first, true)).toContainEqual({ code: 'next_to_current_office' });
    expect(second.cells).toEqual([{ col: 6, row: 0 }]);
    expect(explainProposal(second, true)).toContainEqual({ code: 'same_floor_as_current_office', modules: 6 });
    const [elsewhere] = proposeOffices([plan], { areaM2: 24, near: { floorId: 'other', cells: [{ col: 0, row: 0 }] } });
    expect(explainProposal(elsewhere, true)).toContainEqual({ code: 'other_floor_than_current_office' });
    expect(explainProposal(elsewhere, false).map((r) => r.code)).not.toContain('other_floor_than_current_office');
  });
});
