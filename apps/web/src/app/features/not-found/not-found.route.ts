import { Route } from '@angular/router';
import type { Area } from '../../core/auth/areas';
import type { NotFoundRouteData } from './not-found.page';

/**
 * The last child of an area's routes. Without it an unknown address under an area the user may open
 * falls through to the next route at that address, the forbidden page ("Accès refusé").
 */
export function areaNotFoundRoute(area: Area): Route {
  return {
    path: '**',
    title: 'notFound.title',
    data: { area } satisfies NotFoundRouteData,
    loadComponent: () => import('./not-found.page').then((m) => m.NotFoundPage),
  };
}
