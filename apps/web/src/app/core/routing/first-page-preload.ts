import { DOCUMENT, EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { Route } from '@angular/router';

/**
 * The lazy code of the page being opened, asked for while the start-up work (the session, the
 * translations) is still on the network: the router would ask for it only once that work is done, a
 * round trip later, and the page would appear that much later. The router's own load then finds the
 * modules already there (the browser loads each module once).
 */
export function provideFirstPagePreload(routes: Route[]): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      for (const load of firstPageLoaders(routes, inject(DOCUMENT).location?.pathname ?? '/')) {
        // Not awaited: start-up does not wait for it, and a failure is the router's to report.
        void Promise.resolve()
          .then(load)
          .catch(() => undefined);
      }
    }),
  ]);
}

/**
 * The loaders of the top-level routes whose path is the address's first segment: for an area, both
 * of its routes' (the area's children, and the forbidden page for the roles that may not open it).
 */
export function firstPageLoaders(routes: Route[], pathname: string): (() => unknown)[] {
  const first = pathname.split(/[/?#;]/).find((segment) => segment !== '') ?? '';
  if (first === '') return [];
  return routes
    .filter((route) => route.path === first)
    .flatMap((route): unknown[] => [route.loadComponent, route.loadChildren, ...(route.children ?? []).map((child) => child.loadComponent)])
    .filter((load): load is () => unknown => typeof load === 'function');
}
