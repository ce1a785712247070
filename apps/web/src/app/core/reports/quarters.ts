import { quarterOf, shiftQuarter } from '@incubator/contracts';

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(text: string | null | undefined): text is string {
  return typeof text === 'string' && QUARTER.test(text);
}

/** The quarter of `day` (YYYY-MM-DD) and the `count - 1` before it, newest first. */
export function recentQuarters(day: string, count = 12): string[] {
  const current = quarterOf(day);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, i));
}

/** The last quarter that has ended on `day`: the one the board looks at by default. */
export function lastCompletedQuarter(day: string): string {
  return shiftQuarter(quarterOf(day), 1);
}

/**
 * The quarter a dashboard opens on: the one in the address (an email's link) when it is a quarter
 * that has started, else the last completed one.
 */
export function initialQuarter(requested: string | null | undefined, day: string): string {
  return isQuarter(requested) && requested <= quarterOf(day) ? requested : lastCompletedQuarter(day);
}

/** The quarters offered: the recent ones, and an older one the address asked for, in order. */
export function quarterOptions(day: string, selected: string): string[] {
  const recent = recentQuarters(day);
  return recent.includes(selected) ? recent : [...recent, selected];
}

/** "2026-Q3" → "T3 2026" in French, "Q3 2026" in English. */
export function formatQuarter(quarter: string, locale: string): string {
  const match = QUARTER.exec(quarter);
  if (!match) {
    return quarter;
  }
  return `${locale === 'fr' ? 'T' : 'Q'}${match[2]} ${match[1]}`;
}

/** The change from `previous` to `value` in % (+12.5 for 80 → 90); null when either is withheld or `previous` is 0. */
export function changePercent(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) {
    return null;
  }
  return ((value - previous) / Math.abs(previous)) * 100;
}
