/*
 * Asks for the translations of the language the app will start in as soon as the page arrives, while
 * the app's own scripts are still downloading: the app waits for them before its first screen, and would
 * otherwise ask only once its scripts have run. The same choice as LocaleService.init (the saved
 * language, else the browser's, else French) and the same request as its loader (TranslocoHttpLoader:
 * GET /i18n/<lang>.json, same-origin credentials), so the browser hands the preloaded answer to it.
 * A plain script file (the build's "scripts"): the Content-Security-Policy allows no inline script.
 */
(function () {
  const SUPPORTED = ['fr', 'en'];
  const DEFAULT = 'fr';
  let saved = null;
  try {
    saved = window.localStorage.getItem('incubator.locale');
  } catch {
    // Storage disabled: LocaleService falls back the same way.
  }
  const browser = ((window.navigator && window.navigator.language) || '').split('-')[0].toLowerCase();
  const locale = SUPPORTED.indexOf(saved) >= 0 ? saved : SUPPORTED.indexOf(browser) >= 0 ? browser : DEFAULT;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.setAttribute('as', 'fetch');
  link.crossOrigin = 'anonymous';
  link.href = '/i18n/' + locale + '.json';
  document.head.appendChild(link);
})();
