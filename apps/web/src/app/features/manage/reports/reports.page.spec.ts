import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { reportFile, reportRun } from '../../../core/reports/report-fixtures';
import { ReportsPage } from './reports.page';

describe('ReportsPage (park team)', () => {
  let fixture: ComponentFixture<ReportsPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    // Only the date is fixed: the last complete month is October 2026.
    jest.useFakeTimers({
      now: new Date('2026-11-22T10:00:00Z'),
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
      ],
    });
    TestBed.configureTestingModule({
      imports: [ReportsPage, translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportsPage);
    const list = backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs');
    // Both kinds: the park team sees every report.
    expect(list.request.params.has('kind')).toBe(false);
    list.flush([
      reportRun({
        id: 'run-occ',
        kind: 'occupancy',
        period: '2026-10',
        status: 'completed',
        files: [reportFile({ id: 'csv', format: 'csv', locale: null, filename: 'occupancy-2026-10.csv' })],
      }),
      reportRun({ status: 'failed', error: 'Le PDF n’a pas pu être produit' }),
    ]);
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
    jest.useRealTimers();
  });

  it('lists the runs of both kinds with their state, error and files, in French', () => {
    const occupancy = byTestId('occupancy-row', page);
    expect(occupancy.dataset['period']).toBe('2026-10');
    expect(occupancy.textContent).toContain('octobre 2026');
    expect(occupancy.textContent).toContain('Occupation et état locatif');
    expect(byTestId('occupancy-download-csv', occupancy)).toBeTruthy();

    const pack = byTestId('pack-row', page);
    expect(pack.textContent).toContain('T3 2026');
    expect(byTestId('pack-error', pack).textContent).toContain('Le PDF n’a pas pu être produit');
    expect(pack.querySelectorAll('button')).toHaveLength(0);
  });

  it('offers the 12 last complete months and regenerates one already produced', async () => {
    const month = byTestId<HTMLSelectElement>('occupancy-month', page);
    const months = Array.from(month.options).map((o) => o.value);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-10');
    expect(months[11]).toBe('2025-11');
    expect(month.selectedOptions[0].textContent?.trim()).toBe('octobre 2026');
    expect(byTestId('occupancy-generate', page).textContent?.trim()).toBe('Produire à nouveau');
    await clickOn('occupancy-generate', page);
    const post = backend.expectOne((r) => r.method === 'POST');
    expect(post.request.body).toEqual({ kind: 'occupancy', period: '2026-10', regenerate: true });
    post.flush(reportRun({ id: 'run-new', kind: 'occupancy', period: '2026-10', generation: 2, status: 'queued' }));
    await settle();
    expect(byTestId('occupancy-progress', page)).toBeTruthy();
    expect(byTestId<HTMLButtonElement>('occupancy-generate', page).disabled).toBe(true);
  });

  it('generates a month not produced yet', async () => {
    await typeInto('occupancy-month', '2026-09', page);
    expect(byTestId('occupancy-generate', page).textContent?.trim()).toBe('Produire');
    await clickOn('occupancy-generate', page);
    const post = backend.expectOne((r) => r.method === 'POST');
    expect(post.request.body).toEqual({ kind: 'occupancy', period: '2026-09' });
    post.flush(reportRun({ id: 'run-sep', kind: 'occupancy', period: '2026-09', status: 'completed' }));
    // Finished at once (already produced): the list is fetched again.
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/report-runs').flush([]);
  });
});
