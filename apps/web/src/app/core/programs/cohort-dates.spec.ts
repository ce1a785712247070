import { addDays, endsOnFromLastDay, lastDayFromEndsOn } from './cohort-dates';

describe('cohort dates', () => {
  it('sends the day after the last day as the exclusive end', () => {
    expect(endsOnFromLastDay('2026-01-31')).toBe('2026-02-01');
    expect(endsOnFromLastDay('2026-12-31')).toBe('2027-01-01');
    expect(endsOnFromLastDay('2028-02-28')).toBe('2028-02-29');
    expect(endsOnFromLastDay('2027-02-28')).toBe('2027-03-01');
  });

  it('shows the day before the exclusive end as the last day', () => {
    expect(lastDayFromEndsOn('2026-02-01')).toBe('2026-01-31');
    expect(lastDayFromEndsOn('2027-01-01')).toBe('2026-12-31');
    expect(lastDayFromEndsOn('2028-03-01')).toBe('2028-02-29');
  });

  it('is the same day there and back, across a daylight-saving change', () => {
    for (const day of ['2026-03-29', '2026-10-25', '2026-06-15']) {
      expect(lastDayFromEndsOn(endsOnFromLastDay(day))).toBe(day);
    }
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => addDays('31/01/2026', 1)).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
  });
});
