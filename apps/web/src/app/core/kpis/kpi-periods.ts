import { KPI_REPORT_DUE_DAYS, periodRange, previousPeriod } from '@incubator/contracts';

/** The month (YYYY-MM) of a calendar day (YYYY-MM-DD). */
function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The month a startup reports by default on `day`: the last complete one. */
export function defaultReportPeriod(day: string): string {
  return previousPeriod(monthOfDay(day));
}

/** The `count` complete months before `day`'s month, newest first: the periods a startup picks from. */
export function recentPeriods(day: string, count = 12): string[] {
  const periods: string[] = [];
  let period = monthOfDay(day);
  for (let i = 0; i < count; i++) {
    period = previousPeriod(period);
    periods.push(period);
  }
  return periods;
}

/** A month "2026-03" in the user's language: "mars 2026", "March 2026". */
export function formatPeriod(period: string, locale: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) {
    return period;
  }
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The default range of the ecosystem figures: [1 January of `day`'s year, the first day of the next month). */
export function yearToDateRange(day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const to = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: `${year}-01-01`, to };
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

/** The day a period's report is due: KPI_REPORT_DUE_DAYS after the period's (exclusive) end, as the API computes it. */
export function reportDueOn(period: string): string {
  const range = periodRange(period);
  if (!range) {
    throw new Error(`Not a period: ${period}`);
  }
  const due = new Date((dayNumber(range.end) + KPI_REPORT_DUE_DAYS) * 86_400_000);
  return due.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}
