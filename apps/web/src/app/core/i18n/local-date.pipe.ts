import { Pipe, PipeTransform } from '@angular/core';
import { Locale } from '@incubator/contracts';
import { dateTimeFormat } from './intl-format';

const FORMATS = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * An ISO instant in the user's language and time zone: `{{ at | localDate: locale() }}`.
 * The locale is an argument so that the pure pipe runs again when the language changes.
 */
@Pipe({ name: 'localDate' })
export class LocalDatePipe implements PipeTransform {
  transform(iso: string | null | undefined, locale: Locale, format: keyof typeof FORMATS = 'dateTime'): string {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(locale, FORMATS[format]).format(date);
  }
}
