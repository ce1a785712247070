import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { translocoTesting } from '../testing/transloco-testing';
import { App } from './app';
import { appRoutes } from './app.routes';
import { LocaleService } from './core/i18n/locale.service';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';

describe('App', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [App, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(appRoutes),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
    TestBed.inject(LocaleService).use('en');
  });

  afterEach(() => localStorage.clear());

  async function render() {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the product name and a link to each area', async () => {
    const shell = await render();

    expect(shell.querySelector('mat-toolbar')?.textContent).toContain('Incubator');
    for (const [area, label] of [
      ['status', 'Status'],
      ['manage', 'Park management'],
      ['startup', 'My startup'],
      ['board', 'Board'],
      ['admin', 'Administration'],
    ]) {
      const link = shell.querySelector(`[data-testid="nav-${area}"]`);
      expect(link?.getAttribute('href')).toBe(`/${area}`);
      expect(link?.textContent).toContain(label);
    }
  });

  it('switches the interface to French from the language switch', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;

    shell.querySelector<HTMLButtonElement>('[data-testid="language-fr"] button')?.click();
    await fixture.whenStable();

    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('fr');
    expect(localStorage.getItem('incubator.locale')).toBe('fr');
    expect(shell.querySelector('[data-testid="nav-manage"]')?.textContent).toContain('Gestion du parc');
  });

  it('redirects to the status page and titles pages in the active language', async () => {
    const harness = await RouterTestingHarness.create('/');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('System status');
    expect(TestBed.inject(Title).getTitle()).toBe('System status · Incubator');

    await harness.navigateByUrl('/board');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Board');

    TestBed.inject(LocaleService).use('fr');
    await harness.fixture.whenStable();
    expect(TestBed.inject(Title).getTitle()).toBe('Conseil · Incubateur');
  });

  it('shows a not-found page for an unknown address', async () => {
    const harness = await RouterTestingHarness.create('/nowhere');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Page not found');
  });
});
