/**
 * The schedule editor's model: a frequency, a day and a time, written as the five-field cron
 * expression the API stores ("minute hour day-of-month month day-of-week"). Expressions the editor
 * cannot show (every five minutes, several days…) stay editable as raw cron under "advanced".
 */
export const SCHEDULE_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

export interface SimpleSchedule {
  frequency: ScheduleFrequency;
  /** Weekly: 0 (Sunday) to 6, as cron counts; monthly and quarterly: the day of the month, 1 to 28; daily: unused. */
  day: number;
  hour: number;
  minute: number;
}

/** The days of the month offered: up to the 28th, which every month has. */
export const MONTH_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);
/** Cron's day-of-week order starting on Monday, as a French or English calendar does. */
export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 0];

const QUARTER_MONTHS = '1,4,7,10';

export function toCron(schedule: SimpleSchedule): string {
  const { minute, hour, day } = schedule;
  switch (schedule.frequency) {
    case 'daily':
      return `${minute} ${hour} * * *`;
    case 'weekly':
      return `${minute} ${hour} * * ${day}`;
    case 'monthly':
      return `${minute} ${hour} ${day} * *`;
    case 'quarterly':
      return `${minute} ${hour} ${day} ${QUARTER_MONTHS} *`;
  }
}

function whole(text: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(text)) {
    return null;
  }
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** The editor's fields for an expression, or null when only the raw cron can say it. */
export function parseCron(cron: string): SimpleSchedule | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) {
    return null;
  }
  const [m, h, dom, month, dow] = fields;
  const minute = whole(m, 0, 59);
  const hour = whole(h, 0, 23);
  if (minute === null || hour === null) {
    return null;
  }
  if (dom === '*' && month === '*' && dow === '*') {
    return { frequency: 'daily', day: 1, hour, minute };
  }
  if (dom === '*' && month === '*') {
    const day = whole(dow, 0, 7);
    return day === null ? null : { frequency: 'weekly', day: day % 7, hour, minute };
  }
  const day = whole(dom, 1, 28);
  if (day === null || dow !== '*') {
    return null;
  }
  if (month === '*') {
    return { frequency: 'monthly', day, hour, minute };
  }
  return month === QUARTER_MONTHS ? { frequency: 'quarterly', day, hour, minute } : null;
}

/** A translation key under `admin.schedules.sentence` and its parameters. */
export interface CronSentence {
  key: string;
  params: Record<string, string | number>;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTime(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

/** "lundi", "Monday": cron's day of week (0 = Sunday) in the user's language. */
export function weekdayName(day: number, locale: string): string {
  // 1 January 2023 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + (day % 7))));
}

/** "1er", "5" in French; "1st", "5th" in English. */
export function dayOfMonth(day: number, locale: string): string {
  if (locale.startsWith('fr')) {
    return day === 1 ? '1er' : String(day);
  }
  const tens = day % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}

/** What an expression means, as a sentence: "Every Monday at 08:00", "Every 5 minutes", or "Custom expression". */
export function describeCron(cron: string, locale: string): CronSentence {
  const simple = parseCron(cron);
  if (simple) {
    const time = formatTime(simple.hour, simple.minute);
    switch (simple.frequency) {
      case 'daily':
        return { key: 'daily', params: { time } };
      case 'weekly':
        return { key: 'weekly', params: { time, day: weekdayName(simple.day, locale) } };
      case 'monthly':
      case 'quarterly':
        return { key: simple.frequency, params: { time, day: dayOfMonth(simple.day, locale) } };
    }
  }
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 5 && fields.slice(2).every((f) => f === '*')) {
    const [m, h] = fields;
    const step = /^\*\/(\d{1,2})$/.exec(m);
    if (step && h === '*') {
      return { key: 'everyMinutes', params: { count: Number(step[1]) } };
    }
    const minute = whole(m, 0, 59);
    if (minute !== null && h === '*') {
      return { key: 'hourly', params: { minute: pad(minute) } };
    }
  }
  return { key: 'custom', params: { cron: cron.trim() } };
}
