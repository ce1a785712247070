import { HttpContextToken } from '@angular/common/http';

/** Set on a request whose failed refresh must not send the user to the login page (sign-out). */
export const SKIP_LOGIN_REDIRECT = new HttpContextToken<boolean>(() => false);

/** The API is served on the same origin, under /api. */
export function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}
