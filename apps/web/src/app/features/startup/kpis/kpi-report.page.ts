import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { KpiDefinitionResponse, KpiReportResponse, previousPeriod, UpdateKpiReportRequest } from '@incubator/contracts';
import { catchError, filter, forkJoin, map, Observable, of, switchMap, throwError } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { httpStatus } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { formatAmount } from '../../../core/funding/amounts';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { anomalies, compareValues, formatFactor, formatKpiValue, KpiComparison } from '../../../core/kpis/kpi-comparison';
import {
  canSubmit,
  isEditable,
  kpiValuesForm,
  monthlyDefinitions,
  previousValues,
  reportFor,
  toReportValues,
} from '../../../core/kpis/kpi-form';
import { daysBetween, defaultReportPeriod, formatPeriod, recentPeriods, reportDueOn } from '../../../core/kpis/kpi-periods';
import { KpisService } from '../../../core/kpis/kpis.service';
import { today } from '../../../core/space/today';
import { PortalState, PortalStateComponent } from '../portal-state.component';
import { SubmitConfirmData, SubmitConfirmDialogComponent } from './submit-confirm-dialog.component';

/** Enough for the periods offered (a year) and the one before each, monthly or quarterly. */
const REPORTS_READ = 100;

/** A startup's monthly KPI report: fill it in, save it as a draft, then submit it to the park team. */
@Component({
  selector: 'app-kpi-report-page',
  imports: [
    CalendarDatePipe,
    FieldErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PortalStateComponent,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './kpi-report.page.html',
  styleUrl: './kpi-report.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiReportPage {
  private readonly auth = inject(AuthService);
  private readonly kpis = inject(KpisService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  protected readonly locale = inject(LocaleService).locale;
  private readonly startupId = this.auth.user()?.startupId ?? null;
  protected readonly state = signal<PortalState>(this.startupId ? 'loading' : 'noStartup');
  protected readonly definitions = signal<KpiDefinitionResponse[]>([]);
  protected readonly reports = signal<KpiReportResponse[]>([]);

  /** `?period=2026-02` (from the portal's to-do list) opens that month when it is one offered. */
  private readonly askedPeriod = inject(ActivatedRoute, { optional: true })?.snapshot.queryParamMap.get('period') ?? null;
  protected readonly periodControl = new FormControl(
    this.askedPeriod && recentPeriods(today()).includes(this.askedPeriod) ? this.askedPeriod : defaultReportPeriod(today()),
    { nonNullable: true },
  );
  protected readonly period = toSignal(this.periodControl.valueChanges, { initialValue: this.periodControl.value });
  protected readonly periodOptions = computed<SelectOption[]>(() =>
    recentPeriods(today()).map((period) => ({ value: period, label: formatPeriod(period, this.locale()) })),
  );

  protected readonly report = computed(() => reportFor(this.reports(), this.period()));
  protected readonly status = computed(() => this.report()?.status ?? null);
  protected readonly editable = computed(() => isEditable(this.status()));
  protected readonly previous = computed(() => previousValues(this.reports(), this.period()));
  /** The API's due date once the report exists, the same rule before. */
  protected readonly dueOn = computed(() => this.report()?.dueOn ?? reportDueOn(this.period()));
  /** Days past the due date while the report is not handed in; 0 or less when not late. */
  protected readonly daysLate = computed(() => (this.editable() ? daysBetween(this.dueOn(), today()) : 0));
  /** A new form for each period, and once a save answers: it shows what the API kept. */
  protected readonly form = computed(() => kpiValuesForm(this.definitions(), this.report(), this.locale()));
  private readonly values = signal<Record<string, string>>({});
  private readonly valid = signal(true);

  protected readonly submission = submitState();
  /** The button that sent the last request, to say which one is busy. */
  protected readonly sending = signal<'save' | 'submit' | null>(null);
  protected readonly submitEnabled = computed(
    () => canSubmit(this.status(), this.definitions(), this.values(), this.valid()) && !this.submission.submitting(),
  );

  constructor() {
    effect((onCleanup) => {
      const form = this.form();
      const sync = () => {
        this.values.set(form.getRawValue());
        this.valid.set(!form.invalid);
      };
      sync();
      const subscription = form.events.subscribe(sync);
      onCleanup(() => subscription.unsubscribe());
    });
    if (!this.startupId) {
      return;
    }
    forkJoin({
      definitions: this.kpis.definitions(),
      reports: this.kpis.reports({ startupId: this.startupId, limit: REPORTS_READ }),
    })
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if (!result) {
          this.state.set('failed');
          return;
        }
        this.definitions.set(monthlyDefinitions(result.definitions));
        this.reports.set(result.reports.items);
        this.state.set('loaded');
      });
  }

  protected label(definition: KpiDefinitionResponse): string {
    return this.locale() === 'fr' ? definition.labelFr : definition.labelEn;
  }

  /** The previous period's value in the user's language, "—" when it was not reported. */
  protected previousText(key: string): string {
    const value = this.previous()[key];
    return value === undefined || value === ''
      ? '—'
      : new Intl.NumberFormat(this.locale(), { maximumFractionDigits: 2 }).format(Number(value));
  }

  protected money(decimal: string): string {
    return formatAmount(decimal, 'EUR', this.locale());
  }

  /** Submitting locks the report: ask first, and show the values that look unusual against the month before. */
  protected askToSubmit(): void {
    if (!this.editable() || !this.submitEnabled()) {
      return;
    }
    const rows = compareValues(toReportValues(this.form().getRawValue()), this.previous(), this.definitions());
    const previousMonth = formatPeriod(previousPeriod(this.period()), this.locale());
    const data: SubmitConfirmData = {
      period: formatPeriod(this.period(), this.locale()),
      warnings: anomalies(rows).map((row) => this.explain(row, previousMonth)),
    };
    this.dialog
      .open<SubmitConfirmDialogComponent, SubmitConfirmData, boolean>(SubmitConfirmDialogComponent, { data, maxWidth: '95vw', width: '32rem' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.save(true));
  }

  private explain(row: KpiComparison, period: string): string {
    const unit = row.definition?.unit ?? 'count';
    return this.transloco.translate(`kpis.anomaly.${row.anomaly}`, {
      kpi: row.definition ? this.label(row.definition) : row.key,
      previous: formatKpiValue(row.previous, unit, this.locale()),
      current: formatKpiValue(row.current, unit, this.locale()),
      factor: formatFactor(row.factor, this.locale()),
      period,
    });
  }

  protected save(submit: boolean): void {
    const startupId = this.startupId;
    if (!startupId || !this.editable() || (submit && !this.submitEnabled())) {
      return;
    }
    const form = this.form();
    const request: UpdateKpiReportRequest = { values: toReportValues(form.getRawValue()), submit };
    const period = this.period();
    const report = this.report();
    this.sending.set(submit ? 'submit' : 'save');
    submitForm(
      form,
      this.submission,
      () => (report ? this.kpis.update(report.id, request) : this.createOrUpdate(startupId, period, request)),
      (saved) => {
        this.sending.set(null);
        this.reports.update((list) => [saved, ...list.filter((r) => r.id !== saved.id)]);
        this.snackBar.open(this.transloco.translate(submit ? 'kpis.report.submitted' : 'kpis.report.saved'), undefined, {
          duration: 5000,
        });
      },
      Object.fromEntries(this.definitions().map((d) => [`values.${d.key}`, d.key])),
    );
  }

  /** A report written meanwhile (another tab, a colleague) answers 409: update that one. */
  private createOrUpdate(startupId: string, period: string, request: UpdateKpiReportRequest): Observable<KpiReportResponse> {
    return this.kpis.create({ startupId, period, ...request }).pipe(
      catchError((error: unknown) =>
        httpStatus(error) !== 409
          ? throwError(() => error)
          : this.kpis.reports({ startupId, period, limit: 1 }).pipe(
              map((page) => page.items[0]),
              switchMap((existing) => (existing ? this.kpis.update(existing.id, request) : throwError(() => error))),
            ),
      ),
    );
  }
}
