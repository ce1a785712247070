import type { KpiAggregatesResponse } from './kpis';
import type { Locale } from './locale';

/** Reports produced by the worker: the quarterly board pack and the monthly occupancy & rent roll. */
export const REPORT_KINDS = ['board_pack', 'occupancy'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Scheduled work an admin can see and tune, per organisation. */
export const SCHEDULE_KINDS = ['board_pack', 'occupancy', 'kpi_reminders', 'waitlist_expiry', 'billing_reminders'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const REPORT_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];

export const REPORT_FILE_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

/** Targets an organisation may set for a calendar year (measured on the year to date). */
export const YEARLY_TARGET_KEYS = ['jobs_created', 'active_startups', 'funds_raised_eur'] as const;
export type YearlyTargetKey = (typeof YEARLY_TARGET_KEYS)[number];
/**
 * Long-term targets, "by" a year (e.g. 80,000 jobs and 10,000 companies by 2030): measured on the figures
 * since the start (jobs today, companies supported, funds raised) with a projection from the trend.
 */
export const LONG_TERM_TARGET_KEYS = ['total_jobs', 'total_companies', 'total_funds_eur'] as const;
export type LongTermTargetKey = (typeof LONG_TERM_TARGET_KEYS)[number];
/** Every target an admin may set: the year's and the long-term ones (`year` is then the year to reach it by). */
export const TARGET_KEYS = [...YEARLY_TARGET_KEYS, ...LONG_TERM_TARGET_KEYS] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

export function isLongTermTarget(key: TargetKey): key is LongTermTargetKey {
  return (LONG_TERM_TARGET_KEYS as readonly string[]).includes(key);
}

/** "2026-Q3" → its half-open range; null when the text is not a quarter. */
export function quarterRange(quarter: string): { from: string; to: string } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return null;
  const year = Number(match[1]);
  const q = Number(match[2]);
  const month = (q - 1) * 3 + 1;
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = q === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { from, to };
}

/** The quarter `steps` quarters before: ("2026-Q1", 1) → "2025-Q4". */
export function shiftQuarter(quarter: string, steps: number): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 - steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarter containing a date: "2026-11-22" → "2026-Q4". */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface ReportFileResponse {
  id: string;
  format: ReportFileFormat;
  locale: Locale | null;
  filename: string;
  sizeBytes: number;
  createdAt: string;
}

export interface ReportRunResponse {
  id: string;
  kind: ReportKind;
  /** "2026-Q3" for a board pack, "2026-10" for an occupancy report. */
  period: string;
  /** 1 for the first run of a period; regenerating adds a generation and keeps the older files. */
  generation: number;
  trigger: 'schedule' | 'on_demand';
  requestedBy: string | null;
  status: ReportRunStatus;
  progress: number;
  attempts: number;
  /** Shown to admins and managers when the run failed. */
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  files: ReportFileResponse[];
}

export interface RequestReportRunRequest {
  kind: ReportKind;
  period: string;
  /** Produce the period again as a new generation, keeping the earlier files. */
  regenerate?: boolean;
}

export interface ScheduleResponse {
  kind: ScheduleKind;
  /** Five-field cron expression, evaluated in the time zone below. */
  cron: string;
  timeZone: string;
  enabled: boolean;
  /** When the schedule fires next (ISO instant), null when disabled. */
  nextRunAt: string | null;
  updatedAt: string;
}

export interface UpdateScheduleRequest {
  cron?: string;
  enabled?: boolean;
}

export interface TargetResponse {
  key: TargetKey;
  year: number;
  value: string;
}

export interface SetTargetRequest {
  key: TargetKey;
  year: number;
  value: string;
}

/** A headline figure of a quarter with the quarter before and the same quarter a year earlier. */
export interface HeadlineFigure {
  key: 'active_startups' | 'jobs_created' | 'headcount' | 'funds_raised_eur' | 'startups_created' | 'occupancy_rate' | 'milestone_completion' | 'report_completion';
  value: number | null;
  previousQuarter: number | null;
  previousYear: number | null;
  /** The last eight quarters, oldest first (sparklines). */
  series: Array<number | null>;
}

export interface BreakdownRow {
  id: string;
  name: string;
  activeStartups: number;
  jobsCreated: string | null;
  headcount: string | null;
  fundsRaisedEur: string | null;
}

/** Everything the board dashboard and the board pack show for one quarter. */
export interface BoardQuarterResponse {
  quarter: string;
  from: string;
  to: string;
  organisationName: string;
  /** When these figures were computed (UTC instant): the dashboard keeps them a few minutes. */
  computedAt: string;
  headline: HeadlineFigure[];
  /** The quarter's aggregates exactly as GET /kpi-aggregates returns them to a board member. */
  aggregates: KpiAggregatesResponse;
  bySite: BreakdownRow[];
  byProgram: BreakdownRow[];
  bySector: BreakdownRow[];
  /**
   * The quarter's closed rounds. To a board member, only when the organisation publishes its rounds or every
   * figure a round feeds is published: otherwise listing them would give away a withheld total.
   */
  rounds: Array<{ startupName: string; kind: string; amountEur: string; closedOn: string; lead: string | null }>;
  /** Rounds of the quarter not listed to the caller (0 for the park's team). */
  roundsWithheld: number;
  /** Year-to-date actual against the year's target, where one is set. */
  targets: Array<{ key: YearlyTargetKey; year: number; target: string; actual: string | null }>;
  /** Leased m² at the quarter's end and headcount per 100 m² leased. */
  space: { leasedM2: number; leasableM2: number; occupancyRate: number; jobsPer100M2: number | null };
  /** Survival, conversion, figures since the start and long-term targets, as of the quarter's end. */
  outcomes: BoardOutcomes;
}

/** Years after the cohort's end at which survival is measured. */
export const SURVIVAL_YEARS = 3;

/**
 * The startups of a cohort, a program or the organisation whose cohort ended at least SURVIVAL_YEARS
 * before the quarter's end, and how many of them are still active at its end: a validated KPI report for
 * a period starting in its last twelve months, or a round closed then (the pack's method page).
 * Withheld (startups and surviving null) below the organisation's threshold, for a board member.
 */
export interface SurvivalRow {
  id: string;
  name: string;
  /** For a cohort: its program's name and its end (exclusive, YYYY-MM-DD). */
  programName: string | null;
  endsOn: string | null;
  startups: number | null;
  surviving: number | null;
  /** surviving / startups in %, one decimal. */
  rate: number | null;
  withheld: boolean;
}

/** A call for applications: submitted applications → admitted → enrolled (startup created and in the cohort). */
export interface ConversionRow {
  id: string;
  title: { fr: string; en: string };
  cohortName: string;
  programName: string;
  /** Inclusive, YYYY-MM-DD. */
  closesOn: string;
  submitted: number | null;
  admitted: number | null;
  enrolled: number | null;
  /** enrolled / submitted in %, one decimal. */
  rate: number | null;
  withheld: boolean;
}

export const LONG_TERM_STATUSES = ['reached', 'on_track', 'behind', 'no_data'] as const;
export type LongTermStatus = (typeof LONG_TERM_STATUSES)[number];

export interface LongTermTargetRow {
  key: LongTermTargetKey;
  /** The year to reach it by (its end). */
  year: number;
  target: string;
  /** The figure since the start at the quarter's end (null: withheld or no data). */
  actual: string | null;
  /** The trend's value at the end of the target year (least squares, see `method`), null without enough points. */
  projected: string | null;
  status: LongTermStatus;
}

export interface BoardOutcomes {
  /** The quarter's last day (YYYY-MM-DD): every figure here is as of that day. */
  asOf: string;
  survival: {
    years: number;
    /** Cohorts that ended on or before this day count (asOf's next day − SURVIVAL_YEARS years). */
    endedBy: string;
    organisation: SurvivalRow;
    byProgram: SurvivalRow[];
    byCohort: SurvivalRow[];
  };
  conversion: { total: ConversionRow; byCall: ConversionRow[] };
  /** Since the start, up to the quarter's end; null when withheld or without data. */
  cumulative: {
    /** Σ of every closed round, in euros. */
    fundsRaisedEur: string | null;
    /** True when fundsRaisedEur is withheld (fewer startups raised it than the threshold), not missing. */
    fundsWithheld: boolean;
    /** Distinct startups ever admitted to a cohort that started by the quarter's end. */
    companies: number | null;
    /** Jobs today: the quarter's headcount (Σ of each startup's latest validated headcount in the quarter). */
    jobs: number | null;
    /** The first year with data (first cohort or round), or null. */
    since: number | null;
  };
  longTermTargets: LongTermTargetRow[];
}

export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  paused: boolean;
  failedJobs: Array<{ id: string; name: string; failedReason: string; attemptsMade: number; finishedOn: string | null }>;
}
