import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ScheduleResponse } from '@incubator/contracts';
import { byTestId, clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { SchedulesPage } from './schedules.page';

function schedule(overrides: Partial<ScheduleResponse> = {}): ScheduleResponse {
  return {
    kind: 'board_pack',
    cron: '0 7 5 1,4,7,10 *',
    timeZone: 'Europe/Paris',
    enabled: true,
    nextRunAt: '2027-01-05T06:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}

describe('SchedulesPage', () => {
  let fixture: ComponentFixture<SchedulesPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  async function open(locale: 'en' | 'fr') {
    TestBed.configureTestingModule({
      imports: [SchedulesPage, translocoTesting({ translocoConfig: { defaultLang: locale } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use(locale);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SchedulesPage);
    backend
      .expectOne((r) => r.method === 'GET' && r.url === '/api/schedules')
      .flush([
        schedule(),
        schedule({ kind: 'occupancy', cron: '0 6 1 * *', nextRunAt: '2026-12-01T05:00:00Z' }),
        schedule({ kind: 'kpi_reminders', cron: '0 9 3 * *', enabled: false, nextRunAt: null }),
      ]);
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const cron = (kind: string) => byTestId<HTMLInputElement>(`schedule-cron-${kind}`, page);
  const toggle = (kind: string) => byTestId(`schedule-enabled-${kind}`, page).querySelector<HTMLButtonElement>('button');

  it('shows one row per schedule with its cron, state and next run in the schedule time zone', async () => {
    await open('en');
    expect(byTestId('schedule-board_pack', page)).toBeTruthy();
    expect(cron('board_pack').value).toBe('0 7 5 1,4,7,10 *');
    expect(toggle('board_pack')?.getAttribute('aria-checked')).toBe('true');
    expect(toggle('kpi_reminders')?.getAttribute('aria-checked')).toBe('false');
    // 06:00 UTC is 07:00 in Paris in winter.
    expect(byTestId('schedule-next-board_pack', page).textContent).toContain('Tuesday, January 5, 2027 at 7:00 AM (Europe/Paris)');
    expect(byTestId('schedule-next-kpi_reminders', page).textContent).toContain('Not scheduled');
  });

  it('formats the next run in French for a French user', async () => {
    await open('fr');
    expect(byTestId('schedule-next-occupancy', page).textContent).toContain('mardi 1 décembre 2026 à 06:00 (Europe/Paris)');
  });

  it("shows the API's cron error at the field, and clears it once the expression is edited", async () => {
    await open('en');
    await typeInto('schedule-cron-occupancy', '61 6 1 * *', page);
    await clickOn('schedule-save-occupancy', page);
    const patch = backend.expectOne((r) => r.method === 'PATCH' && r.url === '/api/schedules/occupancy');
    expect(patch.request.body).toEqual({ cron: '61 6 1 * *', enabled: true });
    patch.flush(
      { message: 'Validation failed', fields: { cron: ['Not a valid cron expression: minute 61 is out of range.'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(fieldText('schedule-cron-occupancy', page)).toContain('Not a valid cron expression: minute 61 is out of range.');
    expect(cron('occupancy').getAttribute('aria-invalid')).toBe('true');
    // Only that row shows it, and no generic error above the button.
    expect(fieldText('schedule-cron-board_pack', page)).not.toContain('Not a valid cron');
    expect(page.querySelector('[role="alert"]')).toBeNull();

    await typeInto('schedule-cron-occupancy', '0 6 1 * *', page);
    expect(fieldText('schedule-cron-occupancy', page)).not.toContain('Not a valid cron');
  });

  it('saves a schedule turned off and shows what the API answered', async () => {
    await open('en');
    toggle('board_pack')?.click();
    await settle();
    await clickOn('schedule-save-board_pack', page);
    const patch = backend.expectOne((r) => r.method === 'PATCH' && r.url === '/api/schedules/board_pack');
    expect(patch.request.body).toEqual({ cron: '0 7 5 1,4,7,10 *', enabled: false });
    patch.flush(schedule({ enabled: false, nextRunAt: null }));
    await settle();

    expect(toggle('board_pack')?.getAttribute('aria-checked')).toBe('false');
    expect(byTestId('schedule-next-board_pack', page).textContent).toContain('Not scheduled');
  });

  it('does not send an empty expression', async () => {
    await open('en');
    await typeInto('schedule-cron-board_pack', '  ', page);
    await typeInto('schedule-cron-board_pack', '', page);
    await clickOn('schedule-save-board_pack', page);
    backend.expectNone((r) => r.method === 'PATCH');
    expect(fieldText('schedule-cron-board_pack', page)).toContain('Required.');
  });
});
