import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { StartupResponse } from '@incubator/contracts';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { StartupsService } from '../../../core/startups/startups.service';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { sirenTaken, startupForm, toCreateRequest } from '../../pipeline/startup-form/startup-form';
import { StartupFieldsComponent } from '../../pipeline/startup-form/startup-fields.component';

/** Registers a startup; closes with it once the API has saved it. */
@Component({
  selector: 'app-startup-dialog',
  imports: [DialogShellComponent, ReactiveFormsModule, StartupFieldsComponent, TranslocoDirective],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t">
      <app-dialog-shell
        [title]="t('manage.startups.dialog.title')"
        [state]="submission"
        [submitLabel]="t('manage.startups.dialog.submit')"
        testId="startup"
      >
        <app-startup-fields [form]="form" />
      </app-dialog-shell>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupDialogComponent {
  private readonly startups = inject(StartupsService);
  private readonly dialogRef = inject<MatDialogRef<StartupDialogComponent, StartupResponse>>(MatDialogRef);

  protected readonly form = startupForm(inject(NonNullableFormBuilder));
  protected readonly submission = submitState();

  protected submit(): void {
    // 400 or 409 at `siren`: invalid, or already registered (then a link to that startup).
    submitForm(
      this.form,
      this.submission,
      () => this.startups.create(toCreateRequest(this.form)),
      (startup) => this.dialogRef.close(startup),
      {},
      sirenTaken,
    );
  }
}
