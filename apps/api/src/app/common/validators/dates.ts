import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator } from 'class-validator';

/**
 * Calendar values the API accepts. PostgreSQL's `date` goes from 4713 BC, but it refuses the year
 * 0000 and a client has no business before 1900 or after 2199: bounding here keeps every such value a
 * 400 at validation instead of an error from the database.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2199-12-31';
const YEAR_MIN = 1900;
const YEAR_MAX = 2199;

const inYears = (year: number) => year >= YEAR_MIN && year <= YEAR_MAX;

/** True for a calendar date YYYY-MM-DD that exists (2026-02-30 does not) within DATE_MIN…DATE_MAX. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  if (!inYears(Number(value.slice(0, 4)))) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A month YYYY-MM within the same years. */
export function isMonth(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && inYears(Number(value.slice(0, 4)));
}

/** A quarter YYYY-Qn within the same years. */
export function isQuarter(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-Q[1-4]$/.test(value) && inYears(Number(value.slice(0, 4)));
}

/** Today as YYYY-MM-DD in UTC: "not in the future" is judged on the UTC calendar day. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function register(name: string, message: string, validate: (value: unknown) => boolean): PropertyDecorator {
  return (target, key) =>
    registerDecorator({ name, target: target.constructor, propertyName: key as string, options: { message }, validator: { validate } });
}

const RANGE = `between ${DATE_MIN} and ${DATE_MAX}`;

/** A calendar date, YYYY-MM-DD, that exists, within DATE_MIN…DATE_MAX. */
export function DateField(description?: string): PropertyDecorator {
  return (target, key) => {
    // OpenAPI has no bounds for date strings: the range is stated in the description and the pattern.
    ApiProperty({ type: String, format: 'date', example: '2026-03-01', pattern: '^(19|2[01])\\d{2}-\\d{2}-\\d{2}$', description: `${description ? `${description}; ` : ''}${DATE_MIN}…${DATE_MAX}` })(target, key);
    register('isCalendarDate', `$property must be a date (YYYY-MM-DD) ${RANGE}`, isCalendarDate)(target, key);
  };
}

/** A past or present date: a founding date cannot be tomorrow (judged on the UTC day, see todayUtc). */
export function PastDateField(description?: string): PropertyDecorator {
  return (target, key) => {
    DateField(description ? `${description}; not in the future (UTC day)` : 'Not in the future (UTC day)')(target, key);
    register('isNotFuture', '$property must not be in the future', (value) => typeof value === 'string' && value <= todayUtc())(target, key);
  };
}

/** A calendar month YYYY-MM, years 1900…2199. */
export function MonthField(description = 'Calendar month YYYY-MM'): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: String, example: '2027-03', pattern: '^(19|2[01])\\d{2}-(0[1-9]|1[0-2])$', description: `${description}, years ${YEAR_MIN}–${YEAR_MAX}` })(target, key);
    register('isMonth', `$property must be a month (YYYY-MM) ${RANGE}`, isMonth)(target, key);
  };
}

/** A quarter YYYY-Qn, years 1900…2199. */
export function QuarterField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: String, example: '2026-Q3', pattern: '^(19|2[01])\\d{2}-Q[1-4]$', description: `A quarter YYYY-Qn, years ${YEAR_MIN}–${YEAR_MAX}` })(target, key);
    register('isQuarter', `$property must be a quarter (YYYY-Qn) ${RANGE}`, isQuarter)(target, key);
  };
}

/** A month YYYY-MM or a quarter YYYY-Qn, years 1900…2199. */
export function PeriodField(description: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: String, example: '2026-10', pattern: '^(19|2[01])\\d{2}-(0[1-9]|1[0-2]|Q[1-4])$', description: `${description}; years ${YEAR_MIN}–${YEAR_MAX}` })(target, key);
    register('isPeriod', `$property must be a month YYYY-MM or a quarter YYYY-Qn ${RANGE}`, (value) => isMonth(value) || isQuarter(value))(target, key);
  };
}
