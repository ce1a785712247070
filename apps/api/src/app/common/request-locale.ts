import { DEFAULT_LOCALE, Locale } from '@incubator/contracts';

/** Picks fr or en from an Accept-Language header, honouring its order; defaults to French. */
export function requestLocale(acceptLanguage: string | undefined): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

/**
 * The language of a downloaded table (CSV dialect, labels, headers): a `locale` query parameter wins
 * (a link shared or opened outside the UI), else the caller's Accept-Language, as for errors.
 */
export function exportLocale(queryLocale: Locale | undefined, acceptLanguage: string | undefined): Locale {
  return queryLocale ?? requestLocale(acceptLanguage);
}
