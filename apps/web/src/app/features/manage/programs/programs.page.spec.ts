import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { CohortResponse, OrganisationResponse, ProgramResponse } from '@incubator/contracts';
import { afterDialogClosed, clickOn, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ProgramsPage } from './programs.page';

const organisation: OrganisationResponse = {
  id: 'org-1',
  slug: 'euratech',
  name: 'EuraTechnologies',
  timeZone: 'Europe/Paris',
  defaultLocale: 'fr',
  sites: [
    { id: 'site-lille', slug: 'lille', name: 'EuraTechnologies Lille', city: 'Lille', address: null },
    { id: 'site-calais', slug: 'calais', name: 'Tektos Calais', city: 'Calais', address: null },
  ],
};
const incubator: ProgramResponse = {
  id: 'program-1',
  siteId: 'site-lille',
  siteName: 'EuraTechnologies Lille',
  kind: 'incubator',
  name: 'Incubator Lille',
  description: null,
  cohortCount: 1,
  archivedAt: null,
};
const spring: CohortResponse = {
  id: 'cohort-1',
  programId: 'program-1',
  programName: 'Incubator Lille',
  programKind: 'incubator',
  name: 'Spring 2026',
  startsOn: '2026-03-02',
  endsOn: '2026-07-01',
  capacity: 12,
  seated: 12,
  archivedAt: null,
};

describe('ProgramsPage', () => {
  let fixture: ComponentFixture<ProgramsPage>;
  let backend: HttpTestingController;

  async function render(role: 'manager' | 'board' = 'manager') {
    await signIn(role);
    fixture = TestBed.createComponent(ProgramsPage);
    backend.expectOne('/api/organisation').flush(organisation);
    backend.expectOne((r) => r.url === '/api/programs').flush([incubator]);
    backend.expectOne((r) => r.url === '/api/cohorts').flush([spring]);
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ProgramsPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const view = () => fixture.nativeElement as HTMLElement;

  it('groups the programs by site, with their cohorts, last day included and seats taken', async () => {
    await render();

    const card = view().querySelector('[data-testid="program-card-Incubator Lille"]');
    expect(card?.textContent).toContain('Incubator');
    const row = card?.querySelector('[data-testid="cohort-row-Spring 2026"]');
    expect(row?.querySelector('[data-testid="cohort-dates"]')?.textContent?.trim()).toBe(
      'Mar 2, 2026 to Jun 30, 2026 inclusive',
    );
    expect(row?.querySelector('[data-testid="cohort-seats"]')?.textContent?.replace(/\s/g, '')).toBe('12/12');
    const boardLink = row?.querySelector('[data-testid="cohort-board-link"]');
    expect(boardLink?.getAttribute('href')).toBe('/manage/cohorts/cohort-1');
    // A site without a programme is listed, so that the gap shows.
    expect(view().querySelector('[data-testid="site-Tektos Calais"]')?.textContent).toContain(
      'No programme on this site yet.',
    );
  });

  it('creates a programme on a site and shows it', async () => {
    await render();

    await clickOn('program-create-open', view());
    await typeInto('program-site', 'site-calais');
    await typeInto('program-kind', 'accelerator');
    await typeInto('program-name', 'Accelerator Calais');
    await clickOn('program-submit');

    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/programs');
    expect(post.request.body).toEqual({ siteId: 'site-calais', kind: 'accelerator', name: 'Accelerator Calais' });
    post.flush({
      ...incubator,
      id: 'program-2',
      siteId: 'site-calais',
      kind: 'accelerator',
      name: 'Accelerator Calais',
    });
    await afterDialogClosed();

    const card = view().querySelector(
      '[data-testid="site-Tektos Calais"] [data-testid="program-card-Accelerator Calais"]',
    );
    expect(card?.textContent).toContain('Accelerator');
    expect(card?.querySelector('[data-testid="cohort-create-open-Accelerator Calais"]')).not.toBeNull();
  });

  it('shows a name already used on the site (409) at the name field', async () => {
    await render();

    await clickOn('program-create-open', view());
    await typeInto('program-site', 'site-lille');
    await typeInto('program-kind', 'incubator');
    await typeInto('program-name', 'Incubator Lille');
    await clickOn('program-submit');
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/programs').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'This site already has a program with that name',
        fields: { name: ['name is already used on this site'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await afterDialogClosed();

    expect(document.querySelector('[data-testid="program-name"]')?.closest('mat-form-field')?.textContent).toContain(
      'name is already used on this site',
    );
  });

  it('renames a programme and clears its description', async () => {
    await render();

    await clickOn('program-edit', view());
    await typeInto('program-edit-name', 'Incubateur Lille');
    await clickOn('program-edit-submit');
    const patch = backend.expectOne((r) => r.method === 'PATCH' && r.url === '/api/programs/program-1');
    expect(patch.request.body).toEqual({ name: 'Incubateur Lille', description: null });
    patch.flush({ ...incubator, name: 'Incubateur Lille' });
    await afterDialogClosed();

    expect(view().querySelector('[data-testid="program-card-Incubateur Lille"]')).not.toBeNull();
  });

  it('archives a cohort after confirmation, and lists archived ones on request with a restore action', async () => {
    await render();

    await clickOn('cohort-archive', view());
    await clickOn('confirm-accept');
    const archive = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/cohorts/cohort-1/archive');
    archive.flush({ ...spring, archivedAt: '2026-08-01T08:00:00.000Z' });
    await afterDialogClosed();
    expect(view().querySelector('[data-testid="cohort-row-Spring 2026"]')).toBeNull();

    view().querySelector<HTMLElement>('[data-testid="programs-show-archived"] button')?.click();
    await fixture.whenStable();
    backend.expectOne('/api/organisation').flush(organisation);
    const programs = backend.expectOne((r) => r.url === '/api/programs');
    expect(programs.request.params.get('includeArchived')).toBe('true');
    programs.flush([incubator]);
    backend.expectOne((r) => r.url === '/api/cohorts' && r.params.get('includeArchived') === 'true').flush([{ ...spring, archivedAt: '2026-08-01T08:00:00.000Z' }]);
    await fixture.whenStable();
    const row = view().querySelector('[data-testid="cohort-row-Spring 2026"]');
    expect(row?.querySelector('[data-testid="cohort-archived"]')?.textContent?.trim()).toBe('Archived');
    await clickOn('cohort-restore', view());
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/cohorts/cohort-1/restore').flush(spring);
    await fixture.whenStable();
    expect(view().querySelector('[data-testid="cohort-row-Spring 2026"] [data-testid="cohort-archived"]')).toBeNull();
  });

  it('offers no creation or edition without programs:manage', async () => {
    await render('board');

    expect(view().querySelector('[data-testid="program-create-open"]')).toBeNull();
    expect(view().querySelector('[data-testid="cohort-create-open-Incubator Lille"]')).toBeNull();
    expect(view().querySelector('[data-testid="cohort-edit"]')).toBeNull();
    expect(view().querySelector('[data-testid="program-archive"]')).toBeNull();
    expect(view().querySelector('[data-testid="cohort-archive"]')).toBeNull();
    expect(view().querySelector('[data-testid="cohort-board-link"]')).not.toBeNull();
  });
});
