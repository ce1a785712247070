import { Route, Routes } from '@angular/router';
import { appRoutes } from '../../app.routes';
import { firstPageLoaders } from './first-page-preload';

describe('firstPageLoaders', () => {
  // Stand-ins for the lazy pages: only which loader is picked matters.
  const login = () => Promise.resolve(class LoginPage {});
  const board = () => Promise.resolve([] as Routes);
  const forbidden = () => Promise.resolve(class ForbiddenPage {});
  const routes: Route[] = [
    { path: '', pathMatch: 'full', redirectTo: '/status' },
    { path: 'login', loadComponent: login },
    { path: 'board', loadChildren: board },
    { path: 'board', children: [{ path: '**', loadComponent: forbidden }] },
    { path: '**', loadComponent: () => Promise.resolve(class NotFoundPage {}) },
  ];

  it('finds the page of the address’s first segment, query and fragment aside', () => {
    expect(firstPageLoaders(routes, '/login')).toEqual([login]);
    expect(firstPageLoaders(routes, '/login?returnUrl=%2Fboard')).toEqual([login]);
  });

  it('takes both routes of an area: its pages, and the forbidden page', () => {
    expect(firstPageLoaders(routes, '/board/cohorts/1')).toEqual([board, forbidden]);
  });

  it('preloads nothing for the root (a redirect) or an unknown address', () => {
    expect(firstPageLoaders(routes, '/')).toEqual([]);
    expect(firstPageLoaders(routes, '/nowhere')).toEqual([]);
  });

  it('knows the app’s own sign-in page and board area', () => {
    expect(firstPageLoaders(appRoutes, '/login')).toHaveLength(1);
    expect(firstPageLoaders(appRoutes, '/board')).toHaveLength(2);
  });
});
