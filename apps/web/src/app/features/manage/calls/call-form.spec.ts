import { CallResponse } from '@incubator/contracts';
import { byStatus, funnelSteps } from './pipeline';
import { callForm, callFormProblems, callRequest, criterionGroup, optionGroup, questionGroup, slugify } from './call-form';
import { weightedScore } from '../../review/scoring';

describe('call form', () => {
  function filled() {
    const form = callForm();
    form.patchValue({
      cohortId: 'cohort-1',
      slug: 'printemps-2027',
      title: { fr: 'Printemps 2027', en: 'Spring 2027' },
      description: { fr: 'Candidatez', en: 'Apply' },
      opensOn: '2027-01-04',
      closesOn: '2027-02-28',
    });
    const choice = questionGroup();
    choice.patchValue({ kind: 'single_choice', label: { fr: 'Siège', en: 'Seat' }, eligibility: true });
    choice.controls.options.push(optionGroup('hdf', 'Hauts-de-France', 'Hauts-de-France', true));
    choice.controls.options.push(optionGroup('other', 'Ailleurs', 'Elsewhere', false));
    form.controls.questions.push(choice);
    const deck = questionGroup();
    deck.patchValue({ kind: 'file', label: { fr: 'Deck', en: 'Deck' } });
    form.controls.questions.push(deck);
    const team = criterionGroup();
    team.patchValue({ label: { fr: 'Équipe', en: 'Team' }, weight: '3' });
    form.controls.criteria.push(team);
    return form;
  }

  it('builds the request: eligible values from the options, no options on other kinds', () => {
    const request = callRequest(filled());

    expect(request.questions[0]).toEqual({
      kind: 'single_choice',
      label: { fr: 'Siège', en: 'Seat' },
      help: null,
      required: true,
      eligibility: true,
      maxLength: null,
      options: [
        { value: 'hdf', label: { fr: 'Hauts-de-France', en: 'Hauts-de-France' } },
        { value: 'other', label: { fr: 'Ailleurs', en: 'Elsewhere' } },
      ],
      eligibleValues: ['hdf'],
    });
    expect(request.questions[1].options).toBeUndefined();
    expect(request.criteria).toEqual([{ label: { fr: 'Équipe', en: 'Team' }, description: null, weight: 3 }]);
    expect(request.reviewersPerApplication).toBeNull();
  });

  it('keeps the ids of existing questions and criteria when editing', () => {
    const call = {
      cohortId: 'c',
      slug: 's',
      title: { fr: 'T', en: 'T' },
      description: { fr: 'D', en: 'D' },
      opensOn: '2027-01-01',
      closesOn: '2027-01-31',
      assignmentMode: 'balanced',
      reviewersPerApplication: 2,
      questions: [{ id: 'q-1', position: 1, kind: 'long_text', label: { fr: 'Q', en: 'Q' }, help: null, required: false, eligibility: false, options: [], eligibleValues: [], maxLength: 800 }],
      criteria: [{ id: 'k-1', position: 1, label: { fr: 'K', en: 'K' }, description: null, weight: 2 }],
    } as unknown as CallResponse;

    const request = callRequest(callForm(call));
    expect(request.questions[0]).toMatchObject({ id: 'q-1', maxLength: 800, required: false });
    expect(request.criteria[0]).toMatchObject({ id: 'k-1', weight: 2 });
    expect(request.reviewersPerApplication).toBe(2);
  });

  it('says what the fields cannot: dates in order, two options at least, a balanced count', () => {
    const form = filled();
    expect(callFormProblems(form)).toEqual([]);
    form.patchValue({ closesOn: '2026-12-31', assignmentMode: 'balanced' });
    form.controls.questions.at(0).controls.options.removeAt(1);
    expect(callFormProblems(form)).toEqual([
      'applications.edit.problems.dates',
      'applications.edit.problems.options',
      'applications.edit.problems.reviewersPerApplication',
    ]);
  });

  it('makes an address from a title', () => {
    expect(slugify('Appel Printemps 2027 — Santé & Énergie')).toBe('appel-printemps-2027-sante-energie');
  });
});

describe('scores and pipeline', () => {
  it('weighs the scores given, as the API does', () => {
    const criteria = [
      { id: 'a', position: 1, label: { fr: 'A', en: 'A' }, description: null, weight: 3 },
      { id: 'b', position: 2, label: { fr: 'B', en: 'B' }, description: null, weight: 1 },
    ];
    expect(weightedScore(criteria, [{ criterionId: 'a', score: 4 }, { criterionId: 'b', score: 1 }])).toBe(3.25);
    expect(weightedScore(criteria, [{ criterionId: 'b', score: 5 }])).toBe(5);
    expect(weightedScore(criteria, [])).toBeNull();
  });

  it('puts every application in its status column and reads the funnel as shares', () => {
    const columns = byStatus([{ id: '1', status: 'pitch' }, { id: '2', status: 'pitch' }] as never);
    expect(columns.map((c) => c.status)).toEqual(['submitted', 'in_review', 'shortlisted', 'pitch', 'decided']);
    expect(columns[3].rows).toHaveLength(2);

    const steps = funnelSteps({ applications: 40, reviewed: 30, admitted: 6, active: 5, graduated: 0, rejected: 20, waitlisted: 4 });
    expect(steps.map((s) => s.share)).toEqual([100, 75, 15, 13, 0]);
  });
});
