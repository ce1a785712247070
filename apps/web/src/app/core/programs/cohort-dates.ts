const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * A calendar day (YYYY-MM-DD) moved by a number of days. Computed in UTC so that no time zone or
 * daylight-saving change can shift the day.
 */
export function addDays(day: string, days: number): string {
  const match = DAY.exec(day);
  if (!match) {
    throw new RangeError(`Not a calendar day: ${day}`);
  }
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * MS_PER_DAY;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The API stores a cohort's end as the day after its last day (the range [startsOn, endsOn) is
 * half-open); people think in last days. These two convert between them.
 */
export function endsOnFromLastDay(lastDay: string): string {
  return addDays(lastDay, 1);
}

export function lastDayFromEndsOn(endsOn: string): string {
  return addDays(endsOn, -1);
}
