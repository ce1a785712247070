import { EnvironmentProviders, Injector, effect, inject, makeEnvironmentProviders, provideAppInitializer, untracked } from '@angular/core';
import { getSupportedInputTypes } from '@angular/cdk/platform';
import { Router } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { dateTimeFormat, numberFormat } from '../i18n/intl-format';
import { LocaleService } from '../i18n/locale.service';
import { nextTask } from './next-task';

/**
 * One-time work of the first screen done while start-up waits on the network (the session, the
 * translations, the page's code) instead of inside the renders that paint it, each piece in a task of its
 * own: the router (created at the shell's first render otherwise: its set-up is a long piece of a phone's
 * time), Material's inputs' test of which input types the browser supports (22 types set on a scratch
 * input) that their first one would run, and, once someone is signed in, the language's number and date
 * formats (the first one built loads the language's data: the pages of figures would pay for it in their
 * first render). The same work, once, earlier: the renders are shorter, and no task holds the main thread
 * for long.
 */
export function provideStartupWarmUp(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      const injector = inject(Injector);
      // Not awaited: start-up does not wait for it (the initializers have sent their requests by then).
      void (async () => {
        await nextTask();
        injector.get(Router);
        await nextTask();
        getSupportedInputTypes();
      })();
      const user = inject(AuthService).user;
      const locale = inject(LocaleService).locale;
      const signedIn = effect(
        () => {
          if (!user()) return;
          signedIn.destroy();
          void warmUpFormats(untracked(locale));
        },
        { injector },
      );
    }),
  ]);
}

/**
 * The formats the pages of figures use most (LocalDatePipe's default, CalendarDatePipe's, board-format.ts,
 * amounts.ts), each built in a task of its own; intl-format.ts keeps them for the pages.
 */
export async function warmUpFormats(locale: string): Promise<void> {
  const builds = [
    () => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    () => dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    () => numberFormat(locale, { maximumFractionDigits: 1 }),
    () => numberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
    () => numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  ];
  for (const build of builds) {
    await nextTask();
    build();
  }
}
