import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { translocoTesting } from '../../../testing/transloco-testing';
import { sessionFor, signIn, userWith } from '../../../testing/identity-fixtures';
import { LocaleService } from '../i18n/locale.service';
import { acceptLanguageInterceptor } from './accept-language.interceptor';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

@Component({ template: '' })
class BlankPage {}

const unauthorized = { status: 401, statusText: 'Unauthorized' };
const expired = { statusCode: 401, error: 'Unauthorized', message: 'Token expired' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: BlankPage },
          { path: 'admin', component: BlankPage },
        ]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
    TestBed.inject(LocaleService).use('en');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  function get(url: string) {
    return firstValueFrom(http.get(url));
  }

  function expectRefresh(): TestRequest {
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    return refresh;
  }

  it('adds the access token and the active language to API calls', async () => {
    await signIn('admin');
    TestBed.inject(LocaleService).use('fr');

    const result = get('/api/users');
    const request = backend.expectOne('/api/users');
    request.flush({ items: [] });
    await result;

    expect(request.request.headers.get('Authorization')).toBe('Bearer token-admin');
    expect(request.request.headers.get('Accept-Language')).toBe('fr');
  });

  it('sends no token to the sign-in endpoints, and none outside the API', async () => {
    await signIn('admin');

    const translations = get('/i18n/fr.json');
    const reset = firstValueFrom(http.post('/api/auth/password-reset', { email: 'a@b.example' }));
    const i18nRequest = backend.expectOne('/i18n/fr.json');
    const resetRequest = backend.expectOne('/api/auth/password-reset');
    i18nRequest.flush({});
    resetRequest.flush(null, { status: 202, statusText: 'Accepted' });
    await Promise.all([translations, reset]);

    expect(i18nRequest.request.headers.has('Authorization')).toBe(false);
    expect(i18nRequest.request.headers.has('Accept-Language')).toBe(false);
    expect(resetRequest.request.headers.has('Authorization')).toBe(false);
    expect(resetRequest.request.headers.get('Accept-Language')).toBe('en');
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    await signIn('admin');

    const result = get('/api/users');
    backend.expectOne('/api/users').flush(expired, unauthorized);
    expectRefresh().flush(sessionFor(userWith('admin'), 'token-2'));
    const retry = backend.expectOne('/api/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush({ items: ['ok'] });

    await expect(result).resolves.toEqual({ items: ['ok'] });
    expect(auth.accessToken()).toBe('token-2');
  });

  it('shares one refresh between concurrent requests that get a 401', async () => {
    await signIn('admin');

    const results = [get('/api/users'), get('/api/invitations'), get('/api/startups')];
    const first = backend.match((r) => r.url.startsWith('/api/') && r.url !== '/api/auth/refresh');
    expect(first).toHaveLength(3);
    for (const request of first) {
      request.flush(expired, unauthorized);
    }
    // expectOne fails if the three failures started more than one refresh.
    expectRefresh().flush(sessionFor(userWith('admin'), 'token-2'));

    const retries = backend.match(() => true);
    expect(retries.map((r) => r.request.url).sort()).toEqual(['/api/invitations', '/api/startups', '/api/users']);
    for (const retry of retries) {
      expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
      retry.flush({ url: retry.request.url });
    }
    await expect(Promise.all(results)).resolves.toEqual([
      { url: '/api/users' },
      { url: '/api/invitations' },
      { url: '/api/startups' },
    ]);
  });

  it('retries without a new refresh when another request already refreshed the session', async () => {
    await signIn('admin');

    const slow = get('/api/invitations');
    const fast = get('/api/users');
    backend.expectOne('/api/users').flush(expired, unauthorized);
    expectRefresh().flush(sessionFor(userWith('admin'), 'token-2'));
    backend.expectOne('/api/users').flush({});
    await fast;

    // The slow request was sent with the old token and fails after the refresh completed.
    backend.expectOne('/api/invitations').flush(expired, unauthorized);
    backend.expectNone('/api/auth/refresh');
    const retry = backend.expectOne('/api/invitations');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush({});
    await slow;
  });

  it('refreshes only once: a 401 on the retry is the answer', async () => {
    await signIn('admin');

    const result = get('/api/users');
    backend.expectOne('/api/users').flush(expired, unauthorized);
    expectRefresh().flush(sessionFor(userWith('admin'), 'token-2'));
    backend.expectOne('/api/users').flush(expired, unauthorized);

    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/auth/refresh');
  });

  it('ends the session and sends the user to the login page, then back, when the refresh fails', async () => {
    await signIn('admin');
    await router.navigateByUrl('/admin?tab=invitations');

    const result = get('/api/users');
    backend.expectOne('/api/users').flush(expired, unauthorized);
    expectRefresh().flush({ statusCode: 401, error: 'Unauthorized', message: 'Session ended' }, unauthorized);

    await expect(result).rejects.toBeInstanceOf(HttpErrorResponse);
    await TestBed.inject(ApplicationRef).whenStable();
    expect(router.url).toBe('/login?returnUrl=%2Fadmin%3Ftab%3Dinvitations');
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('does not retry a 401 from the login endpoint: it means wrong credentials', async () => {
    const result = firstValueFrom(http.post('/api/auth/login', { email: 'a@b.example', password: 'wrong' }));
    backend.expectOne('/api/auth/login').flush({ statusCode: 401, error: 'Unauthorized', message: 'x' }, unauthorized);

    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/auth/refresh');
    expect(router.url).toBe('/');
  });

  it('passes other errors through untouched', async () => {
    await signIn('board');

    const result = get('/api/users');
    backend.expectOne('/api/users').flush({ statusCode: 403 }, { status: 403, statusText: 'Forbidden' });

    await expect(result).rejects.toMatchObject({ status: 403 });
    backend.expectNone('/api/auth/refresh');
  });
});
