import { EnvironmentProviders, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { getSupportedInputTypes } from '@angular/cdk/platform';

/**
 * One-time work of the first page's components done while start-up waits on the network (the session,
 * the translations, the page's code) instead of inside the page's first render: Material's inputs test
 * which input types the browser supports (22 types set on a scratch input, a few ms of a phone's time)
 * when the first one is created. The same work, once, earlier: the render that paints the page is shorter.
 */
export function provideStartupWarmUp(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      // A task of its own, after the initializers have sent their requests.
      setTimeout(() => getSupportedInputTypes());
    }),
  ]);
}
