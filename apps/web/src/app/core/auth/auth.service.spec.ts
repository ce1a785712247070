import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Permission } from '@incubator/contracts';
import { firstValueFrom } from 'rxjs';
import { sessionFor, signIn, userWith } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

describe('AuthService', () => {
  let auth: AuthService;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    auth = TestBed.inject(AuthService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('starts signed out', () => {
    expect(auth.user()).toBeNull();
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.permissions()).toEqual([]);
  });

  it('signs in, exposes the user and permissions, and keeps the token out of web storage', async () => {
    const user = await signIn('manager');

    expect(auth.user()).toEqual(user);
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.can(Permission.UsersRead)).toBe(true);
    expect(auth.can(Permission.UsersManage)).toBe(false);
    expect(auth.accessToken()).toBe('token-manager');
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
    expect(stored).not.toContain('token-manager');
  });

  it('restores the session of the refresh cookie at start-up', async () => {
    const restored = auth.restore();
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.body).toEqual({});
    refresh.flush(sessionFor(userWith('board')));
    await restored;

    expect(auth.user()?.role).toBe('board');
  });

  it('starts signed out, without failing, when there is no session to restore', async () => {
    const restored = auth.restore();
    backend
      .expectOne('/api/auth/refresh')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'No session' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(restored).resolves.toBeUndefined();
    expect(auth.isAuthenticated()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('signs out on the server and here', async () => {
    await signIn('admin');

    const done = firstValueFrom(auth.logout());
    const logout = backend.expectOne('/api/auth/logout');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer token-admin');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(auth.isAuthenticated()).toBe(false);
  });

  it('signs out here even when the server cannot be reached', async () => {
    await signIn('admin');

    const done = firstValueFrom(auth.logout());
    backend.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await done;

    expect(auth.isAuthenticated()).toBe(false);
  });

  it('signs out with an expired access token: refreshes it so the server can end the session', async () => {
    await signIn('admin');
    const unauthorized = { status: 401, statusText: 'Unauthorized' };

    const done = firstValueFrom(auth.logout());
    backend.expectOne('/api/auth/logout').flush({ statusCode: 401 }, unauthorized);
    backend.expectOne('/api/auth/refresh').flush(sessionFor(userWith('admin'), 'token-2'));
    const retry = backend.expectOne('/api/auth/logout');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(auth.isAuthenticated()).toBe(false);
  });

  it('signs out without a detour by the login page when the session had already ended', async () => {
    await signIn('admin');
    const unauthorized = { status: 401, statusText: 'Unauthorized' };
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');

    const done = firstValueFrom(auth.logout());
    backend.expectOne('/api/auth/logout').flush({ statusCode: 401 }, unauthorized);
    backend.expectOne('/api/auth/refresh').flush({ statusCode: 401 }, unauthorized);
    await done;

    expect(auth.isAuthenticated()).toBe(false);
    expect(navigate).not.toHaveBeenCalled();
  });
});
