import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { OrganisationSettings } from '@incubator/contracts';
import { byTestId, clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OrganisationSettingsPage } from './organisation-settings.page';

const settings: OrganisationSettings = {
  id: 'o1',
  slug: 'eura',
  name: 'EuraTechnologies',
  legalName: 'EuraTechnologies SAS',
  siren: '732829320',
  siret: null,
  vatNumber: null,
  addressLine1: '165 avenue de Bretagne',
  addressLine2: null,
  postcode: '59000',
  city: 'Lille',
  country: 'FR',
  timeZone: 'Europe/Paris',
  defaultLocale: 'fr',
  currency: 'EUR',
  fiscalYearStartMonth: 1,
  boardSuppressionThreshold: 3,
  boardSeesRounds: false,
  hasLogo: false,
  suspendedAt: null,
};

describe('OrganisationSettingsPage', () => {
  let fixture: ComponentFixture<OrganisationSettingsPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  async function open(language: 'en' | 'fr', current: OrganisationSettings = settings) {
    TestBed.configureTestingModule({
      imports: [OrganisationSettingsPage, translocoTesting({ translocoConfig: { defaultLang: language } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    TestBed.inject(LocaleService).use(language);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OrganisationSettingsPage);
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/organisation/settings').flush(current);
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('shows the profile, and saves the edited fields with blanks as null', async () => {
    await open('en');
    expect(page.querySelector('h1')?.textContent).toContain('Organisation profile');
    expect(byTestId('org-settings-slug', page).textContent).toContain('eura');
    expect(byTestId<HTMLInputElement>('org-legal-name', page).value).toBe('EuraTechnologies SAS');
    await typeInto('org-city', '  ', page);
    await typeInto('org-board-threshold', '5', page);
    await clickOn('org-settings-save', page);
    const put = backend.expectOne((r) => r.method === 'PUT' && r.url === '/api/organisation/settings');
    expect(put.request.body).toMatchObject({ name: 'EuraTechnologies', city: null, siret: null, boardSuppressionThreshold: 5, fiscalYearStartMonth: 1, boardSeesRounds: false });
    put.flush({ ...settings, city: null, boardSuppressionThreshold: 5 });
    await settle();
    expect(byTestId('org-settings-saved', page).textContent).toContain('Profile saved');
  });

  it('refuses a wrong SIREN as it is typed, and shows the API’s refusals at their fields, in French', async () => {
    await open('fr');
    expect(page.querySelector('h1')?.textContent).toContain('Profil de l’organisation');
    await typeInto('org-siren', '123456789', page);
    expect(fieldText('org-siren', page)).toMatch(/SIREN/);
    await clickOn('org-settings-save', page);
    backend.expectNone('/api/organisation/settings');
    await typeInto('org-siren', '732829320', page);
    await typeInto('org-vat-number', 'FR12123456782', page);
    await clickOn('org-settings-save', page);
    backend
      .expectOne((r) => r.method === 'PUT')
      .flush(
        { statusCode: 400, code: 'organisation.vat_not_of_siren', message: 'Le numéro de TVA ne correspond pas au SIREN.', fields: { vatNumber: ['ne correspond pas au SIREN'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(fieldText('org-vat-number', page)).toContain('ne correspond pas au SIREN');
  });

  it('previews the stored logo, and refuses a file of another type before sending it', async () => {
    await open('en', { ...settings, hasLogo: true });
    backend.expectOne('/api/organisation/logo').flush(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }));
    for (let i = 0; i < 50 && !page.querySelector('[data-testid="org-logo-preview"]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await settle();
    }
    expect(byTestId<HTMLImageElement>('org-logo-preview', page).src).toMatch(/^data:image\/png;base64,/);

    const input = byTestId<HTMLInputElement>('org-logo-file', page);
    Object.defineProperty(input, 'files', { value: [new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' })], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(byTestId('org-logo-error', page).textContent).toContain('PNG or JPEG');
  });
});
