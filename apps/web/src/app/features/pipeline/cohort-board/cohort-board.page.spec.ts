import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CohortBoardResponse } from '@incubator/contracts';
import { settle } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { CohortBoardPage, CohortBoardRouteData } from './cohort-board.page';

const board: CohortBoardResponse = {
  cohort: {
    id: 'cohort-1',
    programId: 'program-1',
    programName: 'Incubator Lille',
    programKind: 'incubator',
    name: 'Spring 2026',
    startsOn: '2026-03-02',
    endsOn: '2026-07-01',
    capacity: 12,
    seated: 2,
    archivedAt: null,
  },
  startups: [
    {
      startupId: 'startup-acme',
      legalName: 'Acme SAS',
      enrollmentStatus: 'active',
      milestones: { planned: 2, in_progress: 1, achieved: 3, missed: 0 },
      overdue: 1,
    },
    {
      startupId: 'startup-beta',
      legalName: 'Beta Robotics',
      enrollmentStatus: 'admitted',
      milestones: { planned: 0, in_progress: 0, achieved: 0, missed: 1 },
      overdue: 0,
    },
  ],
};

describe('CohortBoardPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    const manage: CohortBoardRouteData = { readOnly: false, backLink: '/manage/programs' };
    const boardArea: CohortBoardRouteData = { readOnly: true, backLink: '/board' };
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'manage/cohorts/:id', component: CohortBoardPage, data: manage },
          { path: 'board/cohorts/:id', component: CohortBoardPage, data: boardArea },
        ]),
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  async function open(url: string) {
    const harness = await RouterTestingHarness.create(url);
    backend.expectOne('/api/cohorts/cohort-1/board').flush(board);
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  it("shows each seated startup's milestone counts, overdue ones flagged", async () => {
    const page = await open('/manage/cohorts/cohort-1');

    expect(page.querySelector('[data-testid="cohort-board-title"]')?.textContent).toBe('Spring 2026');
    expect(page.textContent).toContain('Mar 2, 2026 to Jun 30, 2026 inclusive');
    expect(page.textContent).toContain('2 of 12 seats taken');
    const acme = page.querySelector('[data-testid="board-row-Acme SAS"]');
    expect(acme?.querySelector('[data-testid="board-achieved"]')?.textContent?.trim()).toBe('3');
    expect(acme?.querySelector('[data-testid="board-in-progress"]')?.textContent?.trim()).toBe('1');
    expect(acme?.querySelector('[data-testid="board-overdue"]')?.textContent?.trim()).toBe('1');
    expect(acme?.querySelector('[data-testid="board-overdue"]')?.classList).toContain('is-alert');
    const beta = page.querySelector('[data-testid="board-row-Beta Robotics"]');
    expect(beta?.querySelector('[data-testid="board-overdue"]')?.classList).not.toContain('is-alert');
    expect(acme?.querySelector('a')?.getAttribute('href')).toBe('/manage/startups/startup-acme');
  });

  it('shows the board read-only to the board: no link into a startup', async () => {
    const page = await open('/board/cohorts/cohort-1');

    expect(page.querySelector('[data-testid="board-row-Acme SAS"]')?.textContent).toContain('Acme SAS');
    expect(page.querySelector('[data-testid="cohort-board"] a')).toBeNull();
    expect(page.querySelector('[data-testid="cohort-board-back"]')?.getAttribute('href')).toBe('/board');
  });
});
