import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  ASSIGNMENT_MODES,
  CallResponse,
  CohortResponse,
  QUESTION_KINDS,
  QuestionKind,
  UpdateCallRequest,
  WEIGHT_MAX,
  WEIGHT_MIN,
} from '@incubator/contracts';
import { forkJoin, of } from 'rxjs';
import { ApplicationsService } from '../../../core/applications/applications.service';
import { genericError } from '../../../core/forms/api-error';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ProgramsService } from '../../../core/programs/programs.service';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';
import {
  CallForm,
  callForm,
  callFormProblems,
  callRequest,
  criterionGroup,
  isChoice,
  optionGroup,
  QuestionGroup,
  questionGroup,
  slugify,
} from './call-form';

/**
 * Creates or edits a call: its cohort, address, FR/EN texts and dates, the questions of its form
 * (eligibility first, choices with their options), the criteria the reviewers score with their
 * weights, and how applications are assigned. The API refuses changes to the questions once an
 * application is submitted.
 */
@Component({
  selector: 'app-call-edit-page',
  imports: [
    DateFieldComponent,
    FormErrorComponent,
    FormFieldComponent,
    MatButtonModule,
    MatCheckboxModule,
    ReactiveFormsModule,
    RouterLink,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  templateUrl: './call-edit.page.html',
  styleUrls: ['./calls.scss', './call-edit.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallEditPage {
  private readonly api = inject(ApplicationsService);
  private readonly programs = inject(ProgramsService);
  private readonly router = inject(Router);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly callId = inject(ActivatedRoute).snapshot.paramMap.get('callId');

  protected readonly call = signal<CallResponse | null>(null);
  protected readonly cohorts = signal<CohortResponse[]>([]);
  protected readonly form = signal<CallForm | null>(null);
  protected readonly loadError = signal<ReturnType<typeof genericError> | null>(null);
  protected readonly problems = signal<string[]>([]);
  protected readonly submission = submitState();

  protected readonly cohortOptions = computed<SelectOption[]>(() =>
    this.cohorts().map((c) => ({ value: c.id, label: `${c.programName} · ${c.name}` })),
  );
  protected readonly kinds = QUESTION_KINDS;
  protected readonly modes = ASSIGNMENT_MODES;
  protected readonly weights = Array.from({ length: WEIGHT_MAX - WEIGHT_MIN + 1 }, (_, i) => String(WEIGHT_MIN + i));
  protected readonly isChoice = (kind: string) => isChoice(kind as QuestionKind);

  constructor() {
    forkJoin({
      cohorts: this.programs.listCohorts(),
      call: this.callId ? this.api.getCall(this.callId) : of(null),
    }).subscribe({
      next: ({ cohorts, call }) => {
        this.cohorts.set(cohorts);
        this.call.set(call);
        const form = callForm(call ?? undefined);
        if (!call) {
          form.controls.criteria.push(criterionGroup());
          // The address follows the French title until it is typed.
          form.controls.title.controls.fr.valueChanges.subscribe((title) => {
            if (!form.controls.slug.dirty) {
              form.controls.slug.setValue(slugify(title));
            }
          });
        }
        this.form.set(form);
      },
      error: (error: unknown) => this.loadError.set(genericError(error)),
    });
  }

  protected addQuestion(form: CallForm): void {
    form.controls.questions.push(questionGroup());
  }

  protected removeQuestion(form: CallForm, index: number): void {
    form.controls.questions.removeAt(index);
  }

  protected moveQuestion(form: CallForm, index: number, by: -1 | 1): void {
    const questions = form.controls.questions;
    const target = index + by;
    if (target < 0 || target >= questions.length) {
      return;
    }
    const question = questions.at(index);
    questions.removeAt(index, { emitEvent: false });
    questions.insert(target, question);
  }

  /** A choice question starts with two options to fill in. */
  protected kindChanged(question: QuestionGroup): void {
    if (isChoice(question.controls.kind.value as QuestionKind) && question.controls.options.length === 0) {
      question.controls.options.push(optionGroup('a'));
      question.controls.options.push(optionGroup('b'));
    }
  }

  protected addOption(question: QuestionGroup): void {
    const used = new Set(question.controls.options.getRawValue().map((o) => o.value));
    let code = question.controls.options.length;
    while (used.has(`option-${code}`)) {
      code++;
    }
    question.controls.options.push(optionGroup(`option-${code}`));
  }

  protected removeOption(question: QuestionGroup, index: number): void {
    question.controls.options.removeAt(index);
  }

  protected addCriterion(form: CallForm): void {
    form.controls.criteria.push(criterionGroup());
  }

  protected removeCriterion(form: CallForm, index: number): void {
    form.controls.criteria.removeAt(index);
  }

  protected save(form: CallForm): void {
    const problems = callFormProblems(form);
    this.problems.set(problems);
    if (problems.length > 0) {
      form.markAllAsTouched();
      return;
    }
    const request = callRequest(form);
    const callId = this.callId;
    submitForm(
      form,
      this.submission,
      () => {
        if (!callId) {
          return this.api.createCall(request);
        }
        // The cohort of a call does not change.
        const change: UpdateCallRequest = Object.fromEntries(Object.entries(request).filter(([key]) => key !== 'cohortId'));
        return this.api.updateCall(callId, change);
      },
      (saved) => void this.router.navigate(['/manage/calls', saved.id]),
      // Said of the whole list (with the question's position): above the button, not on the array.
      { questions: '-questions', criteria: '-criteria' },
    );
  }
}
