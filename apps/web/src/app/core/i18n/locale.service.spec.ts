import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../../../testing/transloco-testing';
import { LOCALE_STORAGE_KEY, LocaleService } from './locale.service';

describe('LocaleService', () => {
  let browserLanguage: jest.SpyInstance<string, []>;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage = jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
  });

  afterEach(() => {
    browserLanguage.mockRestore();
    localStorage.clear();
  });

  async function start() {
    const service = TestBed.inject(LocaleService);
    await service.init();
    return service;
  }

  it('starts in the browser language when it is supported', async () => {
    browserLanguage.mockReturnValue('en-GB');

    const service = await start();

    expect(service.locale()).toBe('en');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('en');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
  });

  it('falls back to French when the browser language is not supported', async () => {
    browserLanguage.mockReturnValue('de-DE');

    const service = await start();

    expect(service.locale()).toBe('fr');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('fr');
  });

  it('restores the saved language over the browser language', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');

    const service = await start();

    expect(service.locale()).toBe('fr');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('fr');
  });

  it('ignores a saved value that is not a supported language', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');

    const service = await start();

    expect(service.locale()).toBe('en');
  });

  it('switches, persists the choice and updates <html lang>', async () => {
    const service = await start();

    service.use('fr');

    expect(service.locale()).toBe('fr');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('fr');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('fr');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('fr');
  });

  it('still starts when storage is unavailable', async () => {
    const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });

    try {
      const service = await start();
      expect(service.locale()).toBe('en');
    } finally {
      getItem.mockRestore();
    }
  });
});
