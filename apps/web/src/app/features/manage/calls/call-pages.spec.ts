import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';
import { ApplicationSummaryResponse, CallResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { CallEditPage } from './call-edit.page';
import { CallPipelinePage } from './call-pipeline.page';

const call: CallResponse = {
  id: 'call-1',
  slug: 'health-2026',
  cohortId: 'cohort-1',
  cohortName: 'Batch 2026-S2',
  programId: 'program-1',
  programName: 'Health Accelerator',
  title: { fr: 'Appel santé 2026', en: 'Health call 2026' },
  status: 'open',
  opensOn: '2026-11-01',
  closesOn: '2027-01-30',
  acceptingApplications: true,
  applicationCount: 2,
  publicPath: '/apply/demo/health-2026',
  description: { fr: 'D', en: 'D' },
  questions: [],
  criteria: [{ id: 'k', position: 1, label: { fr: 'Équipe', en: 'Team' }, description: null, weight: 3 }],
  assignmentMode: 'all',
  reviewersPerApplication: null,
  reviewerCount: 1,
  createdAt: '2026-10-01T10:00:00Z',
};

const row = (id: string, extra: Partial<ApplicationSummaryResponse>): ApplicationSummaryResponse => ({
  id,
  callId: 'call-1',
  startupName: id,
  siren: null,
  email: `${id}@x.test`,
  locale: 'fr',
  status: 'in_review',
  decision: null,
  submittedAt: '2026-11-11T10:00:00Z',
  pitchAt: null,
  weightedAverage: null,
  spread: null,
  disagreement: false,
  reviewCount: 0,
  assignedCount: 2,
  rank: null,
  startupId: null,
  ...extra,
});

function setUp(params: Record<string, string>) {
  TestBed.configureTestingModule({
    imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap(params) } } },
    ],
  });
  TestBed.inject(LocaleService).use('fr');
  return TestBed.inject(HttpTestingController);
}

describe('CallPipelinePage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = setUp({ callId: 'call-1' });
    TestBed.createComponent(CallPipelinePage);
    await settle();
    backend.expectOne('/api/calls/call-1').flush(call);
    backend.expectOne('/api/calls/call-1/reviewers').flush([]);
    backend
      .expectOne('/api/calls/call-1/funnel')
      .flush({ applications: 4, reviewed: 3, admitted: 1, active: 1, graduated: 0, rejected: 1, waitlisted: 0 });
    backend
      .expectOne((r) => r.url === '/api/calls/call-1/applications')
      .flush([
        row('lumen', { rank: 1, weightedAverage: 4.29, spread: 2.5, disagreement: true, reviewCount: 2 }),
        row('houblon', { status: 'shortlisted' }),
      ]);
    await settle();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('ranks the applications with their average, spread and disagreement, in French numbers', () => {
    const lumen = byTestId('call-pipeline-row-lumen');
    expect(lumen.textContent).toContain('4,29');
    expect(lumen.textContent).toContain('2,5');
    expect(lumen.textContent).toContain('Désaccord');
    expect(lumen.textContent).toContain('2/2');
    expect(byTestId('funnel-reviewed').textContent).toContain('75 %');
  });

  it('asks the API again with the filters, and shows the board by status', async () => {
    await typeInto('pipeline-status', 'shortlisted');
    const filtered = backend.expectOne((r) => r.url === '/api/calls/call-1/applications');
    expect(filtered.request.params.get('status')).toBe('shortlisted');
    expect(filtered.request.params.get('sort')).toBe('rank');
    filtered.flush([row('houblon', { status: 'shortlisted' })]);
    await clickOn('pipeline-view-board');

    expect(byTestId('pipeline-board').textContent).toContain('Présélectionnée');
    expect(byTestId('call-pipeline-card-houblon')).toBeTruthy();
  });

  it('closes the call', async () => {
    await clickOn('call-close');
    backend.expectOne('/api/calls/call-1/close').flush({ ...call, status: 'closed', acceptingApplications: false });
    await settle();
    expect(byTestId('call-status').textContent).toContain('Clos');
  });
});

describe('CallEditPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = setUp({});
    TestBed.createComponent(CallEditPage);
    await settle();
    backend.expectOne((r) => r.url === '/api/cohorts').flush([
      { id: 'cohort-1', programId: 'p', programName: 'Health Accelerator', programKind: 'accelerator', name: 'Batch 2026-S2', startsOn: '2027-03-01', endsOn: '2027-09-01', capacity: 10, seated: 0, archivedAt: null },
    ]);
    await settle();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('creates a call with a question and a weighted criterion, its address made from the title', async () => {
    await typeInto('call-cohort', 'cohort-1');
    await typeInto('call-title-fr', 'Appel Santé 2027');
    await typeInto('call-title-en', 'Health call 2027');
    expect(byTestId<HTMLInputElement>('call-slug').value).toBe('appel-sante-2027');
    await typeInto('call-description-fr', 'Six mois.');
    await typeInto('call-description-en', 'Six months.');
    await typeInto('call-opens-on', '04/01/2027');
    await typeInto('call-closes-on', '28/02/2027');
    await clickOn('call-question-add');
    await typeInto('call-question-kind-0', 'file');
    await typeInto('call-question-label-fr-0', 'Pitch deck');
    await typeInto('call-question-label-en-0', 'Pitch deck');
    await typeInto('call-criterion-fr-0', 'Équipe');
    await typeInto('call-criterion-en-0', 'Team');
    await typeInto('call-criterion-weight-0', '3');
    await clickOn('call-save');

    const create = backend.expectOne((r) => r.url === '/api/calls' && r.method === 'POST');
    expect(create.request.body).toMatchObject({
      cohortId: 'cohort-1',
      slug: 'appel-sante-2027',
      opensOn: '2027-01-04',
      closesOn: '2027-02-28',
      assignmentMode: 'all',
      questions: [{ kind: 'file', label: { fr: 'Pitch deck', en: 'Pitch deck' }, required: true, eligibility: false }],
      criteria: [{ label: { fr: 'Équipe', en: 'Team' }, weight: 3 }],
    });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    create.flush({ ...call, id: 'call-9' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/manage/calls', 'call-9']);
  });
});
