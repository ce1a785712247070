import { AbstractControl, FormControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { AnswerValue, ApplicationDraftResponse, PublicQuestion } from '@incubator/contracts';

/** The default limits of the API for text answers. */
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;

/** A number as typed in French or English: 1 234,5 or 1234.5 (two decimals at most). */
const NUMBER = /^-?\d+([.,]\d{1,2})?$/;

export function decimal(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').replace(/[\s\u00a0\u202f]/g, '');
  return value === '' || NUMBER.test(value) ? null : { decimal: true };
}

export function parseNumber(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return compact === '' ? null : Number(compact);
}

const atLeastOne: ValidatorFn = (control) =>
  Array.isArray(control.value) && control.value.length > 0 ? null : { required: true };

/** One control per question but file questions (their file is sent on its own). */
export type AnswerControl =
  | { kind: 'text'; control: FormControl<string> }
  | { kind: 'multi'; control: FormControl<string[]> };

export function answerControl(question: PublicQuestion, answer: AnswerValue | undefined): AnswerControl | null {
  if (question.kind === 'file') {
    return null;
  }
  if (question.kind === 'multiple_choice') {
    const values = Array.isArray(answer) ? answer.map(String) : [];
    return {
      kind: 'multi',
      control: new FormControl<string[]>(values, { nonNullable: true, validators: question.required ? [atLeastOne] : [] }),
    };
  }
  const validators: ValidatorFn[] = question.required ? [Validators.required] : [];
  if (question.kind === 'number') {
    validators.push(decimal);
  } else if (question.kind !== 'single_choice') {
    validators.push(Validators.maxLength(question.maxLength ?? (question.kind === 'long_text' ? LONG_TEXT_MAX : SHORT_TEXT_MAX)));
  }
  const text = answer === null || answer === undefined || Array.isArray(answer) ? '' : String(answer);
  return { kind: 'text', control: new FormControl<string>(text, { nonNullable: true, validators }) };
}

/** The answers as the API takes them: numbers as numbers, empty answers as null. */
export function answersOf(
  questions: readonly PublicQuestion[],
  controls: Readonly<Record<string, AnswerControl>>,
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const question of questions) {
    const entry = controls[question.id];
    if (!entry) {
      continue;
    }
    if (entry.kind === 'multi') {
      answers[question.id] = entry.control.value;
    } else if (question.kind === 'number') {
      answers[question.id] = parseNumber(entry.control.value);
    } else {
      const text = entry.control.value.trim();
      answers[question.id] = text === '' ? null : text;
    }
  }
  return answers;
}

/** Required file questions without a file. */
export function missingFiles(draft: Pick<ApplicationDraftResponse, 'files'>, questions: readonly PublicQuestion[]): string[] {
  const present = new Set(draft.files.map((file) => file.questionId));
  return questions.filter((q) => q.kind === 'file' && q.required && !present.has(q.id)).map((q) => q.id);
}

/** Eligibility questions first, as the API orders them for display. */
export function orderedQuestions(questions: readonly PublicQuestion[]): PublicQuestion[] {
  return [...questions.filter((q) => q.eligibility), ...questions.filter((q) => !q.eligibility)];
}
