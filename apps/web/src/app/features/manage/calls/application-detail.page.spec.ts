import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { ApplicationDetailResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle, afterDialogClosed } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ApplicationDetailPage } from './application-detail.page';

const application: ApplicationDetailResponse = {
  id: 'app-1',
  callId: 'call-1',
  startupName: 'Acme',
  siren: '732829320',
  email: 'fondatrice@acme.fr',
  locale: 'en',
  status: 'shortlisted',
  decision: null,
  submittedAt: '2027-01-10T09:30:00Z',
  pitchAt: null,
  weightedAverage: 3.5,
  spread: 2.25,
  disagreement: true,
  reviewCount: 2,
  assignedCount: 2,
  rank: 1,
  startupId: null,
  answers: [],
  criteria: [{ id: 'k-team', position: 1, label: { fr: 'Équipe', en: 'Team' }, description: null, weight: 3 }],
  reviews: [
    { reviewerId: 'r-1', reviewerName: 'Jeanne Jury', scores: [{ criterionId: 'k-team', score: 5 }], comment: 'Top', weightedScore: 5, submittedAt: '2027-01-11T10:00:00Z' },
    { reviewerId: 'r-2', reviewerName: 'Paul Partenaire', scores: [{ criterionId: 'k-team', score: 2 }], comment: null, weightedScore: 2, submittedAt: '2027-01-12T10:00:00Z' },
  ],
  criterionStats: [{ criterionId: 'k-team', mean: 3.5, spread: 3 }],
  conflicts: [],
  decidedAt: null,
  enrollmentId: null,
};

describe('ApplicationDetailPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ callId: 'call-1', applicationId: 'app-1' }) } } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    TestBed.createComponent(ApplicationDetailPage);
    await settle();
    backend.expectOne('/api/applications/app-1').flush(application);
    await settle();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
    localStorage.clear();
  });

  it('shows every review, the average, the spread and the disagreement in French', () => {
    expect(byTestId('application-status').textContent).toContain('Présélectionnée');
    expect(byTestId('application-weighted').textContent).toContain('3,5');
    expect(byTestId('application-weighted').textContent).toContain('2,25');
    expect(byTestId('application-weighted').textContent).toContain('Désaccord');
    expect(byTestId('application-review-r-2').textContent).toContain('Paul Partenaire');
  });

  it('admits only once confirmed, saying in which language the mail goes', async () => {
    await clickOn('application-decide-admit');
    expect(document.body.textContent).toContain('reçoit la décision en English');
    await clickOn('application-decision-cancel');
    await afterDialogClosed();
    backend.expectNone('/api/applications/app-1/decision');

    await clickOn('application-decide-admit');
    await clickOn('application-decision-confirm');
    await afterDialogClosed();
    const decide = backend.expectOne('/api/applications/app-1/decision');
    expect(decide.request.body).toEqual({ decision: 'admit', useExistingStartup: false });
    decide.flush({ ...application, status: 'decided', decision: 'admit', decidedAt: '2027-02-01T10:00:00Z', startupId: 's-1' });
    await settle();

    expect(byTestId('application-status').textContent).toContain('Décidée');
    expect(byTestId('application-decision').textContent).toContain('Admise');
    expect(byTestId('application-startup-link').getAttribute('href')).toBe('/manage/startups/s-1');
  });
});
