import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FloorPlanModule, FloorPlanResponse } from '@incubator/contracts';
import { PlanCell } from '../../../core/space/plan-layout';
import { FloorPlanComponent } from './floor-plan.component';

const acme = { id: 'lease-a', startupId: 's-a', startupName: 'Acme' };

function module(col: number, row: number, extra: Partial<FloorPlanModule> = {}): FloorPlanModule {
  return { id: `m-${col}-${row}`, col, row, retired: false, lease: null, ...extra };
}

const plan: FloorPlanResponse = {
  floor: { id: 'f-1', buildingId: 'b-1', level: 1, name: 'First', moduleCount: 4, leasableM2: 72 },
  on: '2026-03-01',
  columns: 3,
  rows: 2,
  modules: [module(0, 0, { lease: acme }), module(1, 0, { lease: acme }), module(2, 0), module(0, 1, { retired: true })],
};

describe('FloorPlanComponent', () => {
  let fixture: ComponentFixture<FloorPlanComponent>;
  const svg = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="floor-plan"]') as SVGSVGElement;
  const at = (col: number, row: number) =>
    svg().querySelector(`[data-testid="module-${col}-${row}"]`) as SVGGElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(FloorPlanComponent);
    fixture.componentRef.setInput('plan', plan);
    fixture.componentRef.setInput('proposed', ['m-2-0']);
    await fixture.whenStable();
  });

  it('draws each module at its cell with its state', () => {
    expect(svg().querySelectorAll('.module')).toHaveLength(4);
    expect(at(0, 0).getAttribute('data-state')).toBe('leased');
    expect(at(0, 0).getAttribute('data-startup')).toBe('Acme');
    expect(at(2, 0).getAttribute('data-state')).toBe('free');
    expect(at(2, 0).hasAttribute('data-startup')).toBe(false);
    expect(at(0, 1).getAttribute('data-state')).toBe('retired');
    expect(at(0, 1).querySelector('rect')?.getAttribute('fill')).toBe('url(#retired-hatch)');
    expect(at(1, 0).querySelector('rect')?.getAttribute('x')).toBe('44');
    expect(at(0, 1).querySelector('rect')?.getAttribute('y')).toBe('44');
    expect(at(0, 0).querySelector('rect')?.getAttribute('fill')).toBe(at(1, 0).querySelector('rect')?.getAttribute('fill'));
  });

  it('marks the proposed modules and names each module for hover and screen readers', () => {
    expect(at(2, 0).getAttribute('data-proposed')).toBe('true');
    expect(at(0, 0).hasAttribute('data-proposed')).toBe(false);
    expect(at(0, 0).querySelector('title')?.textContent).toContain('Acme');
    expect(at(0, 0).getAttribute('tabindex')).toBe('0');
  });

  it('writes each module’s name on it and names it without ids (B1 is column 2, row 1)', () => {
    expect(at(1, 0).getAttribute('data-module')).toBe('B1');
    expect(at(1, 0).querySelector('text')?.textContent?.trim()).toBe('B1');
    expect(at(0, 0).getAttribute('aria-label')).toBe('A1 · Acme');
    expect(at(0, 0).getAttribute('aria-label')).not.toContain('lease-a');
  });

  it('draws the module a resize would change in the primary colour', async () => {
    fixture.componentRef.setInput('pendingModuleId', 'm-2-0');
    await fixture.whenStable();
    expect(at(2, 0).getAttribute('data-pending')).toBe('true');
    expect(at(2, 0).querySelector('rect')?.getAttribute('stroke')).toContain('--mat-sys-primary');
    expect(at(1, 0).hasAttribute('data-pending')).toBe(false);
  });

  it('reports a click or Enter on a module', () => {
    const clicked: PlanCell[] = [];
    fixture.componentInstance.moduleClick.subscribe((cell) => clicked.push(cell));

    at(2, 0).dispatchEvent(new MouseEvent('click'));
    at(0, 0).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));

    expect(clicked.map((cell) => cell.module.id)).toEqual(['m-2-0', 'm-0-0']);
  });
});
