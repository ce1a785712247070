import { ChangeDetectionStrategy, Component, computed, inject, PendingTasks, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { BoardQuarterResponse, Permission } from '@incubator/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import type { SelectOption } from '../../core/forms/select-field.component';
import { formatAmount, formatEuros } from '../../core/funding/amounts';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { LocaleService } from '../../core/i18n/locale.service';
import { formatQuarter, initialQuarter, quarterOptions } from '../../core/reports/quarters';
import { ReportsService } from '../../core/reports/reports.service';
import { today } from '../../core/space/today';
import { BillingSummaryComponent } from './billing/billing-summary.component';
import { BoardCohortsComponent } from './board-cohorts.component';
import { BoardOutcomesComponent } from './board-outcomes.component';
import { BoardPacksComponent } from './board-packs.component';
import { formatRate } from './board-format';
import { BreakdownComponent } from './breakdown.component';
import { HeadlineCardComponent } from './headline-card.component';
import { QuarterPickerComponent } from './quarter-picker.component';
import { numberFormat } from '../../core/i18n/intl-format';

type Loaded = BoardQuarterResponse | 'failed' | null;

/**
 * The page's parts below the title, in order: the headline figures; the long run; the breakdowns, the
 * targets and the space; the rounds, then billing, packs and cohorts.
 */
const SECTIONS = 4;

/**
 * The board's home, readable on a projector: a quarter's headline figures, breakdowns, targets,
 * space and rounds, the board packs, then every cohort. The quarter is in the address
 * (`?quarter=2026-Q3`), so that the emails' links open it.
 */
@Component({
  selector: 'app-board-page',
  imports: [
    BillingSummaryComponent,
    BoardCohortsComponent,
    BoardOutcomesComponent,
    BoardPacksComponent,
    BreakdownComponent,
    CalendarDatePipe,
    LocalDatePipe,
    HeadlineCardComponent,
    MatProgressBarModule,
    QuarterPickerComponent,
    TranslocoDirective,
  ],
  templateUrl: './board.page.html',
  styleUrl: './board.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BoardPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly reports = inject(ReportsService);
  private readonly auth = inject(AuthService);

  protected readonly locale = inject(LocaleService).locale;
  private readonly day = today();
  /** The quarter shown: the address's, else the last completed one. */
  protected readonly quarter = toSignal(
    this.route.queryParamMap.pipe(map((params) => initialQuarter(params.get('quarter'), this.day))),
    { initialValue: initialQuarter(null, this.day) },
  );
  protected readonly quarters = computed<SelectOption[]>(() =>
    quarterOptions(this.day, this.quarter()).map((q) => ({ value: q, label: formatQuarter(q, this.locale()) })),
  );
  protected readonly quarterLabel = computed(() => formatQuarter(this.quarter(), this.locale()));
  protected readonly data = signal<Loaded>(null);
  /**
   * From the first quarter's answer on (figures or error): the sections below the figures wait for it, or
   * the figures arriving would push them down the page (layout shift); they stay through quarter changes.
   */
  protected readonly figuresSettled = signal(false);
  protected readonly canSeePacks = computed(() => this.auth.permissions().includes(Permission.ReportsRead));
  /**
   * How many of the SECTIONS are on the page. When the first figures arrive, the headline figures are
   * drawn at once and each following part in a task of its own, a few milliseconds apart: a phone's main
   * thread is never held for the whole page (a tap or a scroll waits for one part at most), and the parts
   * are all there before anyone could print or scroll. Later quarters redraw everything at once.
   */
  protected readonly sections = signal(0);
  private readonly pendingTasks = inject(PendingTasks);

  /** A quarter chosen in the picker: it goes in the address (the page follows the address). */
  protected choose(quarter: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { quarter }, queryParamsHandling: 'merge' });
  }

  constructor() {
    toObservable(this.quarter)
      .pipe(
        switchMap((quarter) =>
          this.reports.boardQuarter(quarter).pipe(
            catchError(() => of('failed' as const)),
            startWith(null),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((data) => {
        this.data.set(data);
        if (data === 'failed') this.sections.set(SECTIONS);
        else if (data !== null) this.revealSections();
        if (data !== null) this.figuresSettled.set(true);
      });
  }

  /** Shows the first part now and the others one task after the other (see `sections`). */
  private revealSections(): void {
    if (this.sections() > 0) return;
    this.sections.set(1);
    // Held as pending work, so that whatever waits for the page to be stable (tests, SSR) waits for every part.
    const done = this.pendingTasks.add();
    const next = () => {
      // Each change schedules its own rendering, which runs before the next timer: one part per task.
      this.sections.update((shown) => shown + 1);
      if (this.sections() < SECTIONS) setTimeout(next);
      else done();
    };
    setTimeout(next);
  }

  protected euros(decimal: string | null): string {
    return formatEuros(decimal, this.locale());
  }

  protected amount(decimal: string): string {
    return formatAmount(decimal, 'EUR', this.locale());
  }

  protected rate(percent: number): string {
    return formatRate(percent, this.locale());
  }

  protected number(value: number | null, digits = 1): string {
    return value === null ? '—' : numberFormat(this.locale(), { maximumFractionDigits: digits }).format(value);
  }

  /**
   * Year-to-date actual against the target, in % of it (capped at 100 for the bar); null when there is
   * no actual to compare (withheld or no data yet) or no positive target — never a made-up "0 %".
   */
  protected progress(actual: string | null, target: string): number | null {
    const goal = Number(target);
    return actual === null || !(goal > 0) ? null : Math.min(100, (Number(actual) / goal) * 100);
  }

  protected targetValue(key: string, value: string | null): string {
    return key === 'funds_raised_eur' ? this.euros(value) : this.number(value === null ? null : Number(value));
  }
}
