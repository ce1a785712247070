/** KPI definitions, per-period KPI reports and the ecosystem aggregates computed from them. */

export const KPI_UNITS = ['count', 'eur', 'percent'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export const KPI_AGGREGATIONS = ['sum', 'average', 'latest'] as const;
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];

export const KPI_PERIODICITIES = ['monthly', 'quarterly'] as const;
export type KpiPeriodicity = (typeof KPI_PERIODICITIES)[number];

export const KPI_REPORT_STATUSES = ['draft', 'submitted', 'validated', 'returned'] as const;
export type KpiReportStatus = (typeof KPI_REPORT_STATUSES)[number];

/** The standard KPIs every organisation has from the start (created with the organisation). */
export const STANDARD_KPI_KEYS = ['headcount', 'jobs_created', 'revenue', 'customers'] as const;

/** A report is due this many days after its period ends (the period's end is exclusive). */
export const KPI_REPORT_DUE_DAYS = 15;

/** Decimals a KPI value may carry, by unit (euros to the cent, FTE and percentages to the hundredth). */
export const KPI_UNIT_DECIMALS: Readonly<Record<KpiUnit, number>> = { count: 2, eur: 2, percent: 2 };

/** Key syntax: lower-case snake case, starting with a letter. */
export const KPI_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A reporting period: a month "2026-03" or a quarter "2026-Q1". Returns its half-open date range
 * [start, end) or null when the text is not a period.
 */
export function periodRange(period: string): { start: string; end: string; periodicity: KpiPeriodicity } | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!month && !quarter) return null;
  const year = Number((month ?? quarter)![1]);
  if (year < 1990 || year > 2999) return null;
  const firstMonth = month ? Number(month[2]) : (Number(quarter![2]) - 1) * 3 + 1;
  const months = month ? 1 : 3;
  const start = isoMonth(year, firstMonth);
  const endMonthIndex = firstMonth - 1 + months;
  const end = isoMonth(year + Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1);
  return { start, end, periodicity: month ? 'monthly' : 'quarterly' };
}

/** The period before: "2026-01" → "2025-12", "2026-Q1" → "2025-Q4". */
export function previousPeriod(period: string): string {
  const range = periodRange(period);
  if (!range) throw new Error(`Not a period: ${period}`);
  const [year, rest] = period.split('-');
  if (range.periodicity === 'quarterly') {
    const q = Number(rest.slice(1));
    return q === 1 ? `${Number(year) - 1}-Q4` : `${year}-Q${q - 1}`;
  }
  const m = Number(rest);
  return m === 1 ? `${Number(year) - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The month containing a date: "2026-03-15" → "2026-03". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

function isoMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export interface KpiDefinitionResponse {
  id: string;
  key: string;
  labelFr: string;
  labelEn: string;
  unit: KpiUnit;
  aggregation: KpiAggregation;
  periodicity: KpiPeriodicity;
  required: boolean;
  /** Sanity bounds, inclusive, as decimal strings; null when unbounded. */
  minValue: string | null;
  maxValue: string | null;
  /** Set when the KPI belongs to one program (reported by that program's startups only). */
  programId: string | null;
  standard: boolean;
}

export interface CreateKpiDefinitionRequest {
  key: string;
  labelFr: string;
  labelEn: string;
  unit: KpiUnit;
  aggregation: KpiAggregation;
  periodicity: KpiPeriodicity;
  required: boolean;
  minValue?: string;
  maxValue?: string;
  programId?: string;
}

export interface KpiReportResponse {
  id: string;
  startupId: string;
  startupName: string;
  /** "2026-03" or "2026-Q1". */
  period: string;
  /** Inclusive. */
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  dueOn: string;
  status: KpiReportStatus;
  /** Values by KPI key, as decimal strings. */
  values: Record<string, string>;
  /** Computed from the startup's closed rounds in the period; never entered. Euros, decimal string. */
  fundsRaisedEur: string;
  /** The manager's comment when the report was returned. */
  returnComment: string | null;
  submittedAt: string | null;
  validatedAt: string | null;
  updatedAt: string;
}

/** A report to write: a draft (saved) or, with submit, handed in for validation. */
export interface SaveKpiReportRequest {
  startupId: string;
  period: string;
  values: Record<string, string | number>;
  /** true: submit for validation (every required KPI must then be present). */
  submit?: boolean;
}

export interface UpdateKpiReportRequest {
  values: Record<string, string | number>;
  submit?: boolean;
}

export interface ReturnKpiReportRequest {
  comment: string;
}

export interface KpiReportListQuery {
  startupId?: string;
  status?: KpiReportStatus;
  period?: string;
  limit?: number;
  offset?: number;
}

/** An expected report that is missing or not submitted after its due date. */
export interface LateKpiReport {
  startupId: string;
  startupName: string;
  period: string;
  dueOn: string;
  daysLate: number;
  /** The report's status when one exists (draft or returned), null when nothing was started. */
  status: KpiReportStatus | null;
  reportId: string | null;
}

export interface KpiImportLineError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** The column the problem is in, when it is one. */
  column: string | null;
  message: string;
}

export interface KpiImportResult {
  dryRun: boolean;
  /** Data lines read (header excluded). */
  lines: number;
  /** Reports written (0 on a dry run or when any line is bad). */
  imported: number;
  errors: KpiImportLineError[];
}

export interface KpiAggregatesQuery {
  /** Inclusive, YYYY-MM-DD. */
  from: string;
  /** Exclusive, YYYY-MM-DD. */
  to: string;
  siteId?: string;
  programId?: string;
  cohortId?: string;
  sector?: string;
}

/** A figure is null when it is suppressed for the caller (board members: fewer than 3 startups behind it). */
export interface KpiAggregatesResponse {
  from: string;
  to: string;
  /** Startups in scope (the filters), whatever their activity. */
  startups: number;
  /** Startups with an admitted, active or graduated enrollment in a cohort running during the range. */
  activeStartups: number;
  /** Sum over startups of their latest validated headcount in the range (FTE, decimal string). */
  headcount: string | null;
  /** Sum of validated "jobs created" in the range. */
  jobsCreated: string | null;
  /** Sum of validated revenue in the range, euros. */
  revenueEur: string | null;
  /** Sum of closed rounds' EUR value with a closing date in the range, euros. */
  fundsRaisedEur: string | null;
  roundsByKind: Array<{ kind: string; rounds: number; amountEur: string | null }>;
  /** Every KPI aggregated its own way (sum, average, or sum over startups of their latest value), validated reports only. */
  kpis: Array<{ key: string; labelFr: string; labelEn: string; unit: KpiUnit; aggregation: KpiAggregation; value: string | null; startups: number }>;
  /** Startups in scope by founding year (all years). */
  startupsCreatedByYear: Array<{ year: number; startups: number | null }>;
  /** Startups in scope founded inside the range. */
  startupsCreated: number;
  /** Milestones of startups in scope due inside the range, and how many of them are achieved (rate in %, one decimal). */
  milestoneCompletion: { due: number; achieved: number; rate: number | null };
  /** Reports due in the range (expected), submitted or validated ones among them, and the rate in % (one decimal). */
  reportCompletion: { expected: number; completed: number; rate: number | null };
  /** Minimum number of startups behind a figure shown to board members. */
  suppressionThreshold: number;
  /** True when at least one figure was suppressed for the caller. */
  suppressed: boolean;
}
