import { isCalendarDate, isMonth, isQuarter, todayUtc } from './dates';

describe('calendar values within 1900-01-01…2199-12-31', () => {
  it('accepts existing dates in range, refuses impossible ones and the year 0000', () => {
    expect(['1900-01-01', '2028-02-29', '2199-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31', '2027-02-29', '2026-1-05', '2026-01-05T00:00:00Z'].map(isCalendarDate)).toEqual(Array(7).fill(false));
    expect(isCalendarDate(20260105)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('bounds months and quarters by the same years', () => {
    expect(['1900-01', '2199-12', '2026-10'].map(isMonth)).toEqual([true, true, true]);
    expect(['0000-01', '2200-01', '2026-13', '2026-00', '2026-1'].map(isMonth)).toEqual(Array(5).fill(false));
    expect(['1900-Q1', '2199-Q4'].map(isQuarter)).toEqual([true, true]);
    expect(['0000-Q1', '2200-Q1', '2026-Q5', '2026-Q0', '2026-10'].map(isQuarter)).toEqual(Array(5).fill(false));
  });

  it('judges "today" on the UTC day', () => {
    expect(todayUtc(new Date('2026-03-31T23:30:00-02:00'))).toBe('2026-04-01');
  });
});
