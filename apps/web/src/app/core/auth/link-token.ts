import { ActivatedRouteSnapshot } from '@angular/router';

/**
 * The token of an emailed link (invitation, password reset). It rides in the fragment
 * (`/invitation#token=…`), which browsers never send to a server, so no access log keeps it. Links
 * mailed before that change carried it in the query (`?token=…`): still read, until they expire.
 */
export function linkToken(route: ActivatedRouteSnapshot): string | null {
  const fromFragment = route.fragment ? new URLSearchParams(route.fragment).get('token') : null;
  return fromFragment || route.queryParamMap.get('token');
}
