import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { ProgramResponse, UpdateProgramRequest } from '@incubator/contracts';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { notBlank, VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { ProgramsService } from '../../../core/programs/programs.service';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

export interface ProgramEditDialogData {
  program: ProgramResponse;
}

/** Renames or re-describes a program (its site and kind stay); closes with it once the API has saved it. */
@Component({
  selector: 'app-program-edit-dialog',
  imports: [DialogShellComponent, FormFieldComponent, ReactiveFormsModule, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t">
      <app-dialog-shell
        [title]="t('programEdit.title', { name: data.program.name })"
        [state]="submission"
        [submitLabel]="t('programEdit.submit')"
        testId="program-edit"
      >
        <div class="form-stack">
          <p class="muted">{{ t('programEdit.fixed', { site: data.program.siteName, kind: t('pipeline.kinds.' + data.program.kind) }) }}</p>
          <app-form-field [control]="form.controls.name" [label]="t('manage.programs.dialog.name')" testId="program-edit-name" />
          <app-form-field
            [control]="form.controls.description"
            [label]="t('manage.programs.dialog.description')"
            type="multiline"
            testId="program-edit-description"
          />
        </div>
      </app-dialog-shell>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramEditDialogComponent {
  private readonly programs = inject(ProgramsService);
  private readonly dialogRef = inject<MatDialogRef<ProgramEditDialogComponent, ProgramResponse>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly data = inject<ProgramEditDialogData>(MAT_DIALOG_DATA);
  protected readonly form = this.fb.group({
    name: [this.data.program.name, [Validators.required, notBlank, Validators.maxLength(120)]],
    description: [this.data.program.description ?? '', Validators.maxLength(2000)],
  });
  protected readonly submission = submitState();

  protected submit(): void {
    // A 409 names the field: the name is already used on the site.
    submitForm(
      this.form,
      this.submission,
      () => this.programs.updateProgram(this.data.program.id, this.change()),
      (program) => this.dialogRef.close(program),
    );
  }

  private change(): UpdateProgramRequest {
    const value = this.form.getRawValue();
    return { name: value.name.trim(), description: value.description.trim() || null };
  }
}
