import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BreakdownRow } from '@incubator/contracts';
import { numberFormat } from '../../core/i18n/intl-format';
import { barScale } from './bar-scale';
import { toNumber } from './board-format';

interface Group {
  id: string;
  name: string;
  /** Bar heights in % of the plot: active startups, jobs created. */
  heights: readonly [number, number];
}

/**
 * Active startups and jobs created per site, programme or sector, as bars drawn by the page itself (HTML
 * boxes, no canvas and no chart library): on the page with the figures' first render, in a print and in a
 * full-page capture, at a few milliseconds' cost. Whole numbers on the count axis; the figures themselves
 * are in the table below (the chart is one image to assistive technologies, with its summary).
 */
@Component({
  selector: 'app-breakdown-chart',
  template: `
    <div class="chart" role="img" [attr.aria-label]="label()" data-testid="breakdown-chart">
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch first"></span>{{ series()[0] }}</li>
        <li><span class="swatch second"></span>{{ series()[1] }}</li>
      </ul>
      <div class="plot" aria-hidden="true">
        <div class="axis">
          @for (tick of ticks(); track tick.value) {
            <span class="tick-label" [style.bottom.%]="tick.at">{{ tick.label }}</span>
          }
        </div>
        <div class="groups">
          <div class="grid">
            @for (tick of ticks(); track tick.value) {
              <span class="grid-line" [style.bottom.%]="tick.at"></span>
            }
          </div>
          @for (group of groups(); track group.id) {
            <div class="group">
              <div class="bars">
                <span class="bar first" [style.height.%]="group.heights[0]" data-testid="breakdown-bar"></span>
                <span class="bar second" [style.height.%]="group.heights[1]" data-testid="breakdown-bar"></span>
              </div>
              <span class="name">{{ group.name }}</span>
            </div>
          }
        </div>
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
      --first: #1f5fa8;
      --second: #d97b00;
      --plot-height: 12rem;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.25rem 1rem;
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
      font: var(--mat-sys-body-medium);
    }
    .swatch {
      display: inline-block;
      width: 1.5rem;
      height: 0.75rem;
      margin-right: 0.375rem;
      vertical-align: middle;
    }
    .first {
      background: var(--first);
    }
    .second {
      background: var(--second);
    }
    .plot {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: 0.375rem;
      font: var(--mat-sys-body-small);
      /* Printed as on screen: the bars are backgrounds. */
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .axis {
      position: relative;
      height: var(--plot-height);
      min-width: 1.5rem;
    }
    .tick-label {
      position: absolute;
      right: 0;
      transform: translateY(50%);
      line-height: 1;
      font-variant-numeric: tabular-nums;
    }
    .groups {
      position: relative;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      column-gap: 0.5rem;
    }
    .grid {
      position: absolute;
      inset: 0 0 auto;
      height: var(--plot-height);
      border-bottom: 1px solid var(--mat-sys-outline);
      pointer-events: none;
    }
    .grid-line {
      position: absolute;
      left: 0;
      right: 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .group {
      display: grid;
      grid-template-rows: var(--plot-height) auto;
      min-width: 0;
    }
    .bars {
      position: relative;
      display: flex;
      align-items: flex-end;
      justify-content: center;
      gap: 2px;
    }
    .bar {
      flex: 0 1 2.5rem;
      min-width: 0.375rem;
    }
    .name {
      padding-top: 0.25rem;
      text-align: center;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BreakdownChartComponent {
  readonly rows = input.required<readonly BreakdownRow[]>();
  /** Accessible summary of the chart (the page also offers the figures as a table). */
  readonly label = input.required<string>();
  /** Dataset names: active startups, jobs created. */
  readonly series = input.required<readonly [string, string]>();
  readonly locale = input.required<string>();

  private readonly values = computed(() => this.rows().map((row) => [row.activeStartups, toNumber(row.jobsCreated) ?? 0] as const));
  private readonly scale = computed(() => barScale(Math.max(0, ...this.values().flat())));

  protected readonly ticks = computed(() => {
    const { top, ticks } = this.scale();
    const format = numberFormat(this.locale(), { maximumFractionDigits: 0 });
    return ticks.map((value) => ({ value, at: (value / top) * 100, label: format.format(value) }));
  });
  protected readonly groups = computed<Group[]>(() => {
    const { top } = this.scale();
    const height = (value: number) => Math.round(Math.max(0, Math.min(100, (value / top) * 100)) * 100) / 100;
    return this.rows().map((row, i) => {
      const [startups, jobs] = this.values()[i];
      return { id: row.id, name: row.name, heights: [height(startups), height(jobs)] };
    });
  });
}
