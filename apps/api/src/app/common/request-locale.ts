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
