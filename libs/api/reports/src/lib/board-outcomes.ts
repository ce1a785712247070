import { withheld } from '@incubator/api/kpis';
import type { DisclosureEntry, Relation } from '@incubator/api/kpis';
import { formatMinorUnits, quarterRange, shiftQuarter, SURVIVAL_YEARS } from '@incubator/contracts';
import type { BoardOutcomes, ConversionRow, LongTermStatus, LongTermTargetKey, LongTermTargetRow, SurvivalRow } from '@incubator/contracts';
import type { CallConversion, SurvivalCount, YearlyCompanies, YearlyFunds } from './board-outcomes.repository';

/** Year-end points the trend is fitted on (plus the quarter's end). */
export const TREND_YEARS = 5;

export interface Point {
  /** Time in years, e.g. 2026.75 for 1 October 2026. */
  x: number;
  y: number;
}

/** A day as a decimal year: 2026-01-01 → 2026, 2026-07-02 → 2026.5. */
export function decimalYear(day: string): number {
  const year = Number(day.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const next = Date.UTC(year + 1, 0, 1);
  return year + (Date.parse(`${day.slice(0, 10)}T00:00:00Z`) - start) / (next - start);
}

/** Ordinary least squares line through the points; null with fewer than two distinct times. */
export function leastSquares(points: readonly Point[]): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

/** The fitted line's value at the end of `year` (never below zero: these figures cannot be negative). */
export function projectToYearEnd(points: readonly Point[], year: number): number | null {
  const line = leastSquares(points);
  return line === null ? null : Math.max(0, line.intercept + line.slope * (year + 1));
}

/** Reached when the actual already meets it; otherwise on track when the trend meets it by the year's end. */
export function longTermStatus(actual: number | null, target: number, projected: number | null): LongTermStatus {
  if (actual === null) return 'no_data';
  if (actual >= target) return 'reached';
  if (projected === null) return 'no_data';
  return projected >= target ? 'on_track' : 'behind';
}

/**
 * Cumulative points of a yearly series: its total at the end of each of the last TREND_YEARS years
 * before the quarter's year (from the first year with data, whose start counts as zero when it is one
 * of them), and at the quarter's end.
 */
export function cumulativePoints(byYear: ReadonlyArray<{ year: number; value: number }>, to: string): Point[] {
  if (!byYear.length) return [];
  const toYear = decimalYear(to);
  const currentYear = Math.ceil(toYear) - 1; // the year `to` closes a part of (1 Jan 2027 closes 2026)
  const first = byYear[0].year;
  const cumulative = (through: number) => byYear.filter((y) => y.year <= through).reduce((s, y) => s + y.value, 0);
  const points: Point[] = [];
  // Nothing before the first year with data: the figure was zero when it began.
  if (first >= currentYear - TREND_YEARS) points.push({ x: first, y: 0 });
  for (let year = Math.max(first, currentYear - TREND_YEARS); year < currentYear; year++) points.push({ x: year + 1, y: cumulative(year) });
  if (points.at(-1)?.x !== toYear) points.push({ x: toYear, y: cumulative(currentYear) });
  return points;
}

export interface OutcomesInput {
  quarter: string;
  survival: SurvivalCount[];
  conversion: CallConversion[];
  funds: YearlyFunds[];
  /** Startups that closed a round before the quarter's end, counted up to the threshold. */
  fundedStartups: number;
  companies: YearlyCompanies[];
  /** The headcount of the last eight quarters as the caller sees it (oldest first, the quarter last). */
  headcountSeries: Array<number | null>;
  targets: Array<{ key: LongTermTargetKey; year: number; value: string }>;
  /** 0 for the park's team: nothing withheld. */
  threshold: number;
}

/** The day SURVIVAL_YEARS years before `to` (a quarter's first day, so never 29 February). */
export function survivalCutoff(to: string): string {
  return yearsBefore(to, SURVIVAL_YEARS);
}

/** Still active at `to`: some activity in the year before it (from this day on). */
export function activeSince(to: string): string {
  return yearsBefore(to, 1);
}

function yearsBefore(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) - years}${day.slice(4, 10)}`;
}

/**
 * Everything of BoardOutcomes from the statements' rows: rates, the board's suppression (a survival or
 * conversion cell with fewer startups — or applications — than the threshold is withheld, and another
 * one with it when a total minus its published parts would give it back), cumulative figures and the
 * long-term targets with their projection.
 */
export function buildOutcomes(input: OutcomesInput): BoardOutcomes {
  const range = quarterRange(input.quarter);
  if (!range) throw new Error(`Not a quarter: ${input.quarter}`);
  const { to } = range;
  const asOf = dayBefore(to);

  // ——— Survival ———
  const cohorts = input.survival.filter((c) => c.level === 'cohort');
  const programs = input.survival.filter((c) => c.level === 'program');
  const organisation = input.survival.find((c) => c.level === 'organisation') ?? null;
  const entries = new Map<string, DisclosureEntry>();
  const relations: Relation[] = [];
  for (const c of cohorts) entries.set(`cohort:${c.id}`, { startups: c.startups, magnitude: c.startups });
  for (const p of programs) {
    entries.set(`program:${p.id}`, { startups: p.startups, magnitude: p.startups });
    relations.push({ total: `program:${p.id}`, parts: cohorts.filter((c) => c.programId === p.id).map((c) => `cohort:${c.id}`) });
  }
  if (organisation && organisation.startups > 0) {
    entries.set('organisation', { startups: organisation.startups, magnitude: organisation.startups });
    relations.push({ total: 'organisation', parts: programs.map((p) => `program:${p.id}`) });
  }
  const hiddenSurvival = withheld(entries, relations, input.threshold);
  const survivalRow = (c: SurvivalCount | null, id: string, cell: string): SurvivalRow => {
    const hidden = hiddenSurvival.has(cell);
    const startups = c && !hidden ? c.startups : c ? null : 0;
    const surviving = c && !hidden ? c.surviving : c ? null : 0;
    return {
      id,
      name: c?.name ?? '',
      programName: c?.level === 'cohort' ? c.programName : null,
      endsOn: c?.level === 'cohort' ? c.endsOn : null,
      startups,
      surviving,
      rate: rate(surviving, startups),
      withheld: hidden,
    };
  };

  // ——— Conversion ———
  const callEntries = new Map<string, DisclosureEntry>(input.conversion.map((c) => [`call:${c.id}`, { startups: c.submitted, magnitude: c.submitted }]));
  const totals = input.conversion.reduce((s, c) => ({ submitted: s.submitted + c.submitted, admitted: s.admitted + c.admitted, enrolled: s.enrolled + c.enrolled }), { submitted: 0, admitted: 0, enrolled: 0 });
  callEntries.set('total', { startups: totals.submitted, magnitude: totals.submitted });
  const hiddenCalls = withheld(callEntries, [{ total: 'total', parts: input.conversion.map((c) => `call:${c.id}`) }], input.threshold);
  const conversionRow = (c: Omit<CallConversion, 'titleFr' | 'titleEn'> & { title: ConversionRow['title'] }, cell: string): ConversionRow => {
    const hidden = hiddenCalls.has(cell);
    const pick = (n: number) => (hidden ? null : n);
    return {
      id: c.id,
      title: c.title,
      cohortName: c.cohortName,
      programName: c.programName,
      closesOn: c.closesOn,
      submitted: pick(c.submitted),
      admitted: pick(c.admitted),
      enrolled: pick(c.enrolled),
      rate: hidden ? null : rate(c.enrolled, c.submitted),
      withheld: hidden,
    };
  };

  // ——— Since the start ———
  const fundYears = input.funds;
  const fundsCents = fundYears.reduce((sum, f) => sum + BigInt(f.cents), 0n);
  const fundsHidden = fundYears.length > 0 && input.fundedStartups < input.threshold;
  const fundsRaisedEur = fundsHidden || fundYears.length === 0 ? null : formatMinorUnits(fundsCents, 2);
  const companies = input.companies.length ? input.companies.reduce((s, c) => s + c.companies, 0) : null;
  const jobs = input.headcountSeries.at(-1) ?? null;
  const firstYears = [fundYears[0]?.year, input.companies[0]?.year].filter((y): y is number => y !== undefined);
  const since = firstYears.length ? Math.min(...firstYears) : null;

  // ——— Long-term targets ———
  const quarters = input.headcountSeries.map((_, i, all) => shiftQuarter(input.quarter, all.length - 1 - i));
  const jobPoints = input.headcountSeries.flatMap((value, i): Point[] => (value === null ? [] : [{ x: decimalYear(quarterRange(quarters[i])!.to), y: value }]));
  const trend: Record<LongTermTargetKey, { actual: number | null; points: Point[]; digits: number }> = {
    total_jobs: { actual: jobs, points: jobPoints, digits: 1 },
    total_companies: { actual: companies, points: cumulativePoints(input.companies.map((c) => ({ year: c.year, value: c.companies })), to), digits: 0 },
    total_funds_eur: {
      actual: fundsRaisedEur === null ? null : Number(fundsRaisedEur),
      points: fundsHidden ? [] : cumulativePoints(fundYears.map((f) => ({ year: f.year, value: Number(f.cents) / 100 })), to),
      digits: 2,
    },
  };
  const longTermTargets = input.targets.map((target): LongTermTargetRow => {
    const { actual, points, digits } = trend[target.key];
    const projected = actual === null ? null : projectToYearEnd(points, target.year);
    // Decimal text without trailing zeros of its decimals: '12.50', '31.5', '80000'.
    const text = (n: number | null) => (n === null ? null : digits ? n.toFixed(digits).replace(/\.0+$/, '') : String(Math.round(n)));
    return {
      key: target.key,
      year: target.year,
      target: target.value.replace(/\.00$/, ''),
      actual: text(actual),
      projected: text(projected),
      status: longTermStatus(actual, Number(target.value), projected),
    };
  });

  return {
    asOf,
    survival: {
      years: SURVIVAL_YEARS,
      endedBy: dayBefore(survivalCutoff(to)),
      organisation: survivalRow(organisation && organisation.startups > 0 ? organisation : null, 'organisation', 'organisation'),
      byProgram: programs.map((p) => survivalRow(p, p.id!, `program:${p.id}`)).sort(byName),
      byCohort: cohorts.map((c) => survivalRow(c, c.id!, `cohort:${c.id}`)).sort((a, b) => (b.endsOn ?? '').localeCompare(a.endsOn ?? '') || byName(a, b)),
    },
    conversion: {
      total: conversionRow({ id: 'total', title: { fr: '', en: '' }, cohortName: '', programName: '', closesOn: '', ...totals }, 'total'),
      byCall: input.conversion.map((c) => conversionRow({ ...c, title: { fr: c.titleFr, en: c.titleEn } }, `call:${c.id}`)),
    },
    cumulative: { fundsRaisedEur, fundsWithheld: fundsHidden, companies, jobs, since },
    longTermTargets,
  };
}

function rate(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'fr');
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
