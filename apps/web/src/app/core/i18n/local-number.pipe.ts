import { Pipe, PipeTransform } from '@angular/core';
import { Locale } from '@incubator/contracts';
import { numberFormat } from './intl-format';

/** A number in the user's language (1 234 in French, 1,234 in English): `{{ n | localNumber: locale() }}`. */
@Pipe({ name: 'localNumber' })
export class LocalNumberPipe implements PipeTransform {
  transform(value: number | null | undefined, locale: Locale): string {
    return value === null || value === undefined ? '' : numberFormat(locale).format(value);
  }
}
