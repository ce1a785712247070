import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { BreakdownRow, Locale } from '@incubator/contracts';
import { formatEuros } from '../../core/funding/amounts';
import { BreakdownChartComponent } from './breakdown-chart.component';
import { numberFormat } from '../../core/i18n/intl-format';

/** A breakdown of the quarter (by site, programme or sector): bars, and the same figures as a table. */
@Component({
  selector: 'app-breakdown',
  imports: [BreakdownChartComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h3 [id]="titleId()">{{ title() }}</h3>
      @if (rows().length === 0) {
        <p class="muted">{{ t('reports.board.noBreakdown') }}</p>
      } @else {
        <!-- Drawn with the figures (no deferred block): a printed page or a full-page capture shows every chart. -->
        <app-breakdown-chart
          [rows]="shown()"
          [label]="t('reports.board.chartLabel', { title: title() })"
          [series]="[t('reports.board.activeStartups'), t('reports.board.jobsCreated')]"
          [locale]="locale()"
        />
        <details>
          <summary>{{ t('reports.board.showTable') }}</summary>
          <div class="table-scroll" tabindex="0" role="region" [attr.aria-labelledby]="titleId()">
            <table class="data" [attr.aria-labelledby]="titleId()">
              <thead>
                <tr>
                  <th scope="col">{{ t('reports.board.name') }}</th>
                  <th scope="col" class="num">{{ t('reports.board.activeStartups') }}</th>
                  <th scope="col" class="num">{{ t('reports.board.jobsCreated') }}</th>
                  <th scope="col" class="num">{{ t('reports.board.headcount') }}</th>
                  <th scope="col" class="num">{{ t('reports.board.fundsRaised') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of shown(); track row.id) {
                  <tr>
                    <th scope="row">{{ row.name }}</th>
                    <td class="num">{{ number(row.activeStartups) }}</td>
                    <td class="num">{{ number(row.jobsCreated) }}</td>
                    <td class="num">{{ number(row.headcount) }}</td>
                    <td class="num">{{ euros(row.fundsRaisedEur) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
      }
    </ng-container>
  `,
  styleUrl: './breakdown.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BreakdownComponent {
  readonly rows = input.required<readonly BreakdownRow[]>();
  readonly title = input.required<string>();
  readonly locale = input.required<Locale>();
  readonly name = input.required<string>();

  private readonly transloco = inject(TranslocoService);

  protected readonly titleId = computed(() => `breakdown-${this.name()}-title`);

  /** The rows as shown: a sector's name is its code, shown as the sector's label in the reader's language. */
  protected readonly shown = computed(() => {
    const rows = this.rows();
    if (this.name() !== 'sector') return rows;
    const locale = this.locale();
    return rows.map((row) => ({ ...row, name: this.transloco.translate(`pipeline.sectors.${row.id}`, {}, locale) }));
  });

  protected number(value: number | string | null): string {
    return value === null ? '—' : numberFormat(this.locale(), { maximumFractionDigits: 1 }).format(Number(value));
  }

  protected euros(value: string | null): string {
    return formatEuros(value, this.locale());
  }
}
