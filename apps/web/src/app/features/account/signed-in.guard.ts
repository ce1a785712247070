import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';

/**
 * For pages of every signed-in user, whatever their role (the platform operator too): a visitor
 * goes to the login page, which brings them back.
 */
export const signedInGuard: CanMatchFn = () => {
  if (inject(AuthService).user()) {
    return true;
  }
  const router = inject(Router);
  const navigation = router.currentNavigation();
  const returnUrl = navigation ? router.serializeUrl(navigation.extractedUrl) : '/account';
  return router.createUrlTree(['/login'], { queryParams: { returnUrl } });
};
