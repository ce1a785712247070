import { FloorPlanModule, FloorPlanResponse } from '@incubator/contracts';
import { isAdjacent, legend, PlanCell, moduleName, moduleNames, parseLayout, planCells, resizeRefusal, resizeTarget, touches } from './plan-layout';

function module(col: number, row: number, extra: Partial<FloorPlanModule> = {}): FloorPlanModule {
  return { id: `m-${col}-${row}`, col, row, retired: false, lease: null, ...extra };
}

const acme = { id: 'lease-a', startupId: 's-a', startupName: 'Acme' };
const beta = { id: 'lease-b', startupId: 's-b', startupName: 'Beta' };

function plan(modules: FloorPlanModule[]): FloorPlanResponse {
  return {
    floor: { id: 'f-1', buildingId: 'b-1', level: 1, name: 'First', moduleCount: modules.length, leasableM2: 0 },
    on: '2026-03-01',
    columns: 4,
    rows: 2,
    modules,
  };
}

describe('plan layout', () => {
  const floor = plan([
    module(0, 0, { lease: acme }),
    module(1, 0, { lease: acme }),
    module(2, 0),
    module(3, 0, { retired: true }),
    module(0, 1, { lease: beta }),
    module(1, 1),
  ]);

  it('gives each module its state and each startup one colour', () => {
    const cells = planCells(floor);
    const at = (col: number, row: number) => cells.find((c) => c.col === col && c.row === row);

    expect(at(0, 0)?.state).toBe('leased');
    expect(at(2, 0)?.state).toBe('free');
    expect(at(3, 0)?.state).toBe('retired');
    expect(at(0, 0)?.colour).toBe(at(1, 0)?.colour);
    expect(at(0, 1)?.colour).not.toBe(at(0, 0)?.colour);
    expect(at(2, 0)?.colour).toBeNull();
  });

  it("lists each startup's area in the legend", () => {
    expect(legend(floor).map((e) => [e.startupName, e.areaM2])).toEqual([
      ['Acme', 48],
      ['Beta', 24],
    ]);
  });

  it('calls modules adjacent when they share an edge, not a corner', () => {
    expect(isAdjacent({ col: 1, row: 1 }, { col: 2, row: 1 })).toBe(true);
    expect(isAdjacent({ col: 1, row: 1 }, { col: 1, row: 0 })).toBe(true);
    expect(isAdjacent({ col: 1, row: 1 }, { col: 2, row: 2 })).toBe(false);
    expect(isAdjacent({ col: 1, row: 1 }, { col: 1, row: 1 })).toBe(false);
    expect(isAdjacent({ col: 0, row: 0 }, { col: 2, row: 0 })).toBe(false);
    expect(touches({ col: 2, row: 0 }, [{ col: 0, row: 0 }, { col: 1, row: 0 }])).toBe(true);
  });

  it('grows only onto a free module next to the office, and shrinks only its own modules', () => {
    const cells = planCells(floor);
    const cell = (col: number, row: number) => {
      const found = cells.find((c) => c.col === col && c.row === row);
      if (!found) {
        throw new Error(`No module at ${col},${row}`);
      }
      return found;
    };
    const office = [cell(0, 0), cell(1, 0)];

    expect(resizeTarget('grow', cell(2, 0), 'lease-a', office)).toBe(true);
    expect(resizeTarget('grow', cell(1, 1), 'lease-a', office)).toBe(true);
    expect(resizeTarget('grow', cell(3, 0), 'lease-a', office)).toBe(false); // retired
    expect(resizeTarget('grow', cell(0, 1), 'lease-a', office)).toBe(false); // Beta's
    expect(resizeTarget('shrink', cell(1, 0), 'lease-a', office)).toBe(true);
    expect(resizeTarget('shrink', cell(0, 1), 'lease-a', office)).toBe(false);
    expect(resizeTarget('shrink', cell(0, 0), 'lease-a', [cell(0, 0)])).toBe(false); // the last module
  });

  it('reads a layout text into module cells', () => {
    const layout = parseLayout('MM.M\n.MM\n\n');
    expect(layout.columns).toBe(4);
    expect(layout.rows).toBe(2);
    expect(layout.modules).toEqual([
      { col: 0, row: 0 },
      { col: 1, row: 0 },
      { col: 3, row: 0 },
      { col: 1, row: 1 },
      { col: 2, row: 1 },
    ]);
  });

  it('names modules as a spreadsheet does: column letters, rows from 1', () => {
    expect(moduleName({ col: 0, row: 0 })).toBe('A1');
    expect(moduleName({ col: 1, row: 3 })).toBe('B4');
    expect(moduleName({ col: 25, row: 9 })).toBe('Z10');
    expect(moduleName({ col: 26, row: 0 })).toBe('AA1');
    expect(moduleNames([{ col: 1, row: 0 }, { col: 0, row: 1 }, { col: 0, row: 0 }])).toBe('A1 B1 A2');
  });

  it('says why a click during a resize changes nothing', () => {
    const cells = planCells(floor);
    const at = (col: number, row: number) => cells.find((c) => c.col === col && c.row === row) as PlanCell;
    const office = [{ col: 0, row: 0 }, { col: 1, row: 0 }];
    expect(resizeRefusal('grow', at(2, 0), 'lease-a', office)).toBeNull();
    expect(resizeRefusal('grow', at(1, 1), 'lease-a', office)).toBeNull();
    expect(resizeRefusal('grow', at(3, 0), 'lease-a', office)).toBe('retired');
    expect(resizeRefusal('grow', at(0, 1), 'lease-a', office)).toBe('leased');
    expect(resizeRefusal('grow', at(0, 0), 'lease-a', office)).toBe('ownModule');
    const far = planCells(plan([module(0, 0, { lease: acme }), module(3, 1)]));
    expect(resizeRefusal('grow', far[1], 'lease-a', [{ col: 0, row: 0 }])).toBe('notAdjacent');
    expect(resizeRefusal('shrink', at(2, 0), 'lease-a', office)).toBe('notInOffice');
    expect(resizeRefusal('shrink', at(1, 0), 'lease-a', office)).toBeNull();
    expect(resizeRefusal('shrink', at(0, 0), 'lease-a', [{ col: 0, row: 0 }])).toBe('lastModule');
  });
});
