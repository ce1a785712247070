import {
  EnvironmentProviders,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTransloco, provideTranslocoTranspiler, TranslocoOptions } from '@jsverse/transloco';
import { FrenchElisionTranspiler } from './french-elision.transpiler';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '@incubator/contracts';
import { LocaleService } from './locale.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';
import { TranslocoHttpLoader } from './transloco-http.loader';

/** Shared by the app and the unit tests, so tests render and re-render like the app. */
export const TRANSLOCO_CONFIG: TranslocoOptions['config'] = {
  availableLangs: [...SUPPORTED_LOCALES],
  defaultLang: DEFAULT_LOCALE,
  reRenderOnLangChange: true,
};

/** Transloco over HTTP, the start-up language and translated document titles. Needs HttpClient. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: { ...TRANSLOCO_CONFIG, prodMode: !isDevMode() },
      loader: TranslocoHttpLoader,
    }),
    provideTranslocoTranspiler(FrenchElisionTranspiler),
    provideAppInitializer(() => inject(LocaleService).init()),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
  ]);
}
