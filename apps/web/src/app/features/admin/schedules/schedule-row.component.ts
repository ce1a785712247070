import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import { Locale, ScheduleResponse } from '@incubator/contracts';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { ReportsService } from '../../../core/reports/reports.service';
import { formatNextRun } from './schedule-time';

/** One schedule: on or off, its cron expression, and when it fires next. */
@Component({
  selector: 'app-schedule-row',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      @let kind = schedule().kind;
      <form [formGroup]="form" (ngSubmit)="save()" class="row">
        <div class="what">
          <h2 [id]="'schedule-title-' + kind">{{ t('reports.schedules.kinds.' + kind) }}</h2>
          <p class="muted">{{ t('reports.schedules.descriptions.' + kind) }}</p>
        </div>
        <mat-slide-toggle formControlName="enabled" [attr.data-testid]="'schedule-enabled-' + kind">
          {{ t('reports.schedules.enabled') }}
        </mat-slide-toggle>
        <mat-form-field appearance="outline" class="cron">
          <mat-label>{{ t('reports.schedules.cron') }}</mat-label>
          <input matInput formControlName="cron" autocomplete="off" spellcheck="false" [attr.data-testid]="'schedule-cron-' + kind" />
          <mat-hint>{{ t('reports.schedules.cronHint', { timeZone: schedule().timeZone }) }}</mat-hint>
          <mat-error [attr.data-testid]="'schedule-cron-error-' + kind"><app-field-error [errors]="form.controls.cron.errors" /></mat-error>
        </mat-form-field>
        <div class="next" [attr.data-testid]="'schedule-next-' + kind">
          <span class="muted">{{ t('reports.schedules.nextRun') }}</span>
          {{ nextRun() ?? t('reports.schedules.off') }}
        </div>
        <button mat-flat-button type="submit" [disabled]="submission.submitting()" [attr.data-testid]="'schedule-save-' + kind">
          {{ t('reports.schedules.save') }}
        </button>
        @if (submission.error(); as error) {
          <p class="form-error" role="alert">{{ error.key ? t(error.key) : error.text }}</p>
        }
      </form>
    </ng-container>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: minmax(12rem, 1.5fr) auto minmax(12rem, 1fr) minmax(12rem, 1.5fr) auto;
      gap: 1rem;
      align-items: center;
      padding: 0.5rem 0 1rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      display: block;
    }
    .what p {
      margin: 0;
    }
    @media (max-width: 900px) {
      .row {
        grid-template-columns: 1fr;
      }
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
    cron: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = submitState();
  protected readonly nextRun = computed(() => {
    const { nextRunAt, timeZone } = this.schedule();
    return nextRunAt ? formatNextRun(nextRunAt, this.locale(), timeZone) : null;
  });

  constructor() {
    // The saved schedule, each time it comes back from the API.
    effect(() => {
      const { enabled, cron } = this.schedule();
      this.form.reset({ enabled, cron });
    });
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
