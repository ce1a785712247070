import { Injectable } from '@angular/core';
import { MatDateFormats, NativeDateAdapter } from '@angular/material/core';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The order of day, month and year in a locale's numeric dates: French d/m/y, American English m/d/y. */
export function dayMonthYearOrder(locale: string): ('day' | 'month' | 'year')[] {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(2001, 10, 22))
    .map((part) => part.type)
    .filter((type): type is 'day' | 'month' | 'year' => type === 'day' || type === 'month' || type === 'year');
}

/**
 * Dates typed and shown in the UI language (05/03/2026 is the 5th of March in French, May 3rd in
 * English). The native adapter formats with Intl but parses with `Date.parse`, which reads every
 * slashed date the American way.
 */
@Injectable()
export class LocaleDateAdapter extends NativeDateAdapter {
  override parse(value: unknown): Date | null {
    if (value instanceof Date || typeof value === 'number') {
      return super.parse(value);
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) {
      return null;
    }
    const iso = ISO_DAY.exec(text);
    const numbers = iso ? [iso[1], iso[2], iso[3]] : text.split(/[^\d]+/).filter(Boolean);
    if (numbers.length !== 3) {
      return this.invalid();
    }
    const order = iso ? (['year', 'month', 'day'] as const) : dayMonthYearOrder(this.locale);
    const parts: Record<string, number> = {};
    order.forEach((name, i) => (parts[name] = Number(numbers[i])));
    const year = parts['year'] < 100 ? 2000 + parts['year'] : parts['year'];
    const date = new Date(year, parts['month'] - 1, parts['day']);
    const exists = date.getFullYear() === year && date.getMonth() === parts['month'] - 1 && date.getDate() === parts['day'];
    return exists ? date : this.invalid();
  }
}

export const LOCALE_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: null },
  display: {
    dateInput: { year: 'numeric', month: '2-digit', day: '2-digit' },
    monthLabel: { month: 'short' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** A calendar day (YYYY-MM-DD, as the API sends and takes) as a local date, or null. */
export function fromIsoDay(day: string | null | undefined): Date | null {
  const match = day ? ISO_DAY.exec(day) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export function toIsoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
