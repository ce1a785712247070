import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { MILESTONE_STATUSES, MilestoneResponse, MilestoneStatus, UpdateMilestoneRequest } from '@incubator/contracts';
import { FormError, formError } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { httpUrl, notBlank, VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { MilestonesService } from '../../../core/milestones/milestones.service';

/**
 * One milestone: its status, evidence and the reviewers' comments. A writer changes the status and
 * the evidence; a reviewer comments.
 */
@Component({
  selector: 'app-milestone-item',
  imports: [
    CalendarDatePipe,
    FieldErrorComponent,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './milestone-item.component.html',
  styleUrl: './milestone-item.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneItemComponent {
  private readonly milestonesApi = inject(MilestonesService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly startupId = input.required<string>();
  readonly milestone = input.required<MilestoneResponse>();
  readonly canWrite = input(false);
  readonly canReview = input(false);
  /** The milestone as the API now has it, after a save or a new comment. */
  readonly changed = output<MilestoneResponse>();

  protected readonly locale = inject(LocaleService).locale;
  protected readonly statuses = MILESTONE_STATUSES;
  protected readonly form = this.fb.group({
    status: this.fb.control<MilestoneStatus>('planned'),
    evidenceNote: ['', Validators.maxLength(4000)],
    evidenceUrl: ['', [Validators.maxLength(500), httpUrl]],
  });
  protected readonly commentForm = this.fb.group({
    body: ['', [Validators.required, notBlank, Validators.maxLength(4000)]],
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<FormError | null>(null);
  protected readonly commenting = signal(false);
  protected readonly commentError = signal<FormError | null>(null);

  constructor() {
    // The form shows the milestone as saved: again after each save, or when the list is reloaded.
    effect(() => {
      const milestone = this.milestone();
      untracked(() =>
        this.form.reset({
          status: milestone.status,
          evidenceNote: milestone.evidenceNote ?? '',
          evidenceUrl: milestone.evidenceUrl ?? '',
        }),
      );
    });
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    // Evidence can be added or changed, not emptied: the API keeps what an update leaves out.
    const change: UpdateMilestoneRequest = { status: value.status };
    if (value.evidenceNote.trim()) {
      change.evidenceNote = value.evidenceNote.trim();
    }
    if (value.evidenceUrl.trim()) {
      change.evidenceUrl = value.evidenceUrl.trim();
    }
    const milestone = this.milestone();
    this.saving.set(true);
    this.saved.set(false);
    this.error.set(null);
    this.milestonesApi.update(this.startupId(), milestone.id, change).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.saved.set(true);
        this.changed.emit(updated);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(formError(this.form, error));
      },
    });
  }

  protected comment(): void {
    if (this.commenting()) {
      return;
    }
    if (this.commentForm.invalid) {
      this.commentForm.markAllAsTouched();
      return;
    }
    const milestone = this.milestone();
    this.commenting.set(true);
    this.commentError.set(null);
    this.milestonesApi
      .comment(this.startupId(), milestone.id, { body: this.commentForm.getRawValue().body.trim() })
      .subscribe({
        next: (comment) => {
          this.commenting.set(false);
          this.commentForm.reset();
          this.changed.emit({ ...milestone, comments: [...milestone.comments, comment] });
        },
        error: (error: unknown) => {
          this.commenting.set(false);
          this.commentError.set(formError(this.commentForm, error));
        },
      });
  }
}
