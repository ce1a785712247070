import { Route } from '@angular/router';

// Route titles are translation keys, see TranslatedTitleStrategy.
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'status' },
  {
    path: 'status',
    title: 'status.title',
    loadComponent: () => import('./features/status/status.page').then((m) => m.StatusPage),
  },
  {
    path: 'manage',
    loadChildren: () => import('./features/manage/manage.routes').then((m) => m.manageRoutes),
  },
  {
    path: 'startup',
    loadChildren: () => import('./features/startup/startup.routes').then((m) => m.startupRoutes),
  },
  {
    path: 'board',
    loadChildren: () => import('./features/board/board.routes').then((m) => m.boardRoutes),
  },
  {
    path: 'admin',
    loadChildren: () => import('./features/admin/admin.routes').then((m) => m.adminRoutes),
  },
  {
    path: '**',
    title: 'notFound.title',
    loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
