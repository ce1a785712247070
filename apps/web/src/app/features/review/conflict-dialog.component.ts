import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { ApplicationsService } from '../../core/applications/applications.service';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { DialogShellComponent } from '../../core/ui/dialog-shell/dialog-shell.component';
import { FormFieldComponent } from '../../core/ui/form-field/form-field.component';

export interface ConflictDialogData {
  applicationId: string;
  startupName: string;
}

/** A conflict of interest removes me from the application: I no longer see it nor score it. */
@Component({
  selector: 'app-conflict-dialog',
  imports: [DialogShellComponent, FormFieldComponent, ReactiveFormsModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t">
      <app-dialog-shell
        [title]="t('applications.review.conflict.title', { name: data.startupName })"
        [state]="submission"
        [submitLabel]="t('applications.review.conflict.confirm')"
        testId="conflict"
      >
        <p>{{ t('applications.review.conflict.text') }}</p>
        <app-form-field
          [control]="form.controls.reason"
          [label]="t('applications.review.conflict.reason')"
          type="multiline"
          testId="conflict-reason"
        />
      </app-dialog-shell>
    </form>
  `,
})
export class ConflictDialogComponent {
  private readonly api = inject(ApplicationsService);
  private readonly dialogRef = inject(MatDialogRef<ConflictDialogComponent, boolean>);
  protected readonly data = inject<ConflictDialogData>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({ reason: ['', [Validators.maxLength(1000)]] });
  protected readonly submission = submitState();

  protected submit(): void {
    const reason = this.form.getRawValue().reason.trim();
    submitForm(
      this.form,
      this.submission,
      () => this.api.declareConflict(this.data.applicationId, { reason: reason || null }),
      () => this.dialogRef.close(true),
    );
  }
}
