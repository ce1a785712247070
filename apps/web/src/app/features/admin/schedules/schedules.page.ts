import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoDirective } from '@jsverse/transloco';
import { ScheduleResponse } from '@incubator/contracts';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ReportsService } from '../../../core/reports/reports.service';
import { ScheduleRowComponent } from './schedule-row.component';

/** The organisation's scheduled work (board packs, occupancy reports, KPI reminders): on or off, and when. */
@Component({
  selector: 'app-schedules-page',
  imports: [ScheduleRowComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('reports.schedules.title') }}</h1>
      <p>{{ t('reports.schedules.intro') }}</p>
      @if (failed()) {
        <p class="form-error" role="alert">{{ t('reports.schedules.loadError') }}</p>
      } @else if (schedules(); as schedules) {
        @for (schedule of schedules; track schedule.kind) {
          <app-schedule-row
            [schedule]="schedule"
            [locale]="locale()"
            (saved)="replace($event)"
            [attr.data-testid]="'schedule-' + schedule.kind"
          />
        }
      } @else {
        <p aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchedulesPage {
  protected readonly locale = inject(LocaleService).locale;
  protected readonly schedules = signal<ScheduleResponse[] | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    inject(ReportsService)
      .schedules()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (schedules) => this.schedules.set(schedules), error: () => this.failed.set(true) });
  }

  protected replace(saved: ScheduleResponse): void {
    this.schedules.update((list) => list?.map((s) => (s.kind === saved.kind ? saved : s)) ?? [saved]);
  }
}
