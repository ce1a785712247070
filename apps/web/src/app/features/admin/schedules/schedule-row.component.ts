import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import { Locale, ScheduleResponse } from '@incubator/contracts';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { ReportsService } from '../../../core/reports/reports.service';
import {
  dayOfMonth,
  describeCron,
  MONTH_DAYS,
  parseCron,
  SCHEDULE_FREQUENCIES,
  ScheduleFrequency,
  toCron,
  WEEK_DAYS,
  weekdayName,
} from './schedule-cron';
import { formatNextRun } from './schedule-time';

const pad = (n: number) => String(n).padStart(2, '0');
const HOURS = Array.from({ length: 24 }, (_, h) => pad(h));
const MINUTES = Array.from({ length: 12 }, (_, i) => pad(i * 5));

/**
 * One schedule: on or off, when it runs — a frequency, a day and a time, written as cron for the API —
 * and when it fires next. The raw cron stays editable under "advanced" for what the editor cannot say.
 */
@Component({
  selector: 'app-schedule-row',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      @let kind = schedule().kind;
      <form [formGroup]="form" (ngSubmit)="save()" class="row">
        <div class="head">
          <div class="what">
            <h2 [id]="'schedule-title-' + kind">{{ t('reports.schedules.kinds.' + kind) }}</h2>
            <p class="muted">{{ t('reports.schedules.descriptions.' + kind) }}</p>
          </div>
          <mat-slide-toggle formControlName="enabled" [attr.data-testid]="'schedule-enabled-' + kind">
            {{ t('reports.schedules.enabled') }}
          </mat-slide-toggle>
        </div>
        <div class="editor" role="group" [attr.aria-labelledby]="'schedule-title-' + kind">
          <app-select-field
            class="frequency"
            [control]="form.controls.frequency"
            [label]="t('admin.schedules.frequency')"
            [options]="frequencyOptions"
            labelKey="admin.schedules.frequencies."
            [testId]="'schedule-frequency-' + kind"
          />
          @if (frequency() === 'weekly') {
            <app-select-field
              class="day"
              [control]="form.controls.day"
              [label]="t('admin.schedules.weekday')"
              [options]="weekdayOptions()"
              [testId]="'schedule-day-' + kind"
            />
          } @else if (frequency() === 'monthly' || frequency() === 'quarterly') {
            <app-select-field
              class="day"
              [control]="form.controls.day"
              [label]="t('admin.schedules.monthDay')"
              [options]="monthDayOptions()"
              [testId]="'schedule-day-' + kind"
            />
          }
          @if (frequency() !== 'custom') {
            <app-select-field
              class="time"
              [control]="form.controls.hour"
              [label]="t('admin.schedules.hour')"
              [options]="hourOptions"
              [testId]="'schedule-hour-' + kind"
            />
            <app-select-field
              class="time"
              [control]="form.controls.minute"
              [label]="t('admin.schedules.minute')"
              [options]="minuteOptions()"
              [testId]="'schedule-minute-' + kind"
            />
          }
        </div>
        <p class="sentence" [attr.data-testid]="'schedule-sentence-' + kind">
          @let s = sentence();
          {{ t('admin.schedules.sentence.' + s.key, s.params) }}
          <span class="muted">({{ schedule().timeZone }})</span>
        </p>
        <p class="next" [attr.data-testid]="'schedule-next-' + kind">
          <span class="muted">{{ t('reports.schedules.nextRun') }}</span>
          {{ nextRun() ?? t('reports.schedules.off') }}
        </p>
        <details class="advanced" [open]="advancedOpen()" (toggle)="advancedOpen.set($any($event.target).open)">
          <summary [attr.data-testid]="'schedule-advanced-' + kind">{{ t('admin.schedules.advanced') }}</summary>
          <mat-form-field appearance="outline" class="cron" subscriptSizing="dynamic">
            <mat-label>{{ t('reports.schedules.cron') }}</mat-label>
            <input matInput formControlName="cron" autocomplete="off" spellcheck="false" [attr.data-testid]="'schedule-cron-' + kind" />
            <mat-hint>{{ t('reports.schedules.cronHint', { timeZone: schedule().timeZone }) }}</mat-hint>
            <mat-error [attr.data-testid]="'schedule-cron-error-' + kind"><app-field-error [errors]="form.controls.cron.errors" /></mat-error>
          </mat-form-field>
        </details>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="submission.submitting()" [attr.data-testid]="'schedule-save-' + kind">
            {{ t('reports.schedules.save') }}
          </button>
        </div>
        @if (submission.error(); as error) {
          <p class="form-error" role="alert">{{ error.key ? t(error.key) : error.text }}</p>
        }
      </form>
    </ng-container>
  `,
  styles: `
    .row {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.5rem 0 1rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .what p,
    .sentence,
    .next {
      margin: 0;
    }
    .editor {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
      align-items: flex-start;
    }
    .frequency {
      flex: 1 1 12rem;
      max-width: 18rem;
    }
    .day {
      flex: 1 1 10rem;
      max-width: 14rem;
    }
    .time {
      flex: 0 1 7rem;
    }
    .sentence {
      font-weight: 500;
    }
    .advanced summary {
      cursor: pointer;
      padding: 0.25rem 0;
      color: var(--mat-sys-primary);
    }
    .cron {
      width: 100%;
      max-width: 28rem;
      margin-top: 0.5rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScheduleRowComponent {
  private readonly reports = inject(ReportsService);

  readonly schedule = input.required<ScheduleResponse>();
  readonly locale = input.required<Locale>();
  readonly saved = output<ScheduleResponse>();

  protected readonly form = new FormGroup({
    enabled: new FormControl(false, { nonNullable: true }),
    /** A ScheduleFrequency, or `custom` when only the raw cron can say it. */
    frequency: new FormControl('daily', { nonNullable: true }),
    day: new FormControl('1', { nonNullable: true }),
    hour: new FormControl('08', { nonNullable: true }),
    minute: new FormControl('00', { nonNullable: true }),
    cron: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = submitState();
  protected readonly frequency = signal<string>('daily');
  private readonly cron = signal('');
  protected readonly advancedOpen = signal(false);
  protected readonly sentence = computed(() => describeCron(this.cron(), this.locale()));
  protected readonly nextRun = computed(() => {
    const { nextRunAt, timeZone } = this.schedule();
    return nextRunAt ? formatNextRun(nextRunAt, this.locale(), timeZone) : null;
  });

  protected readonly hourOptions = HOURS;
  protected readonly frequencyOptions = [...SCHEDULE_FREQUENCIES, 'custom'];
  protected readonly weekdayOptions = computed<SelectOption[]>(() =>
    WEEK_DAYS.map((d) => ({ value: String(d), label: weekdayName(d, this.locale()) })),
  );
  protected readonly monthDayOptions = computed<SelectOption[]>(() =>
    MONTH_DAYS.map((d) => ({ value: String(d), label: dayOfMonth(d, this.locale()) })),
  );
  /** Every five minutes, and the saved minute when it is another. */
  protected readonly minuteOptions = signal<string[]>(MINUTES);

  /** Set while one side (editor or raw cron) writes the other, so the other does not answer back. */
  private syncing = false;

  constructor() {
    // The saved schedule, each time it comes back from the API.
    effect(() => {
      const { enabled, cron } = this.schedule();
      this.syncing = true;
      this.form.reset({ enabled, cron });
      this.syncing = false;
      this.fromCron(cron);
      this.advancedOpen.set(parseCron(cron) === null);
    });
    const { frequency, day, hour, minute, cron } = this.form.controls;
    for (const control of [frequency, day, hour, minute]) {
      control.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.fromEditor());
    }
    cron.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      this.cron.set(value);
      if (!this.syncing) {
        this.fromCron(value);
      }
    });
  }

  private fromEditor(): void {
    if (this.syncing) {
      return;
    }
    const { frequency, day, hour, minute } = this.form.getRawValue();
    this.frequency.set(frequency);
    if (frequency === 'custom') {
      this.advancedOpen.set(true);
      return;
    }
    // A weekday is 0-6, a day of the month 1-28: switching between them needs a day that fits.
    const weekly = frequency === 'weekly';
    let dayNumber = Number(day);
    if (weekly ? !(dayNumber >= 0 && dayNumber <= 6) : !(dayNumber >= 1 && dayNumber <= 28)) {
      dayNumber = 1;
    }
    this.syncing = true;
    if (String(dayNumber) !== day) {
      this.form.controls.day.setValue(String(dayNumber));
    }
    this.form.controls.cron.setValue(
      toCron({ frequency: frequency as ScheduleFrequency, day: dayNumber, hour: Number(hour), minute: Number(minute) }),
    );
    this.form.controls.cron.markAsDirty();
    this.syncing = false;
  }

  private fromCron(cron: string): void {
    this.cron.set(cron);
    const simple = parseCron(cron);
    this.syncing = true;
    if (simple) {
      const minute = pad(simple.minute);
      if (!MINUTES.includes(minute)) {
        this.minuteOptions.set([...MINUTES, minute].sort());
      }
      this.form.patchValue({
        frequency: simple.frequency,
        day: String(simple.day),
        hour: pad(simple.hour),
        minute,
      });
      this.frequency.set(simple.frequency);
    } else {
      this.form.controls.frequency.setValue('custom');
      this.frequency.set('custom');
    }
    this.syncing = false;
  }

  protected save(): void {
    const { cron, enabled } = this.form.getRawValue();
    submitForm(
      this.form,
      this.submission,
      () => this.reports.updateSchedule(this.schedule().kind, { cron: cron.trim(), enabled }),
      (schedule) => this.saved.emit(schedule),
    );
  }
}
