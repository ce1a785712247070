import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiErrorResponse } from '@incubator/contracts';
import { sessionFor, userWith } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { AuthService } from '../../../core/auth/auth.service';
import { LocaleService } from '../../../core/i18n/locale.service';
import { LoginPage } from './login.page';

@Component({ template: '<h1>landed</h1>' })
class LandingPage {}

describe('LoginPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(url = '/login') {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: LoginPage },
          { path: '**', component: LandingPage },
        ]),
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
  }

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    page().querySelector<T>(`[data-testid="${id}"]`);
  /** The text of the mat-error of the form field around the element with this test id. */
  const fieldError = (id: string) =>
    byTestId(id)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;

  async function type(id: string, value: string) {
    const input = byTestId<HTMLInputElement>(id);
    if (!input) {
      throw new Error(`no ${id}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function submit(email = 'camille@euratech.example', password = 'correct horse battery') {
    await type('login-email', email);
    await type('login-password', password);
    byTestId('login-submit')?.click();
    await harness.fixture.whenStable();
    return backend.expectOne('/api/auth/login');
  }

  async function answer(request: ReturnType<HttpTestingController['expectOne']>, body: object, status: number) {
    request.flush(body, { status, statusText: String(status) });
    await harness.fixture.whenStable();
  }

  it('validates as the user types, and sends nothing while the form is invalid', async () => {
    await open();

    await type('login-email', 'camille@');
    expect(fieldError('login-email')).toBe('Enter a valid email address.');
    await type('login-email', 'camille@euratech.example');
    expect(fieldError('login-email')).toBeNull();

    byTestId('login-submit')?.click();
    await harness.fixture.whenStable();
    expect(fieldError('login-password')).toBe('Required.');
    backend.expectNone('/api/auth/login');
  });

  it('signs in with the typed credentials and goes to the return address', async () => {
    await open('/login?returnUrl=%2Fboard%3Fquarter%3D2025-Q1');

    const request = await submit();
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'camille@euratech.example', password: 'correct horse battery' });
    await answer(request, sessionFor(userWith('manager')), 200);

    expect(TestBed.inject(Router).url).toBe('/board?quarter=2025-Q1');
    expect(TestBed.inject(AuthService).user()?.role).toBe('manager');
  });

  it('asks for the second factor when MFA is on, and signs in with the code', async () => {
    await open();
    await answer(await submit(), { mfa: 'verify', challengeToken: 'c'.repeat(43), expiresIn: 300 }, 200);
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(byTestId('login-mfa')).not.toBeNull();
    await type('login-mfa-code', '123456');
    byTestId('login-mfa-submit')?.click();
    await harness.fixture.whenStable();
    const verify = backend.expectOne('/api/auth/mfa/verify');
    expect(verify.request.body).toEqual({ challengeToken: 'c'.repeat(43), code: '123456' });
    await answer(verify, sessionFor(userWith('board')), 200);
    expect(TestBed.inject(Router).url).toBe('/board');
  });

  it('sends a recovery code as such, and says so when a code is wrong', async () => {
    await open();
    await answer(await submit(), { mfa: 'verify', challengeToken: 'c'.repeat(43), expiresIn: 300 }, 200);
    await type('login-mfa-code', 'ABCD-EFGH-IJKL-MNOP');
    byTestId('login-mfa-submit')?.click();
    await harness.fixture.whenStable();
    const verify = backend.expectOne('/api/auth/mfa/verify');
    expect(verify.request.body).toEqual({ challengeToken: 'c'.repeat(43), recoveryCode: 'abcd-efgh-ijkl-mnop' });
    await answer(verify, { statusCode: 401, error: 'Unauthorized', message: 'Invalid or expired code.' }, 401);
    expect(byTestId('login-error')?.textContent?.trim()).toBe('Wrong or expired code. If this keeps happening, sign in again.');
  });

  it("goes to the role's home area without a return address", async () => {
    await open();

    await answer(await submit(), sessionFor(userWith('startup')), 200);

    expect(TestBed.inject(Router).url).toBe('/startup');
  });

  it('shows the field messages of a 400 at their fields', async () => {
    await open();
    const body: ApiErrorResponse = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      fields: { email: ['Email domain is not accepted.'], password: ['Password is too long.'] },
    };

    await answer(await submit(), body, 400);

    expect(fieldError('login-email')).toBe('Email domain is not accepted.');
    expect(fieldError('login-password')).toBe('Password is too long.');
    expect(byTestId('login-error')).toBeNull();

    // Editing the field clears the server's message.
    await type('login-email', 'other@euratech.example');
    expect(fieldError('login-email')).toBeNull();
  });

  it('says "wrong email or password" for a 401, without telling which', async () => {
    await open();

    await answer(await submit(), { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' }, 401);

    expect(byTestId('login-error')?.textContent?.trim()).toBe('Wrong email or password.');
    expect(byTestId('login-error')?.getAttribute('role')).toBe('alert');
    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
  });

  it('asks to wait after too many attempts (429)', async () => {
    await open();

    await answer(await submit(), { statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException' }, 429);

    expect(byTestId('login-error')?.textContent?.trim()).toBe('Too many attempts. Try again in a few minutes.');
  });

  it('shows its messages in French', async () => {
    await open();
    TestBed.inject(LocaleService).use('fr');
    await harness.fixture.whenStable();

    await answer(await submit(), { statusCode: 401, error: 'Unauthorized', message: 'x' }, 401);

    expect(page().querySelector('h1')?.textContent).toContain('Connexion');
    expect(byTestId('login-error')?.textContent?.trim()).toBe('E-mail ou mot de passe incorrect.');
  });
});
