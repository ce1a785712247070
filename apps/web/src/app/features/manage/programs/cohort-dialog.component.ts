import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { CohortResponse, CreateCohortRequest, ProgramResponse, UpdateCohortRequest } from '@incubator/contracts';
import { Observable } from 'rxjs';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { notBlank, VALIDATE_WHILE_TYPING, wholeNumber } from '../../../core/forms/form-validation';
import { endsOnFromLastDay, lastDayFromEndsOn } from '../../../core/programs/cohort-dates';
import { ProgramsService } from '../../../core/programs/programs.service';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

export interface CohortDialogData {
  program: ProgramResponse;
  /** The cohort to edit; a new one when absent. */
  cohort?: CohortResponse;
}

/** The API's bound on a cohort's capacity. */
export const MAX_CAPACITY = 1000;

/** The last day may be the first day (a one-day cohort), not before it (error `lastDayBeforeFirst`). */
function notBeforeFirstDay(control: AbstractControl): ValidationErrors | null {
  const first: unknown = control.parent?.get('firstDay')?.value;
  const last: unknown = control.value;
  return typeof first === 'string' && typeof last === 'string' && first && last && last < first
    ? { lastDayBeforeFirst: true }
    : null;
}

/**
 * Creates or edits a cohort. People pick the last day of the cohort; the API stores the day after it
 * (`endsOn`, exclusive), so the dialog converts both ways.
 */
@Component({
  selector: 'app-cohort-dialog',
  imports: [DateFieldComponent, DialogShellComponent, FormFieldComponent, ReactiveFormsModule, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './cohort-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CohortDialogComponent {
  private readonly programs = inject(ProgramsService);
  private readonly dialogRef = inject<MatDialogRef<CohortDialogComponent, CohortResponse>>(MatDialogRef);

  protected readonly data = inject<CohortDialogData>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.cohort?.name ?? '', [Validators.required, notBlank, Validators.maxLength(120)]],
    firstDay: [this.data.cohort?.startsOn ?? '', Validators.required],
    lastDay: [
      this.data.cohort ? lastDayFromEndsOn(this.data.cohort.endsOn) : '',
      [Validators.required, notBeforeFirstDay],
    ],
    // Text with a numeric keyboard rather than type="number", whose spinner and scroll wheel change
    // the value by accident; a whole number all the same.
    capacity: [
      String(this.data.cohort?.capacity ?? 20),
      [Validators.required, Validators.min(1), Validators.max(MAX_CAPACITY), wholeNumber],
    ],
  });
  protected readonly submission = submitState();
  protected readonly firstDay = toSignal(this.form.controls.firstDay.valueChanges, {
    initialValue: this.form.controls.firstDay.value,
  });

  constructor() {
    this.form.controls.firstDay.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.lastDay.updateValueAndValidity());
  }

  protected submit(): void {
    // 400 at endsOn (ends before it starts), 409 at capacity (below the seats taken) or name.
    submitForm(
      this.form,
      this.submission,
      () => this.save(),
      (cohort) => this.dialogRef.close(cohort),
      { startsOn: 'firstDay', endsOn: 'lastDay' },
    );
  }

  private save(): Observable<CohortResponse> {
    const value = this.form.getRawValue();
    const fields = {
      name: value.name.trim(),
      startsOn: value.firstDay,
      endsOn: endsOnFromLastDay(value.lastDay),
      capacity: Number(value.capacity.trim()),
    };
    const cohort = this.data.cohort;
    if (!cohort) {
      return this.programs.createCohort({ programId: this.data.program.id, ...fields } satisfies CreateCohortRequest);
    }
    // Only what changed: a rename alone must not fail on a capacity check.
    const change = Object.fromEntries(
      Object.entries(fields).filter(([key, v]) => v !== cohort[key as keyof typeof fields]),
    ) as UpdateCohortRequest;
    return this.programs.updateCohort(cohort.id, change);
  }
}
