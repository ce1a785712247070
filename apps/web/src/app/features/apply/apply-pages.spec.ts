import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { ApplicationDraftResponse, PublicCallResponse } from '@incubator/contracts';
import { of } from 'rxjs';
import { byTestId, clickOn, settle, typeInto } from '../../../testing/dom';
import { translocoTesting } from '../../../testing/transloco-testing';
import { DraftSessionStore } from '../../core/applications/draft-session.store';
import { LocaleService } from '../../core/i18n/locale.service';
import { ApplyPage } from './apply.page';
import { DraftPage } from './draft.page';

const call: PublicCallResponse = {
  organisationSlug: 'euratech',
  organisationName: 'EuraTechnologies',
  slug: 'printemps-2027',
  locale: 'fr',
  title: 'Appel Printemps 2027',
  description: 'Rejoignez l’incubateur.',
  programName: 'Incubateur',
  cohortName: 'Printemps 2027',
  opensOn: '2027-01-04',
  closesOn: '2027-02-28',
  timeZone: 'Europe/Paris',
  acceptingApplications: true,
  maxFileBytes: 10 * 1024 * 1024,
  questions: [
    { id: 'q-seat', kind: 'single_choice', label: 'Siège', help: null, required: true, eligibility: true, options: [{ value: 'hdf', label: 'Hauts-de-France' }, { value: 'other', label: 'Ailleurs' }], maxLength: null },
    { id: 'q-pitch', kind: 'long_text', label: 'Votre projet', help: null, required: true, eligibility: false, options: [], maxLength: null },
    { id: 'q-deck', kind: 'file', label: 'Pitch deck', help: null, required: true, eligibility: false, options: [], maxLength: null },
  ],
};

const draft: ApplicationDraftResponse = {
  id: 'app-1',
  status: 'draft',
  email: 'fondatrice@acme.fr',
  startupName: 'Acme',
  siren: null,
  locale: 'fr',
  answers: { 'q-seat': 'hdf' },
  files: [],
  eligible: true,
  submittedAt: null,
  call,
};

/** Waits for what an asynchronous read of a file leads to. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await settle();
  }
}

function setUp(params: Record<string, string> = {}) {
  TestBed.configureTestingModule({
    imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      {
        provide: ActivatedRoute,
        useValue: { paramMap: of(convertToParamMap(params)), snapshot: { paramMap: convertToParamMap(params), fragment: null } },
      },
    ],
  });
  TestBed.inject(LocaleService).use('fr');
  return TestBed.inject(HttpTestingController);
}

describe('ApplyPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ApplyPage>;

  beforeEach(async () => {
    backend = setUp({ organisationSlug: 'euratech', callSlug: 'printemps-2027' });
    fixture = TestBed.createComponent(ApplyPage);
    await settle();
    backend.expectOne((r) => r.url === '/api/public/calls/euratech/printemps-2027' && r.params.get('lang') === 'fr').flush(call);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('shows the call in French with its dates as dd/mm/yyyy', () => {
    expect(byTestId('apply-title').textContent).toContain('Appel Printemps 2027');
    expect(byTestId('apply-dates').textContent).toContain('du 04/01/2027 au 28/02/2027 inclus');
  });

  it('checks the SIREN, then sends the magic link and says where', async () => {
    await typeInto('apply-email', 'fondatrice@acme.fr');
    await typeInto('apply-startup-name', 'Acme');
    await typeInto('apply-siren', '123456789');
    await clickOn('apply-start');
    backend.expectNone('/api/public/calls/euratech/printemps-2027/applications');
    expect(fixture.nativeElement.textContent).toContain('clé de contrôle');

    await typeInto('apply-siren', '732 829 320');
    await clickOn('apply-start');
    const start = backend.expectOne('/api/public/calls/euratech/printemps-2027/applications');
    expect(start.request.body).toEqual({ email: 'fondatrice@acme.fr', startupName: 'Acme', siren: '732829320', locale: 'fr' });
    start.flush({ sent: true, email: 'fondatrice@acme.fr' });
    await settle();

    expect(byTestId('apply-sent').textContent).toContain('fondatrice@acme.fr');
  });

  it('shows a duplicate at its field', async () => {
    await typeInto('apply-email', 'fondatrice@acme.fr');
    await typeInto('apply-startup-name', 'Acme');
    await clickOn('apply-start');
    backend
      .expectOne('/api/public/calls/euratech/printemps-2027/applications')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Déjà candidat.', code: 'application.duplicate_email', fields: { email: ['déjà candidat à cet appel'] } },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(byTestId('apply-email').closest('mat-form-field')?.textContent).toContain('déjà candidat à cet appel');
  });
});

describe('DraftPage', () => {
  let backend: HttpTestingController;

  async function render(response: ApplicationDraftResponse = draft) {
    TestBed.inject(DraftSessionStore).save({ draftSession: 'sess', expiresIn: 7200, organisationSlug: 'euratech', callSlug: 'printemps-2027' });
    const fixture = TestBed.createComponent(DraftPage);
    await settle();
    backend.expectOne('/api/public/applications/draft').flush(response);
    await fixture.whenStable();
    return fixture;
  }

  beforeEach(() => {
    backend = setUp();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('asks for a new link when the tab has no session', async () => {
    TestBed.createComponent(DraftPage);
    await settle();
    expect(byTestId('draft-expired').textContent).toContain('nouveau lien');
  });

  it('shows every question with its answer, eligibility first', async () => {
    await render();
    expect(byTestId<HTMLSelectElement>('draft-question-q-seat').value).toBe('hdf');
    expect(byTestId('draft-question-q-pitch')).toBeTruthy();
    expect(byTestId('draft-upload-q-deck').getAttribute('type')).toBe('file');
  });

  it('refuses a file above 10 MB before sending it', async () => {
    await render();
    const input = byTestId<HTMLInputElement>('draft-upload-q-deck');
    const big = new File(['%PDF-'], 'deck.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    Object.defineProperty(input, 'files', { value: [big], configurable: true });
    input.dispatchEvent(new Event('change'));
    await until(() => !!document.querySelector('[data-testid="draft-file-error-q-deck"]'));

    backend.expectNone('/api/public/applications/draft/upload/q-deck');
    expect(byTestId('draft-file-error-q-deck').textContent).toContain('dépasse 10 Mo');
  });

  it('uploads a PDF, saves then submits, and confirms', async () => {
    await render();
    const input = byTestId<HTMLInputElement>('draft-upload-q-deck');
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7'], 'deck.pdf')], configurable: true });
    input.dispatchEvent(new Event('change'));
    // The file's first bytes are read asynchronously before it is sent.
    await until(() => !!document.querySelector('[data-testid="draft-upload-q-deck"] + button[aria-busy="true"]'));
    backend
      .expectOne('/api/public/applications/draft/upload/q-deck')
      .flush({ questionId: 'q-deck', fileName: 'deck.pdf', sizeBytes: 8, contentType: 'application/pdf', uploadedAt: '2027-01-10T09:00:00Z' });
    await settle();
    expect(byTestId('draft-file-q-deck').textContent).toContain('deck.pdf');

    await typeInto('draft-question-q-pitch', 'Une plateforme de recyclage.');
    await clickOn('draft-submit');
    const save = backend.expectOne((r) => r.url === '/api/public/applications/draft' && r.method === 'PUT');
    expect(save.request.body.answers).toEqual({ 'q-seat': 'hdf', 'q-pitch': 'Une plateforme de recyclage.' });
    save.flush(draft);
    backend
      .expectOne('/api/public/applications/draft/submit')
      .flush({ ...draft, status: 'submitted', submittedAt: '2027-01-10T09:30:00Z' });
    await settle();

    expect(byTestId('draft-submitted').textContent).toContain('fondatrice@acme.fr');
  });

  it('does not submit without the required file', async () => {
    await render();
    await typeInto('draft-question-q-pitch', 'Projet');
    await clickOn('draft-submit');

    backend.expectNone((r) => r.method === 'PUT');
    expect(byTestId('draft-file-error-q-deck').textContent).toContain('Joignez ce fichier');
  });
});
