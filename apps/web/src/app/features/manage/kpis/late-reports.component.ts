import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { LateKpiReport, Locale } from '@incubator/contracts';
import { catchError, of, startWith, switchMap } from 'rxjs';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { defaultReportPeriod, formatPeriod, recentPeriods } from '../../../core/kpis/kpi-periods';
import { KpisService } from '../../../core/kpis/kpis.service';
import { today } from '../../../core/space/today';

/** The startups whose report of a month is missing or not submitted after its due date. */
@Component({
  selector: 'app-late-reports',
  imports: [CalendarDatePipe, RouterLink, SelectFieldComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <app-select-field
        class="period"
        [control]="periodControl"
        [label]="t('kpis.late.period')"
        [options]="periodOptions()"
        subscriptSizing="dynamic"
        testId="kpi-late-period"
      />
      @if (late(); as late) {
        @if (late === 'failed') {
          <p class="form-error" role="alert">{{ t('pipeline.loadError') }}</p>
        } @else {
          <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('kpis.late.title')">
            <table class="data" data-testid="kpi-late-table">
              <thead>
                <tr>
                  <th scope="col">{{ t('kpis.late.startup') }}</th>
                  <th scope="col">{{ t('kpis.late.dueOn') }}</th>
                  <th scope="col" class="num">{{ t('kpis.late.daysLate') }}</th>
                  <th scope="col">{{ t('kpis.late.status') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of late; track row.startupId + row.period) {
                  <tr data-testid="kpi-late-row">
                    <th scope="row">
                      <a [routerLink]="['/manage/startups', row.startupId]">{{ row.startupName }}</a>
                    </th>
                    <td>{{ row.dueOn | calendarDate: locale() }}</td>
                    <td class="num" data-testid="kpi-late-days">{{ t('kpis.late.days', { count: row.daysLate }) }}</td>
                    <td>{{ t('kpis.statuses.' + (row.status ?? 'missing')) }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="4" data-testid="kpi-late-empty">{{ t('kpis.late.empty') }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styleUrl: './kpis-tables.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LateReportsComponent {
  private readonly kpis = inject(KpisService);

  readonly locale = input.required<Locale>();

  protected readonly periodControl = new FormControl(defaultReportPeriod(today()), { nonNullable: true });
  protected readonly periodOptions = computed<SelectOption[]>(() =>
    recentPeriods(today()).map((period) => ({ value: period, label: formatPeriod(period, this.locale()) })),
  );
  protected readonly late = signal<LateKpiReport[] | 'failed' | null>(null);

  constructor() {
    this.periodControl.valueChanges
      .pipe(
        startWith(this.periodControl.value),
        switchMap((period) => {
          this.late.set(null);
          return this.kpis.late(period).pipe(catchError(() => of('failed' as const)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((late) => this.late.set(late));
  }
}
