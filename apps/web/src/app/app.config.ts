import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
import { appRoutes } from './app.routes';
import { acceptLanguageInterceptor } from './core/auth/accept-language.interceptor';
import { authInterceptor } from './core/auth/auth.interceptor';
import { provideAuth } from './core/auth/auth.providers';
import { provideI18n } from './core/i18n/i18n.providers';
import { provideFirstPagePreload } from './core/routing/first-page-preload';
import { provideStartupWarmUp } from './core/routing/warm-up';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([acceptLanguageInterceptor, authInterceptor])),
    provideRouter(appRoutes),
    provideI18n(),
    provideAuth(),
    provideFirstPagePreload(appRoutes),
    provideStartupWarmUp(),
  ],
};
