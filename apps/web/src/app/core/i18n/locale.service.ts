import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LOCALE, isLocale, Locale } from '@incubator/contracts';
import { firstValueFrom } from 'rxjs';

export const LOCALE_STORAGE_KEY = 'incubator.locale';

/** Owns the active language: Transloco, `<html lang>` and the saved choice follow it. */
@Injectable({ providedIn: 'root' })
export class LocaleService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>(DEFAULT_LOCALE);

  readonly locale = this.current.asReadonly();

  /** Applies the saved or browser language and resolves once its translations are loaded. */
  async init(): Promise<void> {
    const locale = this.readSaved() ?? this.browserLocale() ?? DEFAULT_LOCALE;
    this.apply(locale);
    try {
      await firstValueFrom(this.transloco.load(locale));
    } catch {
      // Start anyway: the page shows keys rather than staying blank if /i18n is unreachable.
    }
  }

  use(locale: Locale): void {
    this.apply(locale);
    this.save(locale);
  }

  private apply(locale: Locale): void {
    this.current.set(locale);
    this.transloco.setActiveLang(locale);
    this.document.documentElement.lang = locale;
  }

  private readSaved(): Locale | null {
    try {
      const saved = this.document.defaultView?.localStorage.getItem(LOCALE_STORAGE_KEY);
      return isLocale(saved) ? saved : null;
    } catch {
      // Storage can be disabled (privacy settings); the choice then lasts for the session only.
      return null;
    }
  }

  private save(locale: Locale): void {
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // See readSaved.
    }
  }

  private browserLocale(): Locale | null {
    const primary = this.document.defaultView?.navigator.language?.split('-')[0].toLowerCase();
    return isLocale(primary) ? primary : null;
  }
}
