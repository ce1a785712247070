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
        schedule({ kind: 'waitlist_expiry', cron: '*/5 * * * *', nextRunAt: '2026-11-01T10:05:00Z' }),
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

  const select = (testId: string) => byTestId<HTMLSelectElement>(testId, page);
  async function choose(testId: string, value: string) {
    const element = select(testId);
    element.value = value;
    element.dispatchEvent(new Event('change'));
    await settle();
  }

  it('shows each schedule as a frequency, a day and a time, with the expression as a sentence', async () => {
    await open('fr');
    expect(select('schedule-frequency-board_pack').value).toBe('quarterly');
    expect(select('schedule-day-board_pack').value).toBe('5');
    expect(select('schedule-hour-board_pack').value).toBe('07');
    expect(select('schedule-minute-board_pack').value).toBe('00');
    expect(byTestId('schedule-sentence-board_pack', page).textContent).toContain(
      'Chaque trimestre, le 5 janvier, avril, juillet et octobre à 07:00',
    );
    expect(byTestId('schedule-sentence-occupancy', page).textContent).toContain('Le 1er de chaque mois à 06:00');
    // The raw cron is folded away when the editor can say it.
    expect(byTestId('schedule-advanced-occupancy', page).closest('details')?.open).toBe(false);
  });

  it('writes the cron from the editor: every Monday at 09:30', async () => {
    await open('en');
    await choose('schedule-frequency-occupancy', 'weekly');
    expect(select('schedule-day-occupancy').value).toBe('1');
    await choose('schedule-hour-occupancy', '09');
    await choose('schedule-minute-occupancy', '30');
    expect(cron('occupancy').value).toBe('30 9 * * 1');
    expect(byTestId('schedule-sentence-occupancy', page).textContent).toContain('Every Monday at 09:30');

    await clickOn('schedule-save-occupancy', page);
    const patch = backend.expectOne((r) => r.method === 'PATCH' && r.url === '/api/schedules/occupancy');
    expect(patch.request.body).toEqual({ cron: '30 9 * * 1', enabled: true });
    patch.flush(schedule({ kind: 'occupancy', cron: '30 9 * * 1' }));
    await settle();
    expect(select('schedule-frequency-occupancy').value).toBe('weekly');
  });

  it('opens the raw cron for an expression the editor cannot say, and follows a typed one', async () => {
    await open('en');
    expect(select('schedule-frequency-waitlist_expiry').value).toBe('custom');
    expect(byTestId('schedule-advanced-waitlist_expiry', page).closest('details')?.open).toBe(true);
    expect(byTestId('schedule-sentence-waitlist_expiry', page).textContent).toContain('Every 5 minutes');
    expect(page.querySelector('[data-testid="schedule-hour-waitlist_expiry"]')).toBeNull();

    await typeInto('schedule-cron-waitlist_expiry', '0 8 * * *', page);
    expect(select('schedule-frequency-waitlist_expiry').value).toBe('daily');
    expect(select('schedule-hour-waitlist_expiry').value).toBe('08');
    expect(byTestId('schedule-sentence-waitlist_expiry', page).textContent).toContain('Every day at 08:00');
  });
});
