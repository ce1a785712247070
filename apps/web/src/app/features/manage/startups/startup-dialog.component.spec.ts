import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { StartupDialogComponent } from './startup-dialog.component';

describe('StartupDialogComponent', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(MatDialog).open(StartupDialogComponent);
    await settle();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
    localStorage.clear();
  });

  async function fillValidFrenchStartup() {
    await typeInto('startup-legal-name', 'Acme Robotics');
    await typeInto('startup-sector', 'industry');
    await typeInto('startup-stage', 'mvp');
    await typeInto('startup-team-size', '4');
  }

  it('checks the SIREN as the user types', async () => {
    await typeInto('startup-siren', '73282932');
    expect(fieldText('startup-siren')).toContain('A SIREN has 9 digits and a valid check digit.');

    await typeInto('startup-siren', '732829321');
    expect(fieldText('startup-siren')).toContain('A SIREN has 9 digits and a valid check digit.');

    await typeInto('startup-siren', '732 829 320');
    expect(fieldText('startup-siren')).not.toContain('valid check digit');
  });

  it('requires a SIREN in France only', async () => {
    await fillValidFrenchStartup();
    await clickOn('startup-submit');

    backend.expectNone('/api/startups');
    expect(fieldText('startup-siren')).toContain('Required for a company registered in France.');

    await typeInto('startup-country', 'be');
    expect(fieldText('startup-siren')).not.toContain('Required');
    await clickOn('startup-submit');

    const post = backend.expectOne('/api/startups');
    expect(post.request.body).toEqual({
      legalName: 'Acme Robotics',
      country: 'BE',
      sector: 'industry',
      stage: 'mvp',
      teamSize: 4,
    });
    post.flush({ id: 's-1', legalName: 'Acme Robotics' }, { status: 201, statusText: 'Created' });
    await settle();
  });

  it('shows a SIREN already registered (409) at the SIREN field', async () => {
    await fillValidFrenchStartup();
    await typeInto('startup-siren', '732829320');
    await clickOn('startup-submit');

    const post = backend.expectOne('/api/startups');
    expect(post.request.body.siren).toBe('732829320');
    post.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'A startup with this SIREN already exists',
        fields: { siren: ['Ce SIREN est déjà enregistré.'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(fieldText('startup-siren')).toContain('Ce SIREN est déjà enregistré.');
    expect(document.querySelector('[data-testid="startup-error"]')).toBeNull();
  });

  it('shows why Save did nothing when a required select is empty', async () => {
    await typeInto('startup-legal-name', 'Acme Robotics');
    await typeInto('startup-country', 'be');
    await typeInto('startup-team-size', '4');
    await clickOn('startup-submit');

    backend.expectNone('/api/startups');
    expect(fieldText('startup-sector')).toContain('Required.');
    expect(fieldText('startup-stage')).toContain('Required.');

    await typeInto('startup-sector', 'industry');
    expect(fieldText('startup-sector')).not.toContain('Required.');
  });

  it('links a SIREN already registered to the startup that has it', async () => {
    await fillValidFrenchStartup();
    await typeInto('startup-siren', '732829320');
    await clickOn('startup-submit');

    backend.expectOne('/api/startups').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        code: 'startup.siren_taken',
        message: 'This SIREN is already registered.',
        fields: { siren: ['already registered for Canopée Data SAS'] },
        details: { startupId: 's-42', legalName: 'Canopée Data SAS' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(fieldText('startup-siren')).toContain('already registered for Canopée Data SAS');
    expect(document.querySelector('[data-testid="startup-error"]')?.textContent).toContain(
      'This SIREN is already registered.',
    );
    const link = document.querySelector<HTMLAnchorElement>('[data-testid="startup-error-link"]');
    expect(link?.textContent?.trim()).toBe("Open Canopée Data SAS's page");
    expect(link?.getAttribute('href')).toBe('/manage/startups/s-42');
  });

  it('says it is saving while the API answers', async () => {
    await fillValidFrenchStartup();
    await typeInto('startup-country', 'be');
    await clickOn('startup-submit');

    const submit = document.querySelector('[data-testid="startup-submit"]');
    expect(submit?.getAttribute('aria-busy')).toBe('true');
    expect(submit?.textContent).toContain('Saving…');
    backend.expectOne('/api/startups').flush({ id: 's-1' }, { status: 201, statusText: 'Created' });
    await settle();
  });
});
