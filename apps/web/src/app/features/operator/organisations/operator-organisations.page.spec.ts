import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { OperatorOrganisation } from '@incubator/contracts';
import { byTestId, clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OperatorOrganisationsPage, slugOf } from './operator-organisations.page';

const demo: OperatorOrganisation = {
  id: 'o1',
  slug: 'demo',
  name: 'Demo Park',
  legalName: null,
  siren: null,
  members: 12,
  admins: 1,
  pendingInvitations: 0,
  createdAt: '2026-11-20T07:00:00Z',
  suspendedAt: null,
};

describe('OperatorOrganisationsPage', () => {
  let fixture: ComponentFixture<OperatorOrganisationsPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  const expectList = () => backend.expectOne((r) => r.method === 'GET' && r.url === '/api/operator/organisations');

  async function open(language: 'en' | 'fr', items: OperatorOrganisation[]) {
    TestBed.configureTestingModule({
      imports: [OperatorOrganisationsPage, translocoTesting({ translocoConfig: { defaultLang: language } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    TestBed.inject(LocaleService).use(language);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OperatorOrganisationsPage);
    expectList().flush(items);
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend?.verify());

  it('suggests a slug from the name', () => {
    expect(slugOf('Lille — Bois Blancs')).toBe('lille-bois-blancs');
    expect(slugOf('  Éco Parc  ')).toBe('eco-parc');
  });

  it('lists the organisations, and suspends then reactivates one', async () => {
    await open('en', [demo]);
    const row = byTestId('operator-org', page);
    expect(row.textContent).toContain('Demo Park');
    expect(row.textContent).toContain('12');
    expect(byTestId('operator-org-status', row).textContent).toContain('Active');
    await clickOn('operator-org-toggle', row);
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/operator/organisations/o1/suspend').flush({ ...demo, suspendedAt: '2026-12-01T10:00:00Z' });
    await settle();
    expect(byTestId('operator-org-status', page).textContent).toContain('Suspended on');
    expect(byTestId('operator-org-toggle', page).textContent).toContain('Reactivate');
    await clickOn('operator-org-toggle', page);
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/operator/organisations/o1/reactivate').flush(demo);
    await settle();
    expect(byTestId('operator-org-status', page).textContent).toContain('Active');
  });

  it('creates an organisation and invites its first admin, in French, with the API’s refusals at their fields', async () => {
    await open('fr', []);
    expect(byTestId('operator-orgs-empty', page).textContent).toContain('Aucune organisation');
    await clickOn('operator-orgs-create', page);
    await typeInto('new-org-name', 'EuraTechnologies', page);
    expect(byTestId<HTMLInputElement>('new-org-slug', page).value).toBe('euratechnologies');
    await typeInto('new-org-legal-name', 'EuraTechnologies SAS', page);
    await typeInto('new-org-siren', '732829320', page);
    await typeInto('new-org-admin-email', 'admin@eura.test', page);
    await clickOn('new-org-submit', page);
    const refused = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/operator/organisations');
    expect(refused.request.body).toMatchObject({ name: 'EuraTechnologies', slug: 'euratechnologies', siren: '732829320', currency: 'EUR', defaultLocale: 'fr', adminEmail: 'admin@eura.test', siret: null });
    refused.flush(
      { statusCode: 409, code: 'organisation.slug_taken', message: 'L’identifiant est déjà pris.', fields: { slug: ['déjà pris'] } },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(fieldText('new-org-slug', page)).toContain('déjà pris');
    await typeInto('new-org-slug', 'euratech', page);
    await clickOn('new-org-submit', page);
    backend
      .expectOne((r) => r.method === 'POST' && r.url === '/api/operator/organisations')
      .flush({ organisation: { ...demo, id: 'o2', slug: 'euratech', name: 'EuraTechnologies' }, invitation: { email: 'admin@eura.test' } });
    await settle();
    expectList().flush([{ ...demo, id: 'o2', slug: 'euratech', name: 'EuraTechnologies', pendingInvitations: 1 }]);
    await settle();
    expect(byTestId('operator-orgs-created', page).textContent).toContain('admin@eura.test');
    expect(byTestId('operator-org', page).getAttribute('data-slug')).toBe('euratech');
  });
});
