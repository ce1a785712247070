import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { Area, canOpenArea } from './areas';
import { AuthService } from './auth.service';
import { landingUrl } from './return-url';

/**
 * Lets a user into an area their role may open. A visitor who is not signed in goes to the
 * login page, which brings them back; a signed-in user whose role may not open the area does not
 * match the route, so the next one, the forbidden page at the same address, explains why.
 */
export function areaGuard(area: Area): CanMatchFn {
  return () => {
    const user = inject(AuthService).user();
    if (user) {
      return canOpenArea(user.role, area);
    }
    const router = inject(Router);
    const navigation = router.currentNavigation();
    const returnUrl = navigation ? router.serializeUrl(navigation.extractedUrl) : `/${area}`;
    return router.createUrlTree(['/login'], { queryParams: { returnUrl } });
  };
}

/** The login page is for visitors: a signed-in user goes on to where they were heading. */
export const signedOutGuard: CanActivateFn = (route) => {
  const user = inject(AuthService).user();
  return user ? inject(Router).parseUrl(landingUrl(user, route.queryParamMap.get('returnUrl'))) : true;
};
