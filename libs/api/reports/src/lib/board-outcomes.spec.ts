import { activeSince, buildOutcomes, cumulativePoints, decimalYear, leastSquares, longTermStatus, projectToYearEnd, survivalCutoff } from './board-outcomes';
import type { OutcomesInput } from './board-outcomes';
import type { SurvivalCount } from './board-outcomes.repository';

const cohort = (id: string, programId: string, startups: number, surviving: number, endsOn = '2022-01-01'): SurvivalCount => ({
  level: 'cohort',
  id,
  name: `Promo ${id}`,
  programId,
  programName: `Program ${programId}`,
  endsOn,
  startups,
  surviving,
});
const program = (id: string, startups: number, surviving: number): SurvivalCount => ({ level: 'program', id, name: `Program ${id}`, programId: id, programName: `Program ${id}`, endsOn: null, startups, surviving });
const organisation = (startups: number, surviving: number): SurvivalCount => ({ level: 'organisation', id: null, name: null, programId: null, programName: null, endsOn: null, startups, surviving });

const base: OutcomesInput = {
  quarter: '2026-Q3',
  survival: [],
  conversion: [],
  funds: [],
  fundedStartups: 0,
  companies: [],
  headcountSeries: [null, null, null, null, null, null, null, null],
  targets: [],
  threshold: 3,
};

describe('board outcomes: trend and status', () => {
  it('measures time in decimal years', () => {
    expect(decimalYear('2026-01-01')).toBe(2026);
    expect(decimalYear('2027-01-01')).toBe(2027);
    expect(decimalYear('2026-07-02')).toBeCloseTo(2026.5, 2);
  });

  it('fits a least-squares line and projects it to the end of the target year', () => {
    expect(leastSquares([{ x: 2020, y: 10 }])).toBeNull();
    expect(leastSquares([{ x: 2020, y: 10 }, { x: 2020, y: 20 }])).toBeNull();
    const line = leastSquares([{ x: 2021, y: 100 }, { x: 2022, y: 200 }, { x: 2023, y: 300 }])!;
    expect(line.slope).toBeCloseTo(100);
    // The end of 2030 is x = 2031: 100 + 10 × 100.
    expect(projectToYearEnd([{ x: 2021, y: 100 }, { x: 2022, y: 200 }, { x: 2023, y: 300 }], 2030)).toBeCloseTo(1100);
    // A falling trend never projects below zero.
    expect(projectToYearEnd([{ x: 2021, y: 100 }, { x: 2022, y: 10 }], 2030)).toBe(0);
  });

  it('is reached, on track, behind or without enough data', () => {
    expect(longTermStatus(120, 100, null)).toBe('reached');
    expect(longTermStatus(50, 100, 110)).toBe('on_track');
    expect(longTermStatus(50, 100, 90)).toBe('behind');
    expect(longTermStatus(50, 100, null)).toBe('no_data');
    expect(longTermStatus(null, 100, 500)).toBe('no_data');
  });

  it('takes the cumulative figure at each of the last five year ends and at the quarter end', () => {
    const years = Array.from({ length: 8 }, (_, i) => ({ year: 2019 + i, value: 10 }));
    // Quarter end 1 October 2026: year ends 2021 … 2025 (x = 2022 … 2026), then the quarter's end.
    expect(cumulativePoints(years, '2026-10-01')).toEqual([
      { x: 2022, y: 30 },
      { x: 2023, y: 40 },
      { x: 2024, y: 50 },
      { x: 2025, y: 60 },
      { x: 2026, y: 70 },
      { x: decimalYear('2026-10-01'), y: 80 },
    ]);
    // Q4's end is a year end: not counted twice; without data, nothing.
    expect(cumulativePoints([{ year: 2026, value: 5 }], '2027-01-01')).toEqual([
      { x: 2026, y: 0 },
      { x: 2027, y: 5 },
    ]);
    // Data from this year only: from zero at its start, so a trend exists after one quarter.
    expect(cumulativePoints([{ year: 2026, value: 4 }], '2026-07-01')).toEqual([
      { x: 2026, y: 0 },
      { x: decimalYear('2026-07-01'), y: 4 },
    ]);
    expect(cumulativePoints([], '2026-10-01')).toEqual([]);
  });

  it('counts cohorts that ended three years before the quarter’s end, still active in its last year', () => {
    expect(survivalCutoff('2026-10-01')).toBe('2023-10-01');
    expect(activeSince('2026-10-01')).toBe('2025-10-01');
  });
});

describe('board outcomes: figures under the board’s rules', () => {
  it('withholds a cohort below the threshold, and another one so that no subtraction gives it back', () => {
    const input = {
      ...base,
      survival: [cohort('a', 'p', 10, 9), cohort('b', 'p', 8, 6), cohort('c', 'p', 2, 1), program('p', 20, 16), program('q', 12, 11), cohort('d', 'q', 12, 11), organisation(32, 27)],
    };
    const board = buildOutcomes(input);
    const byId = Object.fromEntries(board.survival.byCohort.map((r) => [r.id, r]));
    expect(byId['c']).toMatchObject({ startups: null, surviving: null, rate: null, withheld: true });
    // program p = a + b + c: with c withheld, the smallest other part (b) goes too.
    expect(byId['b'].withheld).toBe(true);
    expect(byId['a']).toMatchObject({ startups: 10, surviving: 9, rate: 90, withheld: false });
    expect(board.survival.organisation).toMatchObject({ startups: 32, surviving: 27, rate: 84.4, withheld: false });
    expect(board.survival.endedBy).toBe('2023-09-30');
    // The park's team sees every figure.
    const team = buildOutcomes({ ...input, threshold: 0 });
    expect(team.survival.byCohort.every((r) => !r.withheld && r.startups !== null)).toBe(true);
  });

  it('says "no data" (zero startups, no rate) when no cohort ended three years ago', () => {
    const outcomes = buildOutcomes(base);
    expect(outcomes.survival.organisation).toMatchObject({ startups: 0, surviving: 0, rate: null, withheld: false });
    expect(outcomes.cumulative).toEqual({ fundsRaisedEur: null, fundsWithheld: false, companies: null, jobs: null, since: null });
    expect(outcomes.conversion.total).toMatchObject({ submitted: 0, rate: null });
  });

  it('converts applications to startups per call, withholding a call with too few applications', () => {
    const outcomes = buildOutcomes({
      ...base,
      conversion: [
        { id: 'k1', titleFr: 'Santé', titleEn: 'Health', cohortName: 'C1', programName: 'P', closesOn: '2026-05-31', submitted: 40, admitted: 10, enrolled: 8 },
        { id: 'k2', titleFr: 'Mer', titleEn: 'Sea', cohortName: 'C2', programName: 'P', closesOn: '2026-06-30', submitted: 2, admitted: 1, enrolled: 1 },
        { id: 'k3', titleFr: 'Énergie', titleEn: 'Energy', cohortName: 'C3', programName: 'P', closesOn: '2026-06-30', submitted: 12, admitted: 3, enrolled: 2 },
      ],
    });
    const [k1, k2, k3] = outcomes.conversion.byCall;
    expect(k1).toMatchObject({ submitted: 40, admitted: 10, enrolled: 8, rate: 20, withheld: false, title: { fr: 'Santé', en: 'Health' } });
    expect(k2).toMatchObject({ submitted: null, admitted: null, enrolled: null, rate: null, withheld: true });
    // total − k1 − k3 would give k2 back: k3, the smaller published call, is withheld too.
    expect(k3.withheld).toBe(true);
    expect(outcomes.conversion.total).toMatchObject({ submitted: 54, admitted: 14, enrolled: 11, rate: 20.4, withheld: false });
  });

  it('adds up funds and companies since the start, withholds funds behind too few startups, and projects the long-term targets', () => {
    const input: OutcomesInput = {
      ...base,
      funds: [
        { year: 2024, cents: '100000000' },
        { year: 2025, cents: '200000000' },
        { year: 2026, cents: '150000050' },
      ],
      fundedStartups: 3,
      companies: [
        { year: 2023, companies: 100 },
        { year: 2024, companies: 100 },
        { year: 2025, companies: 100 },
        { year: 2026, companies: 75 },
      ],
      headcountSeries: [null, null, 100, 110, 120, 130, 140, 150],
      targets: [
        { key: 'total_companies', year: 2030, value: '700.00' },
        { key: 'total_funds_eur', year: 2028, value: '4500000.00' },
        { key: 'total_jobs', year: 2030, value: '80000.00' },
      ],
    };
    const outcomes = buildOutcomes(input);
    expect(outcomes.cumulative).toEqual({ fundsRaisedEur: '4500000.50', fundsWithheld: false, companies: 375, jobs: 150, since: 2023 });
    const [companies, funds, jobs] = outcomes.longTermTargets;
    // 100 a year: 375 at the quarter's end, about 800 by the end of 2030.
    expect(companies).toMatchObject({ key: 'total_companies', year: 2030, target: '700', actual: '375', status: 'on_track' });
    expect(Number(companies.projected)).toBeGreaterThan(700);
    expect(funds).toMatchObject({ key: 'total_funds_eur', target: '4500000', actual: '4500000.50', status: 'reached' });
    // 10 more jobs a quarter: about 320 by the end of 2030, far from 80,000.
    expect(jobs).toMatchObject({ key: 'total_jobs', actual: '150', status: 'behind' });
    expect(Number(jobs.projected)).toBeCloseTo(320, -1);

    const fewFunded = buildOutcomes({ ...input, funds: [{ year: 2026, cents: '100' }], fundedStartups: 2 });
    expect(fewFunded.cumulative).toMatchObject({ fundsRaisedEur: null, fundsWithheld: true });
    expect(fewFunded.longTermTargets[1]).toMatchObject({ actual: null, projected: null, status: 'no_data' });
    const team = buildOutcomes({ ...input, funds: [{ year: 2026, cents: '100' }], fundedStartups: 0, threshold: 0 });
    expect(team.cumulative.fundsRaisedEur).toBe('1.00');
  });
});
