import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true
});

// jsdom has no layout, hence no IntersectionObserver: `@defer (on viewport)` blocks (the board's charts)
// set one up. This one never reports an intersection; specs render deferred blocks themselves.
if (typeof globalThis.IntersectionObserver === 'undefined') {
  class NoIntersectionObserver {
    readonly root = null;
    readonly rootMargin = '0px';
    readonly thresholds: readonly number[] = [0];
    observe(): void {
      // Nothing is ever in view.
    }
    unobserve(): void {
      // See observe().
    }
    disconnect(): void {
      // See observe().
    }
    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }
  }
  globalThis.IntersectionObserver = NoIntersectionObserver as unknown as typeof IntersectionObserver;
}
