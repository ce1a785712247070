import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { StartupResponse } from '@incubator/contracts';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { StartupsService } from '../../../core/startups/startups.service';
import { startupForm, toCreateRequest } from '../../pipeline/startup-form/startup-form';
import { StartupFieldsComponent } from '../../pipeline/startup-form/startup-fields.component';

/** Registers a startup; closes with it once the API has saved it. */
@Component({
  selector: 'app-startup-dialog',
  imports: [MatButtonModule, MatDialogModule, ReactiveFormsModule, StartupFieldsComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('manage.startups.dialog.title') }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <app-startup-fields [form]="form" />
          @if (error(); as error) {
            <p class="form-error" role="alert" data-testid="startup-error">
              {{ error.key ? t(error.key) : error.text }}
            </p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close data-testid="startup-cancel">
            {{ t('pipeline.cancel') }}
          </button>
          <button mat-flat-button type="submit" data-testid="startup-submit" [attr.aria-busy]="submitting()">
            {{ submitting() ? t('pipeline.saving') : t('manage.startups.dialog.submit') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupDialogComponent {
  private readonly startups = inject(StartupsService);
  private readonly dialogRef = inject<MatDialogRef<StartupDialogComponent, StartupResponse>>(MatDialogRef);

  protected readonly form = startupForm(inject(NonNullableFormBuilder));
  private readonly submission = submitState();
  protected readonly submitting = this.submission.submitting;
  protected readonly error = this.submission.error;

  protected submit(): void {
    // 400 or 409 at `siren`: invalid, or already registered.
    submitForm(
      this.form,
      this.submission,
      () => this.startups.create(toCreateRequest(this.form)),
      (startup) => this.dialogRef.close(startup),
    );
  }
}
