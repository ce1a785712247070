import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CallerRole, OPERATOR_ROLE, ROLES } from '@incubator/contracts';
import { signIn } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { appRoutes } from '../../app.routes';
import { LocaleService } from '../../core/i18n/locale.service';

describe('/account', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter(appRoutes)],
    });
    TestBed.inject(LocaleService).use('en');
  });

  it('sends a visitor to the login page, with the way back', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/account');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Faccount');
  });

  it.each<CallerRole>([...ROLES, OPERATOR_ROLE])('opens for every signed-in user: %s', async (role) => {
    await signIn(role);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/account');
    expect(TestBed.inject(Router).url).toBe('/account');
    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent).toContain('My account');
    // The page's own requests, answered by nobody here.
    TestBed.inject(HttpTestingController).match(() => true);
  });
});
