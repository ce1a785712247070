import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  CreateMilestoneRequest,
  MILESTONE_CATEGORIES,
  MILESTONE_STATUSES,
  MilestoneCategory,
  MilestoneResponse,
  MilestoneStatus,
} from '@incubator/contracts';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { httpUrl, notBlank, VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { MilestonesService } from '../../../core/milestones/milestones.service';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

export interface MilestoneDialogData {
  startupId: string;
}

/** Adds a milestone to a startup; closes with it once the API has saved it. */
@Component({
  selector: 'app-milestone-dialog',
  imports: [
    DateFieldComponent,
    DialogShellComponent,
    FormFieldComponent,
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
  protected readonly submission = submitState();

  protected submit(): void {
    submitForm(
      this.form,
      this.submission,
      () => this.milestones.create(this.data.startupId, this.request()),
      (milestone) => this.dialogRef.close(milestone),
    );
  }

  private request(): CreateMilestoneRequest {
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
    return request;
  }
}
