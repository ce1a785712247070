import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { translocoTesting } from '../../../testing/transloco-testing';
import { LocaleService } from '../../core/i18n/locale.service';
import { StartupLayoutComponent } from './startup-layout.component';

describe('StartupLayoutComponent', () => {
  it('links to the profile, the KPI reports, the funding rounds and the invoices, marking the current one', async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideRouter([{ path: 'startup', component: StartupLayoutComponent, children: [{ path: '**', children: [] }] }]),
      ],
    });
    TestBed.inject(LocaleService).use('en');
    const harness = await RouterTestingHarness.create('/startup/kpis');
    const nav = harness.routeNativeElement as HTMLElement;

    const links = Array.from(nav.querySelectorAll<HTMLAnchorElement>('nav a'));
    expect(links.map((a) => [a.dataset['testid'], a.getAttribute('href'), a.textContent?.trim()])).toEqual([
      ['nav-profile', '/startup', 'Profile'],
      ['nav-kpis', '/startup/kpis', 'KPI reports'],
      ['nav-funding', '/startup/funding', 'Funding rounds'],
      ['nav-billing', '/startup/billing', 'Invoices'],
    ]);
    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, 'page', null, null]);
  });
});
