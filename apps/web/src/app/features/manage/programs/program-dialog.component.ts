import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { CreateProgramRequest, PROGRAM_KINDS, ProgramKind, ProgramResponse, SiteResponse } from '@incubator/contracts';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { notBlank, VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { ProgramsService } from '../../../core/programs/programs.service';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

export interface ProgramDialogData {
  sites: SiteResponse[];
  /** The site to propose, when the dialog is opened from a site. */
  siteId?: string;
}

/** Creates a program on a site; closes with it once the API has saved it. */
@Component({
  selector: 'app-program-dialog',
  imports: [DialogShellComponent, FormFieldComponent, ReactiveFormsModule, SelectFieldComponent, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './program-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramDialogComponent {
  private readonly programs = inject(ProgramsService);
  private readonly dialogRef = inject<MatDialogRef<ProgramDialogComponent, ProgramResponse>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly data = inject<ProgramDialogData>(MAT_DIALOG_DATA);
  protected readonly kinds = PROGRAM_KINDS;
  protected readonly siteOptions: SelectOption[] = this.data.sites.map((site) => ({
    value: site.id,
    label: site.name,
  }));
  protected readonly form = this.fb.group({
    siteId: [this.data.siteId ?? (this.data.sites.length === 1 ? this.data.sites[0].id : ''), Validators.required],
    kind: this.fb.control<ProgramKind | ''>('', Validators.required),
    name: ['', [Validators.required, notBlank, Validators.maxLength(120)]],
    description: ['', Validators.maxLength(2000)],
  });
  protected readonly submission = submitState();

  protected submit(): void {
    // A 409 names the field: the name is already used on the site.
    submitForm(
      this.form,
      this.submission,
      () => this.programs.createProgram(this.request()),
      (program) => this.dialogRef.close(program),
    );
  }

  private request(): CreateProgramRequest {
    const value = this.form.getRawValue();
    const request: CreateProgramRequest = {
      siteId: value.siteId,
      kind: value.kind as ProgramKind,
      name: value.name.trim(),
    };
    if (value.description.trim()) {
      request.description = value.description.trim();
    }
    return request;
  }
}
