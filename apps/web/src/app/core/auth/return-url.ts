import { AuthUser, HOME_AREA } from '@incubator/contracts';
import { canOpenArea, isArea } from './areas';

/** Pages a user is sent back to from login: never a page of the sign-in flows themselves. */
const AUTH_PAGES = ['login', 'invitation', 'forgot-password', 'reset-password'];

/**
 * A return address taken from the query string, or null when it is not a path of this site:
 * `//evil.example` or `https://…` would turn the login page into an open redirect.
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  const first = value.slice(1).split(/[/?#;(]/)[0];
  return AUTH_PAGES.includes(first) ? null : value;
}

export function homeUrl(user: AuthUser): string {
  return `/${HOME_AREA[user.role]}`;
}

/**
 * Where to go after signing in: back where the visitor was sent from, unless that is an area
 * their role cannot open (e.g. another user's session had expired there); then their home area.
 */
export function landingUrl(user: AuthUser, returnUrl: string | null | undefined): string {
  const safe = safeReturnUrl(returnUrl);
  if (!safe || safe === '/') {
    return homeUrl(user);
  }
  const first = safe.slice(1).split(/[/?#;(]/)[0];
  return isArea(first) && !canOpenArea(user.role, first) ? homeUrl(user) : safe;
}
