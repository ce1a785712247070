import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { HeadlineFigure, Locale } from '@incubator/contracts';
import { changePercent } from '../../core/reports/quarters';
import { sparklinePath } from '../../core/reports/sparkline';
import { formatChange, formatFigure } from './board-format';

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 32;

interface Change {
  /** Translation key of what it compares with. */
  label: string;
  text: string;
  direction: 'up' | 'down' | 'flat';
}

/** The headline figures the board's suppression rules can withhold: the KPI sums and the funds (disclosure.ts). */
const WITHHOLDABLE: ReadonlySet<HeadlineFigure['key']> = new Set(['jobs_created', 'headcount', 'funds_raised_eur']);

/** One headline figure of the quarter: its value, how it moved, and its last eight quarters as a sparkline. */
@Component({
  selector: 'app-headline-card',
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h3>{{ t('reports.headline.' + figure().key) }}</h3>
      @if (noData()) {
        <p class="value none" data-testid="headline-no-data">{{ t('board.noData') }}</p>
        <p class="note">{{ t('board.noDataNote') }}</p>
      } @else if (figure().value === null && withheld()) {
        <p class="value" [title]="t('reports.board.withheld', { threshold: threshold() })">—</p>
        <p class="note" data-testid="headline-withheld">{{ t('reports.board.withheld', { threshold: threshold() }) }}</p>
      } @else if (figure().value === null) {
        <p class="value" [title]="t('board.noFigure')">—</p>
        <p class="note" data-testid="headline-no-figure">{{ t('board.noFigure') }}</p>
      } @else {
        <p class="value" [style.--chars]="value().length" data-testid="headline-value">{{ value() }}</p>
      }
      <ul class="changes">
        @for (change of changes(); track change.label) {
          <li [class]="change.direction">
            <span aria-hidden="true">{{ arrows[change.direction] }}</span>
            <strong>{{ change.text }}</strong> {{ t(change.label) }}
          </li>
        }
      </ul>
      @if (path()) {
        <svg
          class="sparkline"
          [attr.viewBox]="'0 0 ' + width + ' ' + height"
          [attr.width]="width"
          [attr.height]="height"
          role="img"
          [attr.aria-label]="t('reports.board.sparkline')"
          data-testid="headline-sparkline"
        >
          <path [attr.d]="path()" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
        </svg>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      /* The figure's type shrinks to the card's width (cqi), never cut. */
      container-type: inline-size;
      padding: 1rem;
      border: 2px solid var(--mat-sys-outline);
      border-radius: 0.75rem;
      background: var(--mat-sys-surface-container-lowest);
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .value {
      margin: 0.25rem 0;
      /* --chars: the figure's length (e.g. '€1,530,000', '1 530 000 €'); a wide bold digit is about 0.72 em. */
      font-size: min(clamp(2rem, 4vw, 3rem), calc(100cqi / (var(--chars, 4) * 0.72)));
      overflow-wrap: anywhere;
      font-weight: 700;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .value.none {
      font-size: 1.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .changes {
      list-style: none;
      padding: 0;
      margin: 0.25rem 0;
      font: var(--mat-sys-body-medium);
    }
    .up {
      color: #0b6b2b;
    }
    .down {
      color: #a4161a;
    }
    .sparkline {
      color: var(--mat-sys-primary);
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeadlineCardComponent {
  /** The organisation's suppression threshold (the API's default when the figures do not say). */
  readonly threshold = input<number>(3);
  readonly figure = input.required<HeadlineFigure>();
  /** Whether the board's rules withheld some of the quarter's figures (the aggregates' `suppressed`): only then can a missing KPI or funds figure be a withheld one. */
  readonly suppressed = input<boolean>(false);
  readonly locale = input.required<Locale>();

  protected readonly width = SPARK_WIDTH;
  protected readonly height = SPARK_HEIGHT;
  protected readonly arrows = { up: '▲', down: '▼', flat: '▶' };
  /** No data at all yet (every quarter of the series empty): "no data", not "withheld". */
  protected readonly noData = computed(() => {
    const { value, previousQuarter, previousYear, series } = this.figure();
    return value === null && previousQuarter === null && previousYear === null && series.every((v) => v === null);
  });
  /** A missing figure the board's rules withheld; otherwise (a rate with nothing due, a team view) there is simply none this quarter. */
  protected readonly withheld = computed(() => this.suppressed() && WITHHOLDABLE.has(this.figure().key));
  protected readonly value = computed(() => formatFigure(this.figure().key, this.figure().value, this.locale()));
  protected readonly path = computed(() => sparklinePath(this.figure().series, SPARK_WIDTH, SPARK_HEIGHT));
  protected readonly changes = computed<Change[]>(() => {
    const { value, previousQuarter, previousYear } = this.figure();
    const changes: Change[] = [];
    for (const [label, previous] of [
      ['reports.board.vsPreviousQuarter', previousQuarter],
      ['reports.board.vsPreviousYear', previousYear],
    ] as const) {
      const change = changePercent(value, previous);
      if (change !== null) {
        changes.push({
          label,
          text: formatChange(change, this.locale()),
          direction: change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
        });
      }
    }
    return changes;
  });
}
