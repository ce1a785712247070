import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, map, of, switchMap, throwError } from 'rxjs';
import { isApiRequest, SKIP_LOGIN_REDIRECT } from './api-request';
import { AuthService } from './auth.service';

/**
 * The endpoints that sign in (login, refresh, invitations, password reset): they take no access
 * token, and their 401 means "wrong credentials", not "token expired", so it is never retried.
 */
const SIGN_IN_ENDPOINT = /^\/api\/auth\/(login|refresh|invitations|password-reset)(\/|\?|$)/;

/**
 * Adds the access token to API calls. On a 401 (token expired or missing) it refreshes the
 * session once, shared by every request that failed meanwhile, and retries; when the refresh
 * fails the session is over and the user goes to the login page, then back where they were.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url) || SIGN_IN_ENDPOINT.test(request.url)) {
    return next(request);
  }
  const auth = inject(AuthService);
  const router = inject(Router);
  const sentToken = auth.accessToken();

  return next(withToken(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      const current = auth.accessToken();
      // Another request refreshed the session while this one was in flight: use its token.
      const token = current && current !== sentToken ? of(current) : auth.refresh().pipe(map(() => auth.accessToken()));
      return token.pipe(
        catchError(() => {
          if (!request.context.get(SKIP_LOGIN_REDIRECT)) {
            redirectToLogin(router);
          }
          return throwError(() => error);
        }),
        switchMap((fresh) => next(withToken(request, fresh))),
      );
    }),
  );
};

function withToken<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

function redirectToLogin(router: Router): void {
  const navigation = router.currentNavigation();
  const target = navigation ? router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl) : router.url;
  const returnUrl = target === '/' || target.startsWith('/login') ? undefined : target;
  void router.navigate(['/login'], { queryParams: { returnUrl } });
}
