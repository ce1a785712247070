import { formatCalendarDate } from './calendar-date.pipe';

describe('formatCalendarDate', () => {
  const zone = process.env['TZ'];

  afterEach(() => (process.env['TZ'] = zone));

  it('writes the day in the language of the interface', () => {
    expect(formatCalendarDate('2026-09-01', 'en')).toBe('Sep 1, 2026');
    expect(formatCalendarDate('2026-09-01', 'fr')).toBe('1 sept. 2026');
  });

  it('keeps the same day whatever the time zone', () => {
    process.env['TZ'] = 'America/Los_Angeles';
    expect(formatCalendarDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
  });

  it('leaves a value that is not a day as it is', () => {
    expect(formatCalendarDate('soon', 'en')).toBe('soon');
  });
});
