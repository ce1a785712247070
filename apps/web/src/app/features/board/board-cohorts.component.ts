import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { CohortResponse, Locale } from '@incubator/contracts';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LocalNumberPipe } from '../../core/i18n/local-number.pipe';
import { lastDayFromEndsOn } from '../../core/programs/cohort-dates';
import { ProgramsService } from '../../core/programs/programs.service';

/** Every cohort, each opening its progress board (read-only). */
@Component({
  selector: 'app-board-cohorts',
  imports: [CalendarDatePipe, LocalNumberPipe, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 id="board-cohorts-title">{{ t('board.cohorts.title') }}</h2>
      @if (failed()) {
        <p class="form-error" role="alert">{{ t('pipeline.loadError') }}</p>
      } @else if (cohorts(); as cohorts) {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="board-cohorts-title">
          <table class="cohorts" aria-labelledby="board-cohorts-title" data-testid="board-cohorts">
            <thead>
              <tr>
                <th scope="col">{{ t('board.cohorts.cohort') }}</th>
                <th scope="col">{{ t('board.cohorts.program') }}</th>
                <th scope="col">{{ t('manage.cohorts.columns.dates') }}</th>
                <th scope="col" class="number">{{ t('manage.cohorts.columns.seats') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (cohort of cohorts; track cohort.id) {
                <tr [attr.data-testid]="'cohort-row-' + cohort.name">
                  <th scope="row">
                    <a [routerLink]="['/board/cohorts', cohort.id]" data-testid="cohort-board-link">
                      {{ cohort.name }}
                    </a>
                  </th>
                  <td>{{ cohort.programName }}</td>
                  <td>
                    {{
                      t('pipeline.cohortDates', {
                        first: (cohort.startsOn | calendarDate: locale()),
                        last: (lastDay(cohort.endsOn) | calendarDate: locale()),
                      })
                    }}
                  </td>
                  <td class="number">
                    {{ cohort.seated | localNumber: locale() }}/{{ cohort.capacity | localNumber: locale() }}
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4" class="muted" data-testid="board-cohorts-empty">{{ t('board.cohorts.empty') }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .cohorts {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
    }
    .number {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class BoardCohortsComponent {
  readonly locale = input.required<Locale>();

  protected readonly cohorts = signal<CohortResponse[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly lastDay = lastDayFromEndsOn;

  constructor() {
    inject(ProgramsService)
      .listCohorts()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (cohorts) => this.cohorts.set(cohorts), error: () => this.failed.set(true) });
  }
}
