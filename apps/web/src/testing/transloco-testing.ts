import { TranslocoTestingModule, TranslocoTestingOptions } from '@jsverse/transloco';
import en from '../../public/i18n/en.json';
import fr from '../../public/i18n/fr.json';
import { TRANSLOCO_CONFIG } from '../app/core/i18n/i18n.providers';

/** Transloco with the app's configuration and real translation files, loaded synchronously. */
export function translocoTesting(options: TranslocoTestingOptions = {}) {
  return TranslocoTestingModule.forRoot({
    langs: { en, fr },
    preloadLangs: true,
    ...options,
    translocoConfig: { ...TRANSLOCO_CONFIG, ...options.translocoConfig },
  });
}
