import { monthOf, periodRange, previousPeriod } from './kpis';
import { quarterOf, quarterRange, shiftQuarter } from './reports';

describe('reporting periods', () => {
  it('turns months and quarters into half-open date ranges', () => {
    expect(periodRange('2026-03')).toEqual({ start: '2026-03-01', end: '2026-04-01', periodicity: 'monthly' });
    expect(periodRange('2026-12')).toEqual({ start: '2026-12-01', end: '2027-01-01', periodicity: 'monthly' });
    expect(periodRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2027-01-01', periodicity: 'quarterly' });
    expect(periodRange('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-04-01', periodicity: 'quarterly' });
  });

  it('rejects what is not a period', () => {
    for (const text of ['2026-13', '2026-00', '2026-Q5', '2026-3', '26-03', '2026-03-01', '']) expect(periodRange(text)).toBeNull();
  });

  it('steps back one period across years', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
    expect(monthOf('2026-03-15')).toBe('2026-03');
  });
});

describe('quarters', () => {
  it('maps quarters to half-open ranges and steps across years', () => {
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(quarterRange('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-07-01' });
    expect(quarterRange('2026-Q5')).toBeNull();
    expect(shiftQuarter('2026-Q1', 1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q3', 4)).toBe('2025-Q3');
    expect(quarterOf('2026-11-22')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
  });
});
