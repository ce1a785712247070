import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarController, BarElement, CategoryScale, ChartConfiguration, Legend, LinearScale, Tooltip } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { BreakdownRow } from '@incubator/contracts';
import { toNumber } from './board-format';

/**
 * Active startups and jobs created per site, programme or sector, as bars. Chart.js is heavy: this
 * component is only ever loaded in a deferred block, so the library stays out of the first download.
 */
@Component({
  selector: 'app-breakdown-chart',
  imports: [BaseChartDirective],
  providers: [provideCharts({ registerables: [BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip] })],
  template: `
    <div class="canvas">
      <canvas baseChart type="bar" [data]="data()" [options]="options()" role="img" [attr.aria-label]="label()"></canvas>
    </div>
  `,
  styles: `
    .canvas {
      position: relative;
      height: 16rem;
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

  protected readonly options = computed<ChartConfiguration<'bar'>['options']>(() => ({
    responsive: true,
    maintainAspectRatio: false,
    locale: this.locale(),
    // Both series are counts: whole numbers only on the axis.
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { labels: { font: { size: 14 } } } },
  }));
  protected readonly data = computed<ChartConfiguration<'bar'>['data']>(() => ({
    labels: this.rows().map((row) => row.name),
    datasets: [
      { label: this.series()[0], data: this.rows().map((row) => row.activeStartups), backgroundColor: '#1f5fa8' },
      { label: this.series()[1], data: this.rows().map((row) => toNumber(row.jobsCreated)), backgroundColor: '#d97b00' },
    ],
  }));
}
