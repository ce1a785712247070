import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CohortResponse, OrganisationResponse, ProgramResponse, StartupResponse } from '@incubator/contracts';
import { settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { TranslatedPaginatorIntl } from '../../../core/i18n/translated-paginator-intl';
import { STARTUP_SEARCH_DELAY_MS, StartupsPage } from './startups.page';

@Component({ selector: 'app-detail-stub', template: 'detail' })
class DetailStub {}

const LILLE = '11111111-1111-4111-8111-111111111111';
const INCUBATOR = '33333333-3333-4333-8333-333333333333';
const SPRING = '55555555-5555-4555-8555-555555555555';

const organisation: OrganisationResponse = {
  id: 'org-1',
  slug: 'euratech',
  name: 'EuraTechnologies',
  timeZone: 'Europe/Paris',
  defaultLocale: 'fr',
  sites: [{ id: LILLE, slug: 'lille', name: 'EuraTechnologies Lille', city: 'Lille', address: null }],
};
const programs = [{ id: INCUBATOR, siteId: LILLE, name: 'Incubator Lille', kind: 'incubator' }] as ProgramResponse[];
const cohorts = [
  { id: SPRING, programId: INCUBATOR, programName: 'Incubator Lille', name: 'Spring 2026' },
] as CohortResponse[];

const acme: StartupResponse = {
  id: 'startup-acme',
  legalName: 'Acme SAS',
  country: 'FR',
  siren: '732829320',
  sector: 'ai',
  foundedOn: '2021-04-01',
  stage: 'mvp',
  website: null,
  description: null,
  teamSize: 4,
  currentEnrollment: {
    id: 'e-1',
    cohortId: SPRING,
    cohortName: 'Spring 2026',
    programName: 'Incubator Lille',
    status: 'active',
  },
  alumni: false,
  createdAt: '2025-02-03T10:00:00Z',
  updatedAt: '2025-02-03T10:00:00Z',
};

describe('StartupsPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'manage/startups', component: StartupsPage },
          { path: 'manage/startups/:id', component: DetailStub },
        ]),
        { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const url = () => TestBed.inject(Router).url;
  const view = () => harness.routeNativeElement as HTMLElement;
  const select = (testId: string) => view().querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`);

  function paramsOf(request: TestRequest): Record<string, string | null> {
    const params = request.request.params;
    return Object.fromEntries(params.keys().map((key) => [key, params.get(key)]));
  }

  function expectList(): TestRequest {
    return backend.expectOne((r) => r.method === 'GET' && r.url === '/api/startups');
  }

  async function answerList(request: TestRequest, items: StartupResponse[] = [acme], total = items.length) {
    request.flush({ items, total, limit: 20, offset: 0 });
    await settle();
  }

  async function open(address: string) {
    await harness.navigateByUrl(address);
    backend.expectOne('/api/organisation').flush(organisation);
    backend.expectOne((r) => r.url === '/api/programs').flush(programs);
    backend.expectOne((r) => r.url === '/api/cohorts').flush(cohorts);
    await settle();
  }

  it('lists with the filters, sort and page of the address', async () => {
    await open(`/manage/startups?status=active&sector=ai&program=${INCUBATOR}&sort=-createdAt&page=2`);

    const request = expectList();
    expect(paramsOf(request)).toEqual({
      programId: INCUBATOR,
      status: 'active',
      sector: 'ai',
      sort: '-createdAt',
      limit: '20',
      offset: '20',
    });
    await answerList(request, [acme], 21);

    expect(select('startups-filter-status')?.value).toBe('active');
    expect(select('startups-filter-sector')?.value).toBe('ai');
    expect(select('startups-filter-program')?.value).toBe(INCUBATOR);
    const row = view().querySelector('[data-testid="startup-row-Acme SAS"]');
    expect(row?.textContent).toContain('Incubator Lille — Spring 2026');
    expect(row?.textContent).toContain('Active');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/manage/startups/startup-acme');
  });

  it('writes a changed filter into the address and goes back to the first page', async () => {
    await open('/manage/startups?sector=ai&page=3');
    await answerList(expectList());

    await typeInto('startups-filter-status', 'graduated', view());

    expect(url()).toBe('/manage/startups?status=graduated&sector=ai');
    const request = expectList();
    expect(request.request.params.get('status')).toBe('graduated');
    expect(request.request.params.get('offset')).toBe('0');
    await answerList(request, []);
    expect(view().querySelector('[data-testid="startups-empty"]')?.textContent).toContain(
      'No startup matches these filters.',
    );
  });

  it('searches once the manager stops typing, and follows the address back', async () => {
    await open('/manage/startups');
    await answerList(expectList());

    await typeInto('startups-search', 'rob', view());
    await typeInto('startups-search', 'robot ', view());
    backend.expectNone((r) => r.url === '/api/startups');
    await new Promise((resolve) => setTimeout(resolve, STARTUP_SEARCH_DELAY_MS + 50));
    await settle();

    expect(url()).toBe('/manage/startups?q=robot');
    expect(expectList().request.params.get('q')).toBe('robot');

    await harness.navigateByUrl('/manage/startups');
    await answerList(expectList());
    expect(view().querySelector<HTMLInputElement>('[data-testid="startups-search"]')?.value).toBe('');
  });

  it('exports the same rows as a file', async () => {
    const createObjectURL = jest.fn(() => 'blob:startups');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicks: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        clicks.push(this.download);
      });
    try {
      await open(`/manage/startups?q=acme&site=${LILLE}&stage=mvp&page=2`);
      await answerList(expectList());

      view().querySelector<HTMLElement>('[data-testid="export-xlsx"]')?.click();
      await settle();

      const request = backend.expectOne((r) => r.url === '/api/startups/export');
      // Every page: no limit, no offset.
      expect(paramsOf(request)).toEqual({ q: 'acme', siteId: LILLE, stage: 'mvp', sort: 'name', format: 'xlsx' });
      request.flush(new Blob(['xlsx']), {
        headers: { 'Content-Disposition': 'attachment; filename="startups-2026-03-01.xlsx"' },
      });
      await settle();

      expect(createObjectURL).toHaveBeenCalled();
      expect(clicks).toEqual(['startups-2026-03-01.xlsx']);
    } finally {
      click.mockRestore();
    }
  });

  it('opens a startup from anywhere on its row', async () => {
    await open('/manage/startups');
    await answerList(expectList());

    view().querySelector<HTMLElement>('[data-testid="startup-row-Acme SAS"] td:nth-child(3)')?.click();
    await settle();

    expect(url()).toBe('/manage/startups/startup-acme');
  });
});
