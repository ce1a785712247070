import { Pipe, PipeTransform } from '@angular/core';
import { Locale } from '@incubator/contracts';
import { dateTimeFormat } from './intl-format';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day (YYYY-MM-DD, no time, no zone) in the user's language: `{{ day | calendarDate: locale() }}`.
 * Unlike an instant, a day must not move with the time zone, so it is read and written in UTC.
 */
@Pipe({ name: 'calendarDate' })
export class CalendarDatePipe implements PipeTransform {
  transform(day: string | null | undefined, locale: Locale, style: 'medium' | 'long' = 'medium'): string {
    return day ? formatCalendarDate(day, locale, style) : '';
  }
}

export function formatCalendarDate(day: string, locale: Locale, style: 'medium' | 'long' = 'medium'): string {
  const match = DAY.exec(day);
  if (!match) {
    return day;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(date);
}
