import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ForgotPasswordPage } from '../forgot-password/forgot-password.page';
import { ResetPasswordPage } from './reset-password.page';

describe('password reset pages', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'forgot-password', component: ForgotPasswordPage },
          { path: 'reset-password', component: ResetPasswordPage },
        ]),
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    (harness.routeNativeElement as HTMLElement).querySelector<T>(`[data-testid="${id}"]`);

  async function type(id: string, value: string) {
    const input = byTestId<HTMLInputElement>(id);
    if (!input) {
      throw new Error(`no ${id}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function click(id: string) {
    byTestId(id)?.click();
    await harness.fixture.whenStable();
  }

  it('asks for a link and gives the same answer whether the account exists or not', async () => {
    harness = await RouterTestingHarness.create('/forgot-password');

    await type('forgot-email', 'camille@euratech.example');
    await click('forgot-submit');
    const request = backend.expectOne('/api/auth/password-reset');
    expect(request.request.body).toEqual({ email: 'camille@euratech.example' });
    request.flush(null, { status: 202, statusText: 'Accepted' });
    await harness.fixture.whenStable();

    expect(byTestId('forgot-sent')?.textContent).toContain('If an account exists for camille@euratech.example');
  });

  it('sets the new password with the token of the link, which travels in its fragment', async () => {
    harness = await RouterTestingHarness.create('/reset-password#token=abc');

    await type('reset-password', 'a brand new password');
    await type('reset-password-confirm', 'a brand new password');
    await click('reset-submit');
    const request = backend.expectOne('/api/auth/password-reset/confirm');
    expect(request.request.body).toEqual({ token: 'abc', password: 'a brand new password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();

    expect(byTestId('reset-done')?.textContent).toContain('Your password has been changed');
  });

  it('still reads the token of a link sent before it moved to the fragment', async () => {
    harness = await RouterTestingHarness.create('/reset-password?token=abc');

    await type('reset-password', 'a brand new password');
    await type('reset-password-confirm', 'a brand new password');
    await click('reset-submit');
    const request = backend.expectOne('/api/auth/password-reset/confirm');
    expect(request.request.body).toEqual({ token: 'abc', password: 'a brand new password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
  });

  it('says when the link is invalid, expired or used (410), and offers a new one', async () => {
    harness = await RouterTestingHarness.create('/reset-password#token=abc');

    await type('reset-password', 'a brand new password');
    await type('reset-password-confirm', 'a brand new password');
    await click('reset-submit');
    backend
      .expectOne('/api/auth/password-reset/confirm')
      .flush({ statusCode: 410, error: 'Gone', message: 'x' }, { status: 410, statusText: 'Gone' });
    await harness.fixture.whenStable();

    expect(byTestId('reset-error')?.textContent).toContain('invalid, has expired or has already been used');
    expect((harness.routeNativeElement as HTMLElement).querySelector('a[href="/forgot-password"]')).not.toBeNull();
  });
});
