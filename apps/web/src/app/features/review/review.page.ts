import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormRecord, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ReviewApplicationResponse, SaveReviewRequest, SCORE_MAX, SCORE_MIN } from '@incubator/contracts';
import { filter, map, startWith } from 'rxjs';
import { fileDownloads } from '../../core/api/file-download';
import { formatInstant, formatScore, localised } from '../../core/applications/application-format';
import { ApplicationsService } from '../../core/applications/applications.service';
import { FormErrorComponent } from '../../core/forms/form-error.component';
import { SelectFieldComponent, SelectOption } from '../../core/forms/select-field.component';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { genericError } from '../../core/forms/api-error';
import { LocaleService } from '../../core/i18n/locale.service';
import { FormFieldComponent } from '../../core/ui/form-field/form-field.component';
import { ApplicationAnswersComponent } from './answers.component';
import { ConflictDialogComponent, ConflictDialogData } from './conflict-dialog.component';
import { weightedScore } from './scoring';

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

/**
 * One assigned application: its answers and files, then my score per criterion (1–5) and comment,
 * saved as a draft or submitted (final). Blind review: the others' scores appear only when the API
 * sends them, which it does once mine is submitted.
 */
@Component({
  selector: 'app-review-page',
  imports: [
    ApplicationAnswersComponent,
    FormErrorComponent,
    FormFieldComponent,
    MatButtonModule,
    ReactiveFormsModule,
    RouterLink,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  templateUrl: './review.page.html',
  styleUrls: ['../manage/calls/calls.scss', './review.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPage {
  private readonly api = inject(ApplicationsService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly applicationId = inject(ActivatedRoute).snapshot.paramMap.get('applicationId') ?? '';
  protected readonly locale = inject(LocaleService).locale;

  protected readonly review = signal<ReviewApplicationResponse | null>(null);
  protected readonly loadError = signal<ReturnType<typeof genericError> | null>(null);
  protected readonly submitted = computed(() => !!this.review()?.myReview?.submittedAt);
  protected readonly saved = signal(false);

  protected readonly form = new FormGroup({
    scores: new FormRecord<FormControl<string>>({}),
    comment: inject(NonNullableFormBuilder).control('', [Validators.maxLength(5000)]),
  });
  private readonly formValue = toSignal(this.form.valueChanges.pipe(startWith(null), map(() => this.form.getRawValue())), {
    requireSync: true,
  });
  protected readonly myWeighted = computed(() => {
    const review = this.review();
    return review ? weightedScore(review.criteria, this.scoresOf(this.formValue().scores)) : null;
  });
  protected readonly saving = submitState();
  protected readonly submitting = submitState();
  protected readonly downloads = fileDownloads();

  protected readonly scoreOptions: SelectOption[] = SCORES.map((value) => ({ value, label: value }));
  protected readonly text = localised;
  protected readonly score = formatScore;
  protected readonly instant = formatInstant;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.getReview(this.applicationId).subscribe({
      next: (review) => this.show(review),
      error: (error: unknown) => this.loadError.set(genericError(error)),
    });
  }

  private show(review: ReviewApplicationResponse): void {
    const scores = this.form.controls.scores;
    for (const criterion of review.criteria) {
      const given = review.myReview?.scores.find((s) => s.criterionId === criterion.id)?.score;
      const control = scores.get(criterion.id) as FormControl<string> | null;
      if (control) {
        control.setValue(given ? String(given) : '');
      } else {
        scores.addControl(
          criterion.id,
          new FormControl(given ? String(given) : '', { nonNullable: true, validators: Validators.required }),
        );
      }
    }
    this.form.controls.comment.setValue(review.myReview?.comment ?? '');
    if (review.myReview?.submittedAt) {
      this.form.disable();
    }
    this.review.set(review);
  }

  protected scoreControl(criterionId: string): FormControl<string> {
    return this.form.controls.scores.get(criterionId) as FormControl<string>;
  }

  protected save(): void {
    this.saved.set(false);
    // A draft may leave criteria unscored: only the comment's rule applies.
    submitForm(this.form.controls.comment, this.saving, () => this.api.saveReview(this.applicationId, this.request()), (review) => {
      this.show(review);
      this.saved.set(true);
    });
  }

  protected submit(): void {
    this.saved.set(false);
    submitForm(this.form, this.submitting, () => this.api.submitReview(this.applicationId, this.request()), (review) => {
      this.show(review);
      this.notify('applications.review.submittedNotice');
    });
  }

  protected declareConflict(): void {
    const review = this.review();
    if (!review) {
      return;
    }
    this.dialog
      .open<ConflictDialogComponent, ConflictDialogData, boolean>(ConflictDialogComponent, {
        data: { applicationId: review.applicationId, startupName: review.startupName },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((done) => done === true))
      .subscribe(() => {
        this.notify('applications.review.conflict.done');
        void this.router.navigate(['/review']);
      });
  }

  protected download(questionId: string): void {
    this.downloads.start(this.api.reviewFile(this.applicationId, questionId), 'application.pdf');
  }

  protected criterionScore(scores: { criterionId: string; score: number }[], criterionId: string): string {
    const found = scores.find((s) => s.criterionId === criterionId);
    return found ? String(found.score) : '–';
  }

  private request(): SaveReviewRequest {
    const value = this.form.getRawValue();
    const comment = value.comment.trim();
    return { scores: this.scoresOf(value.scores), comment: comment || null };
  }

  private scoresOf(values: Record<string, string>): { criterionId: string; score: number }[] {
    return Object.entries(values)
      .filter(([, score]) => score !== '')
      .map(([criterionId, score]) => ({ criterionId, score: Number(score) }));
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 5000 });
  }
}
