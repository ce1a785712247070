import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isBilingual } from '@incubator/contracts';
import { DomainError } from '@incubator/api/errors';
import { loggableError } from '@incubator/api/sql';
import type { ApiErrorResponse, Locale } from '@incubator/contracts';
import { databaseErrorBody } from './database-errors';
import { RequestValidationError } from './request-validation.error';
import { requestLocale } from './request-locale';
import { fieldMessages } from './validation-messages';

/**
 * Renders every error as an ApiErrorResponse carrying the request id. Validation errors get
 * field-level messages in the caller's language; PostgreSQL's refusals of the request's data (SQLSTATE
 * classes 22 and 23) become 4xx (see database-errors.ts); unexpected errors are logged with the request
 * id and answered with a generic 500 that leaks nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.id === undefined ? undefined : String(request.id);
    // Services that catch a code themselves (isUniqueViolation → ConflictException) arrive as HttpExceptions and keep their answer.
    const databaseRefusal =
      exception instanceof HttpException || exception instanceof DomainError ? undefined : databaseErrorBody(exception, requestLocale(request.headers['accept-language']), request);
    const body = databaseRefusal ?? this.toBody(exception, request);
    // loggableError: a database error is logged without its parameters and row values (hashes, tokens, personal data).
    if (body.statusCode >= 500) this.logger.error({ err: loggableError(exception), requestId }, 'unhandled error');
    // A database refusal answered 4xx means a validator let the value through: worth a look, not an alarm.
    else if (databaseRefusal) this.logger.warn({ err: loggableError(exception), requestId }, 'database refused the request');
    // A body's own retryAfter (503s, the rate limit), or a domain error's detail (a sign-in or MFA throttle).
    const retryAfter = (body as { retryAfter?: unknown }).retryAfter ?? (body as { details?: { retryAfter?: unknown } }).details?.retryAfter;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json({ ...body, requestId });
  }

  private toBody(exception: unknown, request: Request): ApiErrorResponse {
    if (exception instanceof DomainError) return exception.render(requestLocale(request.headers['accept-language']));
    if (exception instanceof RequestValidationError) {
      const locale = requestLocale(request.headers['accept-language']);
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        error: 'Bad Request',
        message: locale === 'fr' ? 'La requête contient des champs invalides.' : 'The request has invalid fields.',
        fields: fieldMessages(exception.errors, locale),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      // A body of its own (e.g. the health report behind a 503) goes out unchanged, bilingual texts in the caller's language.
      if (typeof payload === 'object' && !('statusCode' in payload)) {
        return { statusCode: status, ...(inLocale(payload, requestLocale(request.headers['accept-language'])) as object) } as ApiErrorResponse;
      }
      const message =
        typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      const error = typeof payload === 'object' && 'error' in payload ? String(payload.error) : exception.name;
      return { statusCode: status, error, message };
    }
    if (isDependencyDown(exception)) {
      const fr = requestLocale(request.headers['accept-language']) === 'fr';
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: fr ? 'Service momentanément indisponible, réessayez dans un instant.' : 'Service briefly unavailable, try again in a moment.',
        retryAfter: 5,
      } as ApiErrorResponse;
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

/**
 * The database or Redis is unreachable or restarting (refused, reset, shut down by an administrator,
 * pool timeout): a 503 the client may retry, not a 500 — the request itself was fine.
 */
export function isDependencyDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = e.code ?? e.driverError?.code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'].includes(code)) return true;
  const message = `${e.message ?? ''} ${e.driverError?.message ?? ''}`;
  return /Connection terminated|timeout exceeded when trying to connect|Connection is closed|connect ECONNREFUSED|the database system is (starting up|shutting down)|Stream isn't writeable/i.test(message);
}

/** Replaces every bilingual text ({fr, en}) in a body by the text in one language. */
function inLocale(value: unknown, locale: Locale): unknown {
  if (isBilingual(value)) return value[locale];
  if (Array.isArray(value)) return value.map((item) => inLocale(item, locale));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inLocale(v, locale)]));
  return value;
}
