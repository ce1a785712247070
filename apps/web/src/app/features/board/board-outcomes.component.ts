import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import { BoardOutcomes, Locale, LongTermTargetRow } from '@incubator/contracts';
import { formatEuros } from '../../core/funding/amounts';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { lastDayFromEndsOn } from '../../core/programs/cohort-dates';
import { formatRate } from './board-format';
import { numberFormat } from '../../core/i18n/intl-format';

/** Cohorts shown before "show every cohort" (the most recent first). */
const RECENT_COHORTS = 6;

/**
 * The long run, as of the quarter's end: 3-year survival, applications to startups, funds, companies
 * and jobs since the start, and the long-term targets with their projection and "on track / behind".
 * A figure with nothing behind it says "no data"; a withheld one says so (never a zero).
 */
@Component({
  selector: 'app-board-outcomes',
  imports: [CalendarDatePipe, MatProgressBarModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @let o = outcomes();
      <h2 id="outcomes-title">{{ t('board.outcomes.title') }}</h2>
      <p class="muted">
        {{ o.cumulative.since === null ? t('board.outcomes.asOf', { day: (o.asOf | calendarDate: locale()) }) : t('board.outcomes.asOfSince', { day: (o.asOf | calendarDate: locale()), year: o.cumulative.since }) }}
      </p>
      <div class="cards">
        <div class="card" data-testid="outcome-survival">
          <h3>{{ t('board.outcomes.survival', { years: o.survival.years }) }}</h3>
          @if (o.survival.organisation.withheld) {
            <p class="value">—</p>
            <p class="note">{{ t('reports.board.withheld', { threshold: threshold() }) }}</p>
          } @else if (o.survival.organisation.startups) {
            <p class="value" data-testid="outcome-value">{{ rate(o.survival.organisation.rate) }}</p>
            <p class="note">
              {{ t('board.outcomes.survivalOf', { surviving: number(o.survival.organisation.surviving), startups: number(o.survival.organisation.startups) }) }}
            </p>
          } @else {
            <p class="value none" data-testid="outcome-value">{{ t('board.outcomes.noData') }}</p>
            <p class="note">{{ t('board.outcomes.noCohort', { day: (o.survival.endedBy | calendarDate: locale()) }) }}</p>
          }
        </div>
        <div class="card" data-testid="outcome-conversion">
          <h3>{{ t('board.outcomes.conversion') }}</h3>
          @if (o.conversion.total.withheld) {
            <p class="value">—</p>
            <p class="note">{{ t('reports.board.withheld', { threshold: threshold() }) }}</p>
          } @else if (o.conversion.total.submitted) {
            <p class="value" data-testid="outcome-value">{{ rate(o.conversion.total.rate) }}</p>
            <p class="note">
              {{ t('board.outcomes.conversionOf', { enrolled: number(o.conversion.total.enrolled), admitted: number(o.conversion.total.admitted), submitted: number(o.conversion.total.submitted) }) }}
            </p>
          } @else {
            <p class="value none" data-testid="outcome-value">{{ t('board.outcomes.noData') }}</p>
            <p class="note">{{ t('board.outcomes.noApplications') }}</p>
          }
        </div>
        <div class="card" data-testid="outcome-funds">
          <h3>{{ t('board.outcomes.funds') }}</h3>
          @if (o.cumulative.fundsWithheld) {
            <p class="value" data-testid="outcome-value">—</p>
            <p class="note" data-testid="outcome-withheld">{{ t('reports.board.withheld', { threshold: threshold() }) }}</p>
          } @else {
            @let funds = o.cumulative.fundsRaisedEur === null ? t('board.outcomes.noData') : euros(o.cumulative.fundsRaisedEur);
            <p class="value" [class.none]="o.cumulative.fundsRaisedEur === null" [style.--chars]="funds.length" data-testid="outcome-value">
              {{ funds }}
            </p>
            <p class="note">{{ t('board.outcomes.fundsNote') }}</p>
          }
        </div>
        <div class="card" data-testid="outcome-companies">
          <h3>{{ t('board.outcomes.companies') }}</h3>
          <p class="value" [class.none]="o.cumulative.companies === null" data-testid="outcome-value">
            {{ o.cumulative.companies === null ? t('board.outcomes.noData') : number(o.cumulative.companies) }}
          </p>
          <p class="note">{{ t('board.outcomes.companiesNote') }}</p>
        </div>
        <div class="card" data-testid="outcome-jobs">
          <h3>{{ t('board.outcomes.jobs') }}</h3>
          <p class="value" [class.none]="o.cumulative.jobs === null" data-testid="outcome-value">
            {{ o.cumulative.jobs === null ? t('board.outcomes.noData') : number(o.cumulative.jobs, 0) }}
          </p>
          <p class="note">{{ t('board.outcomes.jobsNote') }}</p>
        </div>
      </div>

      <h3 class="section">{{ t('board.outcomes.longTermTitle') }}</h3>
      @for (target of o.longTermTargets; track target.key + target.year) {
        @let percent = progress(target);
        <div class="target" [attr.data-testid]="'long-term-' + target.key">
          <div class="target-label">
            <span>{{ t('board.outcomes.keys.' + target.key) }} · {{ t('board.outcomes.by', { year: target.year }) }}</span>
            <strong>{{ value(target, target.actual) }} / {{ value(target, target.target) }}</strong>
          </div>
          @if (percent !== null) {
            <mat-progress-bar
              mode="determinate"
              [value]="percent"
              [attr.aria-label]="t('reports.board.targetProgress', { name: t('board.outcomes.keys.' + target.key), percent: rate(percent) })"
            />
          }
          <p class="small">
            <span [class]="'status ' + target.status" data-testid="long-term-status">{{ t('board.outcomes.status.' + target.status) }}</span>
            @if (target.projected !== null) {
              {{ t('board.outcomes.projection', { year: target.year, value: value(target, target.projected) }) }}
            }
          </p>
        </div>
      } @empty {
        <p class="muted" data-testid="long-term-empty">{{ t('board.outcomes.noLongTerm') }}</p>
      }

      <div class="two-columns">
        <section aria-labelledby="survival-title">
          <h3 id="survival-title" class="section">{{ t('board.outcomes.survivalTitle', { years: o.survival.years }) }}</h3>
          @if (o.survival.byProgram.length) {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="survival-title">
              <table class="data" data-testid="survival-table">
                <thead>
                  <tr>
                    <th scope="col">{{ t('board.outcomes.name') }}</th>
                    <th scope="col" class="num">{{ t('board.outcomes.startups') }}</th>
                    <th scope="col" class="num">{{ t('board.outcomes.stillActive') }}</th>
                    <th scope="col" class="num">{{ t('board.outcomes.rate') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of o.survival.byProgram; track row.id) {
                    <tr class="program">
                      <th scope="row">{{ row.name }}</th>
                      <td class="num">{{ count(row.startups) }}</td>
                      <td class="num">{{ count(row.surviving) }}</td>
                      <td class="num">{{ row.withheld ? '—' : rate(row.rate) }}</td>
                    </tr>
                  }
                  @for (row of cohorts(); track row.id) {
                    <tr>
                      <th scope="row" class="cohort">
                        {{ row.name }} <span class="small muted">{{ row.programName }} · {{ t('board.outcomes.ended', { day: (lastDay(row.endsOn) | calendarDate: locale()) }) }}</span>
                      </th>
                      <td class="num">{{ count(row.startups) }}</td>
                      <td class="num">{{ count(row.surviving) }}</td>
                      <td class="num">{{ row.withheld ? '—' : rate(row.rate) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            @if (o.survival.byCohort.length > cohorts().length) {
              <p class="small muted">{{ t('board.outcomes.moreCohorts', { shown: cohorts().length, all: o.survival.byCohort.length }) }}</p>
            }
          } @else {
            <p class="muted">{{ t('board.outcomes.noCohort', { day: (o.survival.endedBy | calendarDate: locale()) }) }}</p>
          }
        </section>

        <section aria-labelledby="conversion-title">
          <h3 id="conversion-title" class="section">{{ t('board.outcomes.conversionTitle') }}</h3>
          @if (o.conversion.byCall.length) {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="conversion-title">
              <table class="data" data-testid="conversion-table">
                <thead>
                  <tr>
                    <th scope="col">{{ t('board.outcomes.call') }}</th>
                    <th scope="col" class="num">{{ t('board.outcomes.submitted') }}</th>
                    <th scope="col" class="num">{{ t('board.outcomes.admitted') }}</th>
                    <th scope="col" class="num">{{ t('board.outcomes.enrolled') }}</th>
                    <th scope="col" class="num">{{ t('board.outcomes.rate') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (call of o.conversion.byCall; track call.id) {
                    <tr>
                      <th scope="row">{{ call.title[locale()] }} <span class="small muted">{{ call.cohortName }}</span></th>
                      <td class="num">{{ count(call.submitted) }}</td>
                      <td class="num">{{ count(call.admitted) }}</td>
                      <td class="num">{{ count(call.enrolled) }}</td>
                      <td class="num">{{ call.withheld ? '—' : rate(call.rate) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <p class="muted">{{ t('board.outcomes.noApplications') }}</p>
          }
        </section>
      </div>
    </ng-container>
  `,
  styles: `
    @use '../data-table';
    :host {
      display: block;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 1rem;
    }
    .card {
      /* The figures' type shrinks to the card's width (cqi), never cut. */
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
    h3.section {
      margin: 1.5rem 0 0.5rem;
    }
    .value {
      margin: 0.25rem 0;
      /* --chars: the figure's length where it can be long (e.g. '€1,530,000', '1 530 000 €'); a wide bold digit is about 0.72 em. */
      font-size: min(clamp(1.75rem, 3.5vw, 2.5rem), calc(100cqi / (var(--chars, 6) * 0.72)));
      overflow-wrap: anywhere;
      font-weight: 700;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .value.none {
      font-size: 1.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .note,
    .small {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .target {
      margin-bottom: 1rem;
    }
    .target-label {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      font: var(--mat-sys-title-medium);
    }
    mat-progress-bar {
      --mat-progress-bar-track-height: 0.75rem;
      --mat-progress-bar-active-indicator-height: 0.75rem;
      margin: 0.25rem 0;
    }
    .status {
      display: inline-block;
      margin-right: 0.5rem;
      padding: 0 0.5rem;
      border-radius: 1rem;
      font-weight: 700;
      border: 1px solid currentColor;
    }
    .status.on_track,
    .status.reached {
      color: #0b6b2b;
    }
    .status.behind {
      color: #a4161a;
    }
    .status.no_data {
      color: var(--mat-sys-on-surface-variant);
    }
    .two-columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
      gap: 1.5rem;
    }
    .table-scroll {
      overflow-x: auto;
    }
    .program th {
      font-weight: 700;
    }
    .cohort {
      font-weight: 400;
      padding-left: 1.25rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 600px) {
      .cards,
      .two-columns {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BoardOutcomesComponent {
  readonly outcomes = input.required<BoardOutcomes>();
  readonly locale = input.required<Locale>();
  readonly threshold = input<number>(3);

  protected lastDay(endsOn: string | null): string | null {
    return endsOn === null ? null : lastDayFromEndsOn(endsOn);
  }

  protected readonly cohorts = computed(() => this.outcomes().survival.byCohort.slice(0, RECENT_COHORTS));

  protected rate(percent: number | null): string {
    return percent === null ? '—' : formatRate(percent, this.locale());
  }

  protected number(value: number | null, digits = 1): string {
    return value === null ? '—' : numberFormat(this.locale(), { maximumFractionDigits: digits }).format(value);
  }

  /** A count of a table: "—" when withheld. */
  protected count(value: number | null): string {
    return this.number(value, 0);
  }

  protected euros(decimal: string): string {
    return formatEuros(decimal, this.locale());
  }

  protected value(target: LongTermTargetRow, decimal: string | null): string {
    if (decimal === null) return '—';
    return target.key === 'total_funds_eur' ? this.euros(decimal) : this.number(Number(decimal), 0);
  }

  /** Actual against the target in % (capped at 100 for the bar); null when there is no actual to show. */
  protected progress(target: LongTermTargetRow): number | null {
    const goal = Number(target.target);
    return target.actual === null || !(goal > 0) ? null : Math.min(100, (Number(target.actual) / goal) * 100);
  }
}
