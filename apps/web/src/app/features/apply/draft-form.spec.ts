import { FormControl } from '@angular/forms';
import { PublicQuestion } from '@incubator/contracts';
import { answerControl, answersOf, AnswerControl, missingFiles, orderedQuestions, parseNumber } from './draft-form';

function question(id: string, kind: PublicQuestion['kind'], extra: Partial<PublicQuestion> = {}): PublicQuestion {
  return { id, kind, label: id, help: null, required: true, eligibility: false, options: [], maxLength: null, ...extra };
}

/** The control of a question that has one. */
function made(q: PublicQuestion, answer: Parameters<typeof answerControl>[1]): AnswerControl {
  const entry = answerControl(q, answer);
  if (!entry) {
    throw new Error(`no control for ${q.id}`);
  }
  return entry;
}

function text(entry: AnswerControl): FormControl<string> {
  if (entry.kind !== 'text') {
    throw new Error('not a text answer');
  }
  return entry.control;
}

function multi(entry: AnswerControl): FormControl<string[]> {
  if (entry.kind !== 'multi') {
    throw new Error('not a choice answer');
  }
  return entry.control;
}

describe('draft form', () => {
  it('makes one control per question but files, with its rules', () => {
    const short = made(question('q1', 'short_text'), 'Acme');
    expect(short.kind).toBe('text');
    expect(short.control.value).toBe('Acme');
    text(short).setValue('x'.repeat(301));
    expect(short.control.hasError('maxlength')).toBe(true);

    const number = made(question('q2', 'number'), 12.5);
    expect(number.control.value).toBe('12.5');
    text(number).setValue('1 234,50');
    expect(number.control.valid).toBe(true);
    text(number).setValue('douze');
    expect(number.control.hasError('decimal')).toBe(true);

    const multi = made(question('q3', 'multiple_choice'), null);
    expect(multi.control.hasError('required')).toBe(true);
    expect(answerControl(question('q4', 'file'), null)).toBeNull();
  });

  it('sends numbers as numbers and empty answers as null', () => {
    const questions = [question('a', 'short_text'), question('b', 'number'), question('c', 'multiple_choice'), question('d', 'single_choice')];
    const controls: Record<string, AnswerControl> = {};
    for (const q of questions) {
      controls[q.id] = made(q, null);
    }
    text(controls['a']).setValue('  Acme  ');
    text(controls['b']).setValue('1 234,5');
    multi(controls['c']).setValue(['b2b', 'saas']);

    expect(answersOf(questions, controls)).toEqual({ a: 'Acme', b: 1234.5, c: ['b2b', 'saas'], d: null });
    expect(parseNumber('')).toBeNull();
  });

  it('names the required files missing and puts eligibility questions first', () => {
    const deck = question('deck', 'file');
    const optional = question('video', 'file', { required: false });
    const eligible = question('siege', 'single_choice', { eligibility: true });
    expect(missingFiles({ files: [] }, [deck, optional])).toEqual(['deck']);
    expect(orderedQuestions([deck, eligible]).map((q) => q.id)).toEqual(['siege', 'deck']);
  });
});
