import { inject } from '@angular/core';
import { Route } from '@angular/router';
import { Area, AREAS } from './core/auth/areas';
import { areaGuard, signedOutGuard } from './core/auth/area.guard';
import { AuthService } from './core/auth/auth.service';
import { homeUrl } from './core/auth/return-url';
import { signedInGuard } from './features/account/signed-in.guard';

const AREA_CHILDREN: Record<Area, Route['loadChildren']> = {
  manage: () => import('./features/manage/manage.routes').then((m) => m.manageRoutes),
  startup: () => import('./features/startup/startup.routes').then((m) => m.startupRoutes),
  board: () => import('./features/board/board.routes').then((m) => m.boardRoutes),
  admin: () => import('./features/admin/admin.routes').then((m) => m.adminRoutes),
  operator: () => import('./features/operator/operator.routes').then((m) => m.operatorRoutes),
  review: () => import('./features/review/review.routes').then((m) => m.reviewRoutes),
};

/**
 * Each area twice: for the roles that may open it, then, at the same address, the forbidden page
 * for everyone else who is signed in (a visitor is sent to the login page by the guard).
 */
const areaRoutes: Route[] = AREAS.flatMap((area) => [
  { path: area, canMatch: [areaGuard(area)], loadChildren: AREA_CHILDREN[area] },
  {
    path: area,
    children: [
      {
        path: '**',
        title: 'forbidden.title',
        loadComponent: () => import('./features/forbidden/forbidden.page').then((m) => m.ForbiddenPage),
      },
    ],
  },
]);

// Route titles are translation keys, see TranslatedTitleStrategy.
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    redirectTo: () => {
      const user = inject(AuthService).user();
      return user ? homeUrl(user) : '/status';
    },
  },
  {
    path: 'status',
    title: 'status.title',
    loadComponent: () => import('./features/status/status.page').then((m) => m.StatusPage),
  },
  {
    path: 'login',
    title: 'auth.login.title',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'invitation',
    title: 'auth.invitation.title',
    loadComponent: () => import('./features/auth/invitation/invitation.page').then((m) => m.InvitationPage),
  },
  {
    path: 'forgot-password',
    title: 'auth.forgot.title',
    loadComponent: () =>
      import('./features/auth/forgot-password/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'auth.reset.title',
    loadComponent: () =>
      import('./features/auth/reset-password/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'account',
    title: 'account.title',
    canMatch: [signedInGuard],
    loadComponent: () => import('./features/account/account.page').then((m) => m.AccountPage),
  },
  {
    // The public pages of the calls for applications: no account (the draft opens with a magic link).
    path: 'apply',
    loadChildren: () => import('./features/apply/apply.routes').then((m) => m.applyRoutes),
  },
  ...areaRoutes,
  {
    path: '**',
    title: 'notFound.title',
    loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
