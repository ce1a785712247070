import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '@incubator/contracts';
import { LOCALE_STORAGE_KEY } from './locale.service';

/** apps/web/src/preload-translations.js, a plain script of the build: run here as the page runs it. */
const SCRIPT = readFileSync(join(__dirname, '../../../preload-translations.js'), 'utf8');

describe('preload-translations.js (the translations asked for before the app has started)', () => {
  const preloaded = () => {
    document.head.querySelectorAll('link[rel="preload"]').forEach((link) => link.remove());
    new Function(SCRIPT)();
    const links = Array.from(document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"]'));
    return links.map((link) => [link.getAttribute('href'), link.getAttribute('as'), link.crossOrigin]);
  };
  const browserLanguage = (language: string) => Object.defineProperty(window.navigator, 'language', { value: language, configurable: true });

  afterEach(() => localStorage.clear());

  it('knows the same languages, default and saved choice as LocaleService', () => {
    expect(SCRIPT).toContain(`const SUPPORTED = [${SUPPORTED_LOCALES.map((locale) => `'${locale}'`).join(', ')}];`);
    expect(SCRIPT).toContain(`const DEFAULT = '${DEFAULT_LOCALE}';`);
    expect(SCRIPT).toContain(`localStorage.getItem('${LOCALE_STORAGE_KEY}')`);
  });

  it('preloads the saved language, else the browser’s, else French, as the loader asks for it', () => {
    browserLanguage('en-GB');
    expect(preloaded()).toEqual([['/i18n/en.json', 'fetch', 'anonymous']]);
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(preloaded()).toEqual([['/i18n/fr.json', 'fetch', 'anonymous']]);
    localStorage.clear();
    browserLanguage('de-DE');
    expect(preloaded()).toEqual([['/i18n/fr.json', 'fetch', 'anonymous']]);
    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    browserLanguage('en-US');
    expect(preloaded()).toEqual([['/i18n/en.json', 'fetch', 'anonymous']]);
  });
});
