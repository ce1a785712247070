import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { CohortResponse, ProgramResponse } from '@incubator/contracts';
import { clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { CohortDialogComponent, CohortDialogData } from './cohort-dialog.component';

const program: ProgramResponse = {
  id: 'program-1',
  siteId: 'site-1',
  siteName: 'EuraTechnologies Lille',
  kind: 'incubator',
  name: 'Incubator Lille',
  description: null,
  cohortCount: 1,
  archivedAt: null,
};

const cohort: CohortResponse = {
  id: 'cohort-1',
  programId: 'program-1',
  programName: 'Incubator Lille',
  programKind: 'incubator',
  name: 'Spring 2026',
  startsOn: '2026-03-02',
  endsOn: '2026-07-01',
  capacity: 12,
  seated: 9,
  archivedAt: null,
};

describe('CohortDialogComponent', () => {
  let backend: HttpTestingController;
  let closedWith: unknown;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
    localStorage.clear();
  });

  async function open(data: CohortDialogData) {
    closedWith = 'open';
    TestBed.inject(MatDialog)
      .open(CohortDialogComponent, { data })
      .afterClosed()
      .subscribe((result) => (closedWith = result));
    await settle();
  }

  const value = (testId: string) =>
    document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)?.value;

  it('sends the day after the chosen last day as the exclusive end', async () => {
    await open({ program });
    await typeInto('cohort-name', ' Autumn 2026 ');
    await typeInto('cohort-first-day', '2026-09-01');
    await typeInto('cohort-last-day', '2027-01-31');
    await typeInto('cohort-capacity', '15');

    await clickOn('cohort-submit');

    const post = backend.expectOne('/api/cohorts');
    expect(post.request.body).toEqual({
      programId: 'program-1',
      name: 'Autumn 2026',
      startsOn: '2026-09-01',
      endsOn: '2027-02-01',
      capacity: 15,
    });
    post.flush({ ...cohort, id: 'cohort-2', name: 'Autumn 2026' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(closedWith).toEqual(expect.objectContaining({ id: 'cohort-2' }));
  });

  it('shows the last day of an existing cohort, not its exclusive end, and sends only what changed', async () => {
    await open({ program, cohort });

    // Shown in the UI language (English: month first), sent as YYYY-MM-DD.
    expect(value('cohort-first-day')).toBe('03/02/2026');
    expect(value('cohort-last-day')).toBe('06/30/2026');
    expect(fieldText('cohort-capacity')).toContain('9 seats are already taken.');

    await typeInto('cohort-last-day', '2026-07-31');
    await clickOn('cohort-submit');

    const patch = backend.expectOne('/api/cohorts/cohort-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ endsOn: '2026-08-01' });
    patch.flush(cohort);
  });

  it('refuses a last day before the first day, as the user types', async () => {
    await open({ program });
    await typeInto('cohort-first-day', '2026-09-01');
    await typeInto('cohort-last-day', '2026-08-31');

    expect(fieldText('cohort-last-day')).toContain('The last day cannot be before the first day.');

    await typeInto('cohort-first-day', '2026-08-01');
    expect(fieldText('cohort-last-day')).not.toContain('cannot be before');
  });

  it('shows a capacity below the seats taken (409) at the capacity field', async () => {
    await open({ program, cohort });
    await typeInto('cohort-capacity', '5');
    await clickOn('cohort-submit');

    backend.expectOne('/api/cohorts/cohort-1').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'The capacity is below the seats taken',
        fields: { capacity: ['capacity must be at least 9, the startups already admitted'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(fieldText('cohort-capacity')).toContain('capacity must be at least 9, the startups already admitted');
    expect(closedWith).toBe('open');
  });
});
