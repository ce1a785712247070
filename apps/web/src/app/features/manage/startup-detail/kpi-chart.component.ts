import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CategoryScale, ChartConfiguration, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { formatPeriod } from '../../../core/kpis/kpi-periods';
import { KpiSeries } from './kpi-history';

/**
 * One KPI over time as a line chart. Chart.js is heavy: this component is only ever loaded in a
 * deferred block, so the library stays out of every page's first download.
 */
@Component({
  selector: 'app-kpi-chart',
  imports: [BaseChartDirective],
  // Only what a line chart needs, rather than every chart type.
  providers: [provideCharts({ registerables: [LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip] })],
  template: `
    <figure>
      <figcaption>{{ label() }}</figcaption>
      <div class="canvas">
        <canvas baseChart type="line" [data]="data()" [options]="options" [attr.aria-label]="label()" role="img"></canvas>
      </div>
    </figure>
  `,
  styles: `
    figure {
      margin: 0 0 1rem;
    }
    figcaption {
      font: var(--mat-sys-title-small);
    }
    .canvas {
      position: relative;
      height: 12rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiChartComponent {
  readonly label = input.required<string>();
  readonly series = input.required<KpiSeries>();
  readonly locale = input.required<string>();

  protected readonly options: ChartConfiguration<'line'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    scales: { y: { beginAtZero: true } },
  };
  protected readonly data = computed<ChartConfiguration<'line'>['data']>(() => ({
    labels: this.series().periods.map((period) => formatPeriod(period, this.locale())),
    datasets: [{ data: this.series().values, label: this.label(), tension: 0.2, fill: false, spanGaps: true }],
  }));
}
