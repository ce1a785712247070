import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { KpiReportResponse, MilestoneResponse } from '@incubator/contracts';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../core/i18n/locale.service';
import { formatPeriod } from '../../core/kpis/kpi-periods';
import { KpisService } from '../../core/kpis/kpis.service';
import { today } from '../../core/space/today';
import { portalTodo } from './portal-todo';

/** The founder's next things to do on the portal home: reports due or late, milestones due soon. */
@Component({
  selector: 'app-portal-todo',
  imports: [CalendarDatePipe, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'startup.todo'">
      <section class="card" aria-labelledby="portal-todo-title" data-testid="portal-todo">
        <h2 id="portal-todo-title">{{ t('title') }}</h2>
        @if (reports() === null && !failed()) {
          <p aria-busy="true">…</p>
        } @else {
          @if (failed()) {
            <p class="form-error" role="alert">{{ t('reportsError') }}</p>
          }
          <ul>
            @for (item of items(); track $index) {
              <li [class.late]="item.daysLeft < 0" data-testid="portal-todo-item" [attr.data-kind]="item.kind">
                @if (item.kind === 'report') {
                  <a routerLink="/startup/kpis" [queryParams]="{ period: item.period }">{{ t('report', { period: period(item.period) }) }}</a>
                  @if (item.status !== 'none') {
                    <span class="badge" [attr.data-status]="item.status">{{ t('statuses.' + item.status) }}</span>
                  }
                } @else {
                  <span>{{ t('milestone', { title: item.milestone.title }) }}</span>
                }
                <span class="when">
                  {{ t(item.kind === 'report' ? 'dueOn' : 'plannedOn', { day: item.dueOn | calendarDate: locale() : 'long' }) }} ·
                  @if (item.daysLeft < 0) {
                    <strong>{{ t('late', { count: -item.daysLeft }) }}</strong>
                  } @else if (item.daysLeft === 0) {
                    <strong>{{ t('today') }}</strong>
                  } @else {
                    {{ t('daysLeft', { count: item.daysLeft }) }}
                  }
                </span>
              </li>
            } @empty {
              <li data-testid="portal-todo-empty">{{ t('empty') }}</li>
            }
          </ul>
        }
      </section>
    </ng-container>
  `,
  styles: `
    .card {
      padding: 1rem;
      margin: 1rem 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    h2 {
      margin-top: 0;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    li {
      margin: 0.25rem 0;
    }
    .when {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
    li.late .when {
      color: var(--mat-sys-error);
    }
    .badge {
      margin-left: 0.5rem;
      padding: 0 0.5rem;
      border-radius: 999px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalTodoComponent {
  private readonly kpis = inject(KpisService);

  readonly startupId = input.required<string>();
  readonly milestones = input.required<readonly MilestoneResponse[]>();

  protected readonly locale = inject(LocaleService).locale;
  protected readonly reports = signal<KpiReportResponse[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly items = computed(() => portalTodo(today(), this.reports() ?? [], this.milestones()));

  constructor() {
    effect((onCleanup) => {
      const subscription = this.kpis.reports({ startupId: this.startupId(), limit: 100 }).subscribe({
        next: (page) => this.reports.set(page.items),
        error: () => this.failed.set(true),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected period(period: string): string {
    return formatPeriod(period, this.locale());
  }
}
