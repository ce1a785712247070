import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { BreakdownRow } from '@incubator/contracts';
import { settle } from '../../../testing/dom';
import { translocoTesting } from '../../../testing/transloco-testing';
import { BreakdownComponent } from './breakdown.component';

const rows: BreakdownRow[] = [
  { id: 's1', name: 'Lille', activeStartups: 12, jobsCreated: '30', headcount: '120', fundsRaisedEur: '900000' },
  { id: 's2', name: 'Roubaix', activeStartups: 4, jobsCreated: null, headcount: '25', fundsRaisedEur: null },
];

async function render(): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    imports: [BreakdownComponent, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
    // Nothing deferred would render by itself (and test-setup.ts: nothing is ever in view, as in a print).
    deferBlockBehavior: DeferBlockBehavior.Manual,
  });
  const fixture = TestBed.createComponent(BreakdownComponent);
  fixture.componentRef.setInput('rows', rows);
  fixture.componentRef.setInput('title', 'By site');
  fixture.componentRef.setInput('locale', 'en');
  fixture.componentRef.setInput('name', 'site');
  await settle();
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('BreakdownComponent', () => {
  it('draws its chart with the figures, without being scrolled into view: a printed page or a full-page capture shows every chart', async () => {
    const view = await render();
    const chart = view.querySelector('[data-testid="breakdown-chart"]');
    expect(chart).not.toBeNull();
    // One image to assistive technologies, with its summary; the figures are in the table.
    expect(chart?.getAttribute('role')).toBe('img');
    expect(chart?.getAttribute('aria-label')).toContain('By site');
    const heights = Array.from(view.querySelectorAll<HTMLElement>('[data-testid="breakdown-bar"]')).map((bar) => bar.style.height);
    // Axis 0–30 (steps of 10): 12 and 30 for Lille, 4 and nothing for Roubaix.
    expect(heights).toEqual(['40%', '100%', '13.33%', '0%']);
    expect(Array.from(view.querySelectorAll('.tick-label')).map((tick) => tick.textContent?.trim())).toEqual(['0', '10', '20', '30']);
    expect(view.querySelector('.name')?.textContent).toBe('Lille');
  });
});
