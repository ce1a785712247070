import { changePercent, formatQuarter, initialQuarter, lastCompletedQuarter, quarterOptions, recentQuarters } from './quarters';

describe('board quarters', () => {
  it('lists the current quarter and the eleven before it, newest first, across years', () => {
    const quarters = recentQuarters('2026-11-22');
    expect(quarters).toHaveLength(12);
    expect(quarters.slice(0, 5)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4']);
    expect(quarters[11]).toBe('2024-Q1');
  });

  it('opens on the last completed quarter, also on the first day of a quarter and in January', () => {
    expect(lastCompletedQuarter('2026-11-22')).toBe('2026-Q3');
    expect(lastCompletedQuarter('2026-10-01')).toBe('2026-Q3');
    expect(lastCompletedQuarter('2026-09-30')).toBe('2026-Q2');
    expect(lastCompletedQuarter('2027-01-15')).toBe('2026-Q4');
  });

  it("opens on the address's quarter when it is one that has started, else on the default", () => {
    expect(initialQuarter('2026-Q3', '2026-11-22')).toBe('2026-Q3');
    expect(initialQuarter('2026-Q4', '2026-11-22')).toBe('2026-Q4');
    expect(initialQuarter('2023-Q2', '2026-11-22')).toBe('2023-Q2');
    expect(initialQuarter('2027-Q1', '2026-11-22')).toBe('2026-Q3');
    expect(initialQuarter('2026-Q5', '2026-11-22')).toBe('2026-Q3');
    expect(initialQuarter('2026-10', '2026-11-22')).toBe('2026-Q3');
    expect(initialQuarter(null, '2026-11-22')).toBe('2026-Q3');
  });

  it('offers an older quarter asked for by the address after the recent ones', () => {
    expect(quarterOptions('2026-11-22', '2026-Q1')).toEqual(recentQuarters('2026-11-22'));
    expect(quarterOptions('2026-11-22', '2023-Q2')).toEqual([...recentQuarters('2026-11-22'), '2023-Q2']);
  });

  it('computes the change in % against a previous figure, none when a figure is withheld or was zero', () => {
    expect(changePercent(90, 80)).toBeCloseTo(12.5);
    expect(changePercent(60, 80)).toBeCloseTo(-25);
    expect(changePercent(80, 80)).toBe(0);
    expect(changePercent(-5, -10)).toBeCloseTo(50);
    expect(changePercent(null, 80)).toBeNull();
    expect(changePercent(90, null)).toBeNull();
    expect(changePercent(90, 0)).toBeNull();
  });

  it('names a quarter in the language of the user', () => {
    expect(formatQuarter('2026-Q3', 'fr')).toBe('T3 2026');
    expect(formatQuarter('2026-Q3', 'en')).toBe('Q3 2026');
    expect(formatQuarter('nonsense', 'en')).toBe('nonsense');
  });
});
