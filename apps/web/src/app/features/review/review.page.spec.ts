import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { ReviewApplicationResponse } from '@incubator/contracts';
import { of } from 'rxjs';
import { byTestId, clickOn, settle, typeInto } from '../../../testing/dom';
import { translocoTesting } from '../../../testing/transloco-testing';
import { LocaleService } from '../../core/i18n/locale.service';
import { ReviewPage } from './review.page';
import { sortAssignments } from './reviews.page';

const review: ReviewApplicationResponse = {
  applicationId: 'app-1',
  callId: 'call-1',
  callTitle: { fr: 'Appel Printemps 2027', en: 'Spring 2027 call' },
  startupName: 'Acme',
  siren: '732829320',
  submittedAt: '2027-01-10T09:30:00Z',
  answers: [
    {
      question: { id: 'q-seat', position: 1, kind: 'single_choice', label: { fr: 'Siège', en: 'Seat' }, help: null, required: true, eligibility: true, options: [{ value: 'hdf', label: { fr: 'Hauts-de-France', en: 'Hauts-de-France' } }], eligibleValues: ['hdf'], maxLength: null },
      answer: 'hdf',
      file: null,
    },
  ],
  criteria: [
    { id: 'k-team', position: 1, label: { fr: 'Équipe', en: 'Team' }, description: null, weight: 3 },
    { id: 'k-market', position: 2, label: { fr: 'Marché', en: 'Market' }, description: null, weight: 1 },
  ],
  myReview: null,
  otherReviews: null,
};

describe('ReviewPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ applicationId: 'app-1' }) }, paramMap: of(convertToParamMap({})) } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    TestBed.createComponent(ReviewPage);
    await settle();
    backend.expectOne('/api/reviews/app-1').flush(review);
    await settle();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('shows the answers with their labels, and no other score before mine is submitted', () => {
    expect(byTestId('answer-q-seat').textContent).toContain('Hauts-de-France');
    expect(document.querySelector('[data-testid="review-others"]')).toBeNull();
  });

  it('refuses to submit until every criterion is scored, weighs my scores, then shows the others the API sends', async () => {
    await typeInto('review-score-k-team', '4');
    await clickOn('review-submit');
    backend.expectNone('/api/reviews/app-1/submit');

    await typeInto('review-score-k-market', '1');
    await typeInto('review-comment', 'Équipe solide.');
    expect(byTestId('review-weighted').textContent).toContain('3,25');
    await clickOn('review-submit');
    const submit = backend.expectOne('/api/reviews/app-1/submit');
    expect(submit.request.body).toEqual({
      scores: [
        { criterionId: 'k-team', score: 4 },
        { criterionId: 'k-market', score: 1 },
      ],
      comment: 'Équipe solide.',
    });
    submit.flush({
      ...review,
      myReview: { reviewerId: 'me', reviewerName: 'Moi', scores: submit.request.body.scores, comment: 'Équipe solide.', weightedScore: 3.25, submittedAt: '2027-01-12T10:00:00Z' },
      otherReviews: [
        { reviewerId: 'r-2', reviewerName: 'Jeanne Jury', scores: [{ criterionId: 'k-team', score: 2 }, { criterionId: 'k-market', score: 5 }], comment: null, weightedScore: 2.75, submittedAt: '2027-01-11T10:00:00Z' },
      ],
    });
    await settle();

    expect(byTestId('review-others').textContent).toContain('Jeanne Jury');
    expect(byTestId('review-others').textContent).toContain('2,75');
    expect(byTestId('review-submitted')).toBeTruthy();
    expect(document.querySelector('[data-testid="review-submit"]')).toBeNull();
  });
});

describe('sortAssignments', () => {
  it('lists what is left to do first', () => {
    const rows = [
      { applicationId: 'a', myReviewStatus: 'submitted', submittedAt: '2027-01-01' },
      { applicationId: 'b', myReviewStatus: 'todo', submittedAt: '2027-01-03' },
      { applicationId: 'c', myReviewStatus: 'draft', submittedAt: '2027-01-02' },
      { applicationId: 'd', myReviewStatus: 'todo', submittedAt: '2027-01-02' },
    ] as never;
    expect(sortAssignments(rows).map((r) => r.applicationId)).toEqual(['d', 'b', 'c', 'a']);
  });
});
