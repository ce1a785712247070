import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LocaleService } from '../i18n/locale.service';
import { isApiRequest } from './api-request';

/** The API writes its messages (validation errors, emails) in the language of the interface. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (request, next) =>
  isApiRequest(request.url)
    ? next(request.clone({ setHeaders: { 'Accept-Language': inject(LocaleService).locale() } }))
    : next(request);
