import { FormArray, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import {
  AssignmentMode,
  CallResponse,
  CreateCallRequest,
  CriterionInput,
  QuestionInput,
  QuestionKind,
  WEIGHT_MAX,
  WEIGHT_MIN,
} from '@incubator/contracts';
import { wholeNumber } from '../../../core/forms/form-validation';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice'];

export function isChoice(kind: QuestionKind): boolean {
  return CHOICE_KINDS.includes(kind);
}

function text(value = '', required = true, max = 300): FormControl<string> {
  return new FormControl(value, {
    nonNullable: true,
    validators: required ? [Validators.required, Validators.maxLength(max)] : [Validators.maxLength(max)],
  });
}

function localisedGroup(value: { fr: string; en: string } | null | undefined, required = true, max = 300) {
  return new FormGroup({ fr: text(value?.fr ?? '', required, max), en: text(value?.en ?? '', required, max) });
}

export type LocalisedGroup = ReturnType<typeof localisedGroup>;

export function optionGroup(value = '', fr = '', en = '', eligible = true) {
  return new FormGroup({
    value: new FormControl(value, { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[a-z0-9_-]{1,40}$/)] }),
    label: localisedGroup({ fr, en }, true, 200),
    /** For an eligibility question: whether this answer qualifies. */
    eligible: new FormControl(eligible, { nonNullable: true }),
  });
}

export type OptionGroup = ReturnType<typeof optionGroup>;

export function questionGroup(question?: QuestionInput & { id?: string }) {
  const eligible = new Set(question?.eligibleValues ?? []);
  return new FormGroup({
    id: new FormControl<string | null>(question?.id ?? null),
    kind: new FormControl<string>(question?.kind ?? 'short_text', { nonNullable: true, validators: Validators.required }),
    label: localisedGroup(question?.label, true, 300),
    help: localisedGroup(question?.help, false, 1000),
    required: new FormControl(question?.required ?? true, { nonNullable: true }),
    eligibility: new FormControl(question?.eligibility ?? false, { nonNullable: true }),
    options: new FormArray<OptionGroup>(
      (question?.options ?? []).map((o) => optionGroup(o.value, o.label.fr, o.label.en, !question?.eligibility || eligible.has(o.value))),
    ),
    maxLength: new FormControl(question?.maxLength ? String(question.maxLength) : '', { nonNullable: true, validators: [wholeNumber] }),
  });
}

export type QuestionGroup = ReturnType<typeof questionGroup>;

export function criterionGroup(criterion?: CriterionInput) {
  return new FormGroup({
    id: new FormControl<string | null>(criterion?.id ?? null),
    label: localisedGroup(criterion?.label, true, 200),
    description: localisedGroup(criterion?.description, false, 1000),
    weight: new FormControl(String(criterion?.weight ?? 1), { nonNullable: true, validators: Validators.required }),
  });
}

export type CriterionGroup = ReturnType<typeof criterionGroup>;

/** Choice questions need 2 to 20 options. */
function optionsRule(group: QuestionGroup): ValidationErrors | null {
  const kind = group.controls.kind.value as QuestionKind;
  const count = group.controls.options.length;
  return isChoice(kind) && (count < 2 || count > 20) ? { options: true } : null;
}

export function callForm(call?: CallResponse) {
  const form = new FormGroup({
    cohortId: new FormControl(call?.cohortId ?? '', { nonNullable: true, validators: Validators.required }),
    slug: new FormControl(call?.slug ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80), Validators.pattern(SLUG)],
    }),
    title: localisedGroup(call?.title, true, 200),
    description: localisedGroup(call?.description, true, 5000),
    opensOn: new FormControl(call?.opensOn ?? '', { nonNullable: true, validators: Validators.required }),
    closesOn: new FormControl(call?.closesOn ?? '', { nonNullable: true, validators: Validators.required }),
    assignmentMode: new FormControl<string>(call?.assignmentMode ?? 'all', { nonNullable: true }),
    reviewersPerApplication: new FormControl(call?.reviewersPerApplication ? String(call.reviewersPerApplication) : '', {
      nonNullable: true,
      validators: [wholeNumber],
    }),
    questions: new FormArray<QuestionGroup>((call?.questions ?? []).map((q) => questionGroup(q))),
    criteria: new FormArray<CriterionGroup>((call?.criteria ?? []).map((c) => criterionGroup(c))),
  });
  return form;
}

export type CallForm = ReturnType<typeof callForm>;

/** Problems the fields cannot show alone: dates in order, options of choice questions, a balanced count. */
export function callFormProblems(form: CallForm): string[] {
  const value = form.getRawValue();
  const problems: string[] = [];
  if (value.opensOn && value.closesOn && value.closesOn < value.opensOn) {
    problems.push('applications.edit.problems.dates');
  }
  if (form.controls.questions.controls.some((q) => optionsRule(q))) {
    problems.push('applications.edit.problems.options');
  }
  if (value.assignmentMode === 'balanced') {
    const n = Number(value.reviewersPerApplication);
    if (!value.reviewersPerApplication || n < 1 || n > 20) {
      problems.push('applications.edit.problems.reviewersPerApplication');
    }
  }
  return problems;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request the API takes, from the form's values. */
export function callRequest(form: CallForm): CreateCallRequest {
  const value = form.getRawValue();
  const balanced = value.assignmentMode === 'balanced';
  return {
    cohortId: value.cohortId,
    slug: value.slug.trim(),
    title: { fr: value.title.fr.trim(), en: value.title.en.trim() },
    description: { fr: value.description.fr.trim(), en: value.description.en.trim() },
    opensOn: value.opensOn,
    closesOn: value.closesOn,
    assignmentMode: value.assignmentMode as AssignmentMode,
    reviewersPerApplication: balanced ? Number(value.reviewersPerApplication) : null,
    questions: value.questions.map((q) => {
      const kind = q.kind as QuestionKind;
      const choice = isChoice(kind);
      const helpFr = orNull(q.help.fr);
      const helpEn = orNull(q.help.en);
      const question: QuestionInput = {
        kind,
        label: { fr: q.label.fr.trim(), en: q.label.en.trim() },
        help: helpFr || helpEn ? { fr: helpFr ?? helpEn ?? '', en: helpEn ?? helpFr ?? '' } : null,
        required: q.required,
        eligibility: q.eligibility,
        maxLength: kind === 'short_text' || kind === 'long_text' ? (q.maxLength ? Number(q.maxLength) : null) : null,
      };
      if (q.id) {
        question.id = q.id;
      }
      if (choice) {
        question.options = q.options.map((o) => ({ value: o.value.trim(), label: { fr: o.label.fr.trim(), en: o.label.en.trim() } }));
        if (q.eligibility && kind === 'single_choice') {
          question.eligibleValues = q.options.filter((o) => o.eligible).map((o) => o.value.trim());
        }
      }
      return question;
    }),
    criteria: value.criteria.map((c) => {
      const fr = orNull(c.description.fr);
      const en = orNull(c.description.en);
      const criterion: CriterionInput = {
        label: { fr: c.label.fr.trim(), en: c.label.en.trim() },
        description: fr || en ? { fr: fr ?? en ?? '', en: en ?? fr ?? '' } : null,
        weight: Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, Number(c.weight))),
      };
      if (c.id) {
        criterion.id = c.id;
      }
      return criterion;
    }),
  };
}

/** A URL part from a title: lowercase ASCII, digits and dashes. */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
