import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  CreateMilestoneRequest,
  MILESTONE_CATEGORIES,
  MILESTONE_STATUSES,
  MilestoneCategory,
  MilestoneResponse,
  MilestoneStatus,
} from '@incubator/contracts';
import { FormError, formError } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { httpUrl, notBlank, VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { MilestonesService } from '../../../core/milestones/milestones.service';

export interface MilestoneDialogData {
  startupId: string;
}

/** Adds a milestone to a startup; closes with it once the API has saved it. */
@Component({
  selector: 'app-milestone-dialog',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './milestone-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneDialogComponent {
  private readonly milestones = inject(MilestonesService);
  private readonly data = inject<MilestoneDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MilestoneDialogComponent, MilestoneResponse>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly categories = MILESTONE_CATEGORIES;
  protected readonly statuses = MILESTONE_STATUSES;
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, notBlank, Validators.maxLength(200)]],
    category: this.fb.control<MilestoneCategory | ''>('', Validators.required),
    dueOn: ['', Validators.required],
    status: this.fb.control<MilestoneStatus>('planned'),
    evidenceNote: ['', Validators.maxLength(4000)],
    evidenceUrl: ['', [Validators.maxLength(500), httpUrl]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<FormError | null>(null);

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateMilestoneRequest = {
      title: value.title.trim(),
      category: value.category as MilestoneCategory,
      dueOn: value.dueOn,
      status: value.status,
    };
    if (value.evidenceNote.trim()) {
      request.evidenceNote = value.evidenceNote.trim();
    }
    if (value.evidenceUrl.trim()) {
      request.evidenceUrl = value.evidenceUrl.trim();
    }
    this.submitting.set(true);
    this.error.set(null);
    this.milestones.create(this.data.startupId, request).subscribe({
      next: (milestone) => this.dialogRef.close(milestone),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(formError(this.form, error));
      },
    });
  }
}
