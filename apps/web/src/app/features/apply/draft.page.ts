import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, FormRecord, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ApplicationDraftResponse, ApplicationFileResponse, PublicCallResponse, PublicQuestion } from '@incubator/contracts';
import { switchMap } from 'rxjs';
import { checkPdf, formatBytes, formatDay, formatInstant } from '../../core/applications/application-format';
import { ApplicationsService } from '../../core/applications/applications.service';
import { DraftSessionStore } from '../../core/applications/draft-session.store';
import { FormError, genericError, httpStatus } from '../../core/forms/api-error';
import { FormErrorComponent } from '../../core/forms/form-error.component';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { SelectFieldComponent } from '../../core/forms/select-field.component';
import { LocaleService } from '../../core/i18n/locale.service';
import { FormFieldComponent } from '../../core/ui/form-field/form-field.component';
import { normaliseSiren, optionalSiren } from './apply-validators';
import { AnswerControl, answerControl, answersOf, missingFiles, orderedQuestions } from './draft-form';

/**
 * The API names a bad answer at `answers` (the whole record): shown above the buttons, where it
 * names its question, rather than on the record, which no field displays.
 */
const ANSWER_ALIASES = { answers: '-answers' };

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

type DraftState =
  | { kind: 'loading' }
  | { kind: 'ready' }
  /** No session in this tab, or it expired (401): a new link is needed. */
  | { kind: 'expired' }
  | { kind: 'failed'; error: FormError };

/**
 * The applicant's draft, opened with the magic link's session: every question of the call
 * (eligibility first), PDF uploads of at most 10 MB checked before they are sent, save, and submit
 * with its confirmation. The call's texts follow the language toggle; answers typed stay.
 */
@Component({
  selector: 'app-draft-page',
  imports: [
    FormErrorComponent,
    FormFieldComponent,
    MatButtonModule,
    MatCheckboxModule,
    ReactiveFormsModule,
    RouterLink,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  templateUrl: './draft.page.html',
  styleUrl: './apply.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DraftPage {
  private readonly api = inject(ApplicationsService);
  private readonly sessions = inject(DraftSessionStore);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly locale = inject(LocaleService).locale;

  protected readonly state = signal<DraftState>({ kind: 'loading' });
  protected readonly draft = signal<ApplicationDraftResponse | null>(null);
  /** The call's texts in the UI language (the draft's until the language changes). */
  protected readonly call = signal<PublicCallResponse | null>(null);
  protected readonly questions = computed(() => orderedQuestions(this.call()?.questions ?? []));
  protected readonly controls = signal<Record<string, AnswerControl>>({});
  protected readonly files = signal<Record<string, ApplicationFileResponse>>({});
  protected readonly fileErrors = signal<Record<string, string>>({});
  protected readonly uploading = signal<string | null>(null);
  protected readonly saved = signal(false);
  protected readonly callPath = computed(() => {
    const last = this.sessions.last();
    return last ? ['/apply', last.organisationSlug, last.callSlug] : null;
  });

  protected readonly form = new FormGroup({
    startupName: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    siren: this.fb.control('', [optionalSiren]),
    answers: new FormRecord<FormControl<string> | FormControl<string[]>>({}),
  });
  protected readonly saving = submitState();
  protected readonly submitting = submitState();

  protected readonly day = formatDay;
  protected readonly instant = formatInstant;
  protected readonly bytes = formatBytes;

  constructor() {
    if (!this.sessions.current()) {
      this.state.set({ kind: 'expired' });
    } else {
      this.load();
    }
    // The call's texts follow the language toggle.
    effect(() => {
      const locale = this.locale();
      const draft = untracked(this.draft);
      if (draft && draft.call.locale !== locale && untracked(this.call)?.locale !== locale) {
        this.api.publicCall(draft.call.organisationSlug, draft.call.slug, locale).subscribe({
          next: (call) => this.call.set(call),
          error: () => undefined,
        });
      }
    });
  }

  protected load(): void {
    this.state.set({ kind: 'loading' });
    this.api.getDraft().subscribe({
      next: (draft) => {
        this.show(draft);
        this.state.set({ kind: 'ready' });
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private show(draft: ApplicationDraftResponse): void {
    this.draft.set(draft);
    this.call.set(draft.call);
    this.files.set(Object.fromEntries(draft.files.map((file) => [file.questionId, file])));
    this.form.patchValue({ startupName: draft.startupName, siren: draft.siren ?? '' });
    const controls: Record<string, AnswerControl> = {};
    const answers = this.form.controls.answers;
    for (const question of draft.call.questions) {
      const entry = answerControl(question, draft.answers[question.id]);
      if (entry) {
        controls[question.id] = entry;
        answers.setControl(question.id, entry.control);
      }
    }
    this.controls.set(controls);
  }

  private fail(error: unknown): void {
    if (httpStatus(error) === 401) {
      this.sessions.clear();
      this.state.set({ kind: 'expired' });
    } else {
      this.state.set({ kind: 'failed', error: genericError(error) });
    }
  }

  protected textControl(question: PublicQuestion): FormControl<string> {
    return this.controls()[question.id]?.control as FormControl<string>;
  }

  protected isChecked(question: PublicQuestion, value: string): boolean {
    const entry = this.controls()[question.id];
    return entry?.kind === 'multi' && entry.control.value.includes(value);
  }

  protected toggleChoice(question: PublicQuestion, value: string, checked: boolean): void {
    const entry = this.controls()[question.id];
    if (entry?.kind !== 'multi') {
      return;
    }
    const values = entry.control.value.filter((v) => v !== value);
    entry.control.setValue(checked ? [...values, value] : values);
    entry.control.markAsTouched();
  }

  protected multiInvalid(question: PublicQuestion): boolean {
    const control = this.controls()[question.id]?.control;
    return !!control && control.invalid && control.touched;
  }

  protected save(): void {
    this.saved.set(false);
    submitForm(this.form, this.saving, () => this.api.saveDraft(this.request()), (draft) => {
      this.draft.set(draft);
      this.saved.set(true);
    }, ANSWER_ALIASES);
  }

  protected submit(): void {
    this.saved.set(false);
    const draft = this.draft();
    const missing = draft ? missingFiles({ files: Object.values(this.files()) }, this.questions()) : [];
    if (missing.length > 0) {
      this.fileErrors.update((errors) => ({
        ...errors,
        ...Object.fromEntries(missing.map((id) => [id, 'applications.draft.file.required'])),
      }));
    }
    if (missing.length > 0 && this.form.valid) {
      return;
    }
    submitForm(
      this.form,
      this.submitting,
      () => this.api.saveDraft(this.request()).pipe(switchMap(() => this.api.submitDraft())),
      (submitted) => this.draft.set(submitted),
      ANSWER_ALIASES,
    );
  }

  protected async upload(question: PublicQuestion, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.uploading()) {
      return;
    }
    const problem = await checkPdf(file, this.call()?.maxFileBytes);
    if (problem) {
      this.setFileError(question.id, `applications.draft.file.${problem}`);
      return;
    }
    this.setFileError(question.id, null);
    this.uploading.set(question.id);
    this.api.uploadFile(question.id, file).subscribe({
      next: (uploaded) => {
        this.uploading.set(null);
        this.files.update((files) => ({ ...files, [question.id]: uploaded }));
      },
      error: (error: unknown) => {
        this.uploading.set(null);
        const status = httpStatus(error);
        if (status === 401) {
          this.fail(error);
        } else {
          this.setFileError(
            question.id,
            status === 413 ? 'applications.draft.file.tooLarge' : status === 415 ? 'applications.draft.file.notPdf' : 'applications.draft.file.failed',
          );
        }
      },
    });
  }

  protected removeFile(question: PublicQuestion): void {
    this.api.deleteFile(question.id).subscribe({
      next: () =>
        this.files.update((files) => without(files, question.id)),
      error: (error: unknown) =>
        httpStatus(error) === 401 ? this.fail(error) : this.setFileError(question.id, 'applications.draft.file.failed'),
    });
  }

  private setFileError(questionId: string, key: string | null): void {
    this.fileErrors.update((errors) => (key ? { ...errors, [questionId]: key } : without(errors, questionId)));
  }

  private request() {
    const value = this.form.getRawValue();
    return {
      startupName: value.startupName.trim(),
      siren: normaliseSiren(value.siren),
      locale: this.locale(),
      answers: answersOf(this.questions(), this.controls()),
    };
  }
}
