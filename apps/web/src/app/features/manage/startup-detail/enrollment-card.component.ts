import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  ENROLLMENT_TRANSITIONS,
  EnrollmentResponse,
  EnrollmentStatus,
  TransitionEnrollmentRequest,
} from '@incubator/contracts';
import { filter, Observable, of, switchMap } from 'rxjs';
import { FormError, formError } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { ProgramsService } from '../../../core/programs/programs.service';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../../core/ui/confirm-dialog.component';

/** Moves that cannot be undone: asked for confirmation. */
const FINAL: readonly EnrollmentStatus[] = ['graduated', 'withdrawn'];

/**
 * One enrollment of a startup: its cohort, its status, and a button for each move the status allows
 * (ENROLLMENT_TRANSITIONS), with an optional note kept in the history.
 */
@Component({
  selector: 'app-enrollment-card',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './enrollment-card.component.html',
  styleUrl: './enrollment-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrollmentCardComponent {
  private readonly programs = inject(ProgramsService);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  readonly enrollment = input.required<EnrollmentResponse>();
  /** Whether the user may move enrollments (`startups:manage`). */
  readonly canManage = input(false);
  readonly changed = output<EnrollmentResponse>();

  protected readonly moves = computed(() => ENROLLMENT_TRANSITIONS[this.enrollment().status]);
  protected readonly form = inject(NonNullableFormBuilder).group({ note: ['', Validators.maxLength(1000)] });
  protected readonly moving = signal<EnrollmentStatus | null>(null);
  protected readonly error = signal<FormError | null>(null);

  protected move(status: EnrollmentStatus): void {
    if (this.moving() || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const enrollment = this.enrollment();
    const note = this.form.getRawValue().note.trim();
    const request: TransitionEnrollmentRequest = note ? { status, note } : { status };
    this.confirmed(enrollment, status)
      .pipe(
        switchMap(() => {
          this.moving.set(status);
          this.error.set(null);
          return this.programs.transition(enrollment.id, request);
        }),
      )
      .subscribe({
        next: (updated) => {
          this.moving.set(null);
          this.form.reset();
          this.changed.emit(updated);
        },
        error: (error: unknown) => {
          this.moving.set(null);
          // 409: the cohort is full; 422: the status changed meanwhile (its message says from what).
          this.error.set(formError(this.form, error));
        },
      });
  }

  private confirmed(enrollment: EnrollmentResponse, status: EnrollmentStatus): Observable<unknown> {
    if (!FINAL.includes(status)) {
      return of(true);
    }
    const t = (key: string) =>
      this.transloco.translate(key, { startup: enrollment.startupName, cohort: enrollment.cohortName });
    return this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: t(`manage.enrollment.confirm.${status}Title`),
          text: t('manage.enrollment.confirm.text'),
          confirm: t(`manage.enrollment.moves.${status}`),
          cancel: t('pipeline.cancel'),
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true));
  }
}
