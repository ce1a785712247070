import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { ApplicationDetailResponse } from '@incubator/contracts';
import { ApplicationsService } from '../../../core/applications/applications.service';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

export interface PitchDialogData {
  applicationId: string;
  startupName: string;
  pitchAt: string | null;
}

const TIME = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/;

function time(control: { value: string }) {
  return TIME.test(control.value.trim()) ? null : { time: true };
}

/** The day and hour (local time) as an ISO instant. */
export function pitchInstant(day: string, hour: string): string {
  const match = TIME.exec(hour.trim());
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)).toISOString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Schedules the pitch of a shortlisted application: its status becomes "pitch". */
@Component({
  selector: 'app-pitch-dialog',
  imports: [DateFieldComponent, DialogShellComponent, FormFieldComponent, ReactiveFormsModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t">
      <app-dialog-shell [title]="t('applications.detail.pitchTitle', { name: data.startupName })" [state]="submission" testId="pitch">
        <app-date-field [control]="form.controls.day" [label]="t('applications.detail.pitchDay')" testId="pitch-day" />
        <app-form-field
          [control]="form.controls.hour"
          [label]="t('applications.detail.pitchHour')"
          [hint]="t('applications.detail.pitchHourHint')"
          testId="pitch-hour"
        />
      </app-dialog-shell>
    </form>
  `,
})
export class PitchDialogComponent {
  private readonly api = inject(ApplicationsService);
  private readonly dialogRef = inject(MatDialogRef<PitchDialogComponent, ApplicationDetailResponse>);
  protected readonly data = inject<PitchDialogData>(MAT_DIALOG_DATA);
  private readonly current = this.data.pitchAt ? new Date(this.data.pitchAt) : null;
  protected readonly form = new FormGroup({
    day: new FormControl(
      this.current ? `${this.current.getFullYear()}-${pad(this.current.getMonth() + 1)}-${pad(this.current.getDate())}` : '',
      { nonNullable: true, validators: Validators.required },
    ),
    hour: new FormControl(this.current ? `${pad(this.current.getHours())}:${pad(this.current.getMinutes())}` : '10:00', {
      nonNullable: true,
      validators: [Validators.required, time],
    }),
  });
  protected readonly submission = submitState();

  protected submit(): void {
    const { day, hour } = this.form.getRawValue();
    submitForm(
      this.form,
      this.submission,
      () => this.api.changeStatus(this.data.applicationId, { status: 'pitch', pitchAt: pitchInstant(day, hour) }),
      (saved) => this.dialogRef.close(saved),
      { pitchAt: 'day' },
    );
  }
}
