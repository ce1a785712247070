import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator } from 'class-validator';
import { CronExpressionParser } from 'cron-parser';

/** Schedules run reports and mails: more often than this would only load the worker. */
export const CRON_MIN_INTERVAL_MINUTES = 5;
/** Enough consecutive runs to cross an hour, day and month boundary for any realistic expression. */
const RUNS_CHECKED = 500;

/**
 * Why a cron expression is refused, or null when it is fine: five fields (minute hour day month
 * weekday; a sixth "seconds" field would allow every second), parseable, and no two consecutive runs
 * closer than CRON_MIN_INTERVAL_MINUTES. Gaps are measured on real occurrences in UTC, so
 * `0,58 * * * *` (58 → 00 of the next hour: 2 minutes) is caught as well as `*\/2 * * * *`.
 */
export function cronProblem(expression: string, from = new Date('2026-01-01T00:00:00Z')): 'fields' | 'syntax' | 'frequency' | null {
  if (expression.trim().split(/\s+/).length !== 5) return 'fields';
  let runs;
  try {
    runs = CronExpressionParser.parse(expression, { currentDate: from, tz: 'UTC' });
  } catch {
    return 'syntax';
  }
  const minute = runs.fields.minute.values as number[];
  // The minute field alone answers most cases without walking occurrences.
  for (let i = 1; i < minute.length; i++) if (minute[i] - minute[i - 1] < CRON_MIN_INTERVAL_MINUTES) return 'frequency';
  let previous = runs.next().getTime();
  for (let i = 1; i < RUNS_CHECKED; i++) {
    const next = runs.next().getTime();
    if (next - previous < CRON_MIN_INTERVAL_MINUTES * 60_000) return 'frequency';
    previous = next;
  }
  return null;
}

export function CronField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({
      type: String,
      maxLength: 100,
      example: '0 7 5 1,4,7,10 *',
      description: `Five fields: minute hour day month weekday, in the organisation’s time zone; at most one run every ${CRON_MIN_INTERVAL_MINUTES} minutes`,
    })(target, key);
    registerDecorator({
      name: 'isCron',
      target: target.constructor,
      propertyName: key as string,
      options: { message: `$property must be a cron expression of five fields (minute hour day month weekday) running at most every ${CRON_MIN_INTERVAL_MINUTES} minutes` },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length <= 100 && cronProblem(value) === null },
    });
  };
}
