import { daysBetween, defaultReportPeriod, formatPeriod, recentPeriods, reportDueOn, yearToDateRange } from './kpi-periods';

describe('KPI periods', () => {
  it('proposes the previous month by default, across a new year', () => {
    expect(defaultReportPeriod('2026-03-15')).toBe('2026-02');
    expect(defaultReportPeriod('2026-01-01')).toBe('2025-12');
  });

  it('offers the twelve complete months before today, newest first', () => {
    const periods = recentPeriods('2026-03-15');
    expect(periods).toHaveLength(12);
    expect(periods[0]).toBe('2026-02');
    expect(periods[1]).toBe('2026-01');
    expect(periods[2]).toBe('2025-12');
    expect(periods[11]).toBe('2025-03');
  });

  it('names a month in the user language', () => {
    expect(formatPeriod('2026-03', 'en')).toBe('March 2026');
    expect(formatPeriod('2026-03', 'fr')).toBe('mars 2026');
    expect(formatPeriod('2026-Q1', 'en')).toBe('2026-Q1');
  });

  it('defaults the figures to the year so far, up to the first day of next month', () => {
    expect(yearToDateRange('2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(yearToDateRange('2026-12-31')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
  });

  it('dates a report KPI_REPORT_DUE_DAYS after its period ends, as the API does', () => {
    expect(reportDueOn('2026-02')).toBe('2026-03-16');
    expect(reportDueOn('2026-12')).toBe('2027-01-16');
    expect(reportDueOn('2026-Q1')).toBe('2026-04-16');
    expect(daysBetween('2026-03-16', '2026-03-20')).toBe(4);
    expect(daysBetween('2026-03-20', '2026-03-16')).toBe(-4);
  });
});
