import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfig, logDestination } from '@incubator/api/config';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Gives every request its id (the caller's X-Request-Id when it is sane, otherwise a new UUID) and
 * echoes it in the response header. Registered first in configureApp, so even a request refused by
 * the hardening layer (before pino-http, which keeps an existing `req.id`) carries one.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  request.id = id;
  response.setHeader('X-Request-Id', id);
  next();
}

/** Query (and route) parameters whose value is a secret: invitation, reset and refresh tokens, MFA codes. */
const SECRET_PARAMETER = /^(token|refresh_?token|code|otp|password|secret)$/i;
/** A path segment shaped like our secret tokens (32 random bytes in base64url, newSecretToken). */
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{43}$/;
const REDACTED = '[REDACTED]';

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The URL as it may be logged: token-shaped path segments and secret query parameters replaced. The
 * product sends no token in a URL any more (links use the fragment, the API takes tokens in the body),
 * but an old emailed link, a stale client or a probe still can, and a log keeps what it is given.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const safePath = path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(decoded(segment)) ? REDACTED : segment))
    .join('/');
  if (queryStart === -1) return safePath;
  const safeQuery = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals !== -1 && SECRET_PARAMETER.test(decoded(pair.slice(0, equals))) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/** A copy of Express's parsed query or route params with the secret ones replaced (never the request's own object). */
function redactParameters(parameters: unknown): unknown {
  if (typeof parameters !== 'object' || parameters === null) return parameters;
  return Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [key, SECRET_PARAMETER.test(key) || (typeof value === 'string' && TOKEN_SEGMENT.test(value)) ? REDACTED : value]),
  );
}

/** pino-http's options, exported so a test can run them through a real pino-http and read what it writes. */
export function pinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.LOG_LEVEL,
    // assignRequestId ran first; this only covers an app configured without it.
    genReqId: (request: IncomingMessage) => request.id ?? randomUUID(),
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      // Receives pino's serialized request (url, query, params, headers…), not the live one.
      req: (request: { url?: string; query?: unknown; params?: unknown }) =>
        Object.assign(request, {
          url: typeof request.url === 'string' ? redactUrl(request.url) : request.url,
          query: redactParameters(request.query),
          params: redactParameters(request.params),
        }),
    },
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
    // Read by a person (LOG_FORMAT=pretty): the request's line says it all in a few words.
    ...(config.LOG_FORMAT === 'pretty' ? { customSuccessMessage: requestLine, customErrorMessage: (request, response, error) => `${requestLine(request, response)} — ${error.message}` } : {}),
  };
}

/** "GET /api/startups?limit=20 200 · 12 ms": the one line a request gets in development. */
function requestLine(request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, responseTime?: number): string {
  const time = responseTime === undefined ? '' : ` · ${Math.round(responseTime)} ms`;
  return `${request.method} ${redactUrl(request.originalUrl ?? request.url ?? '')} ${response.statusCode}${time}`;
}

/**
 * Logs through pino (JSON, or one readable line each with LOG_FORMAT=pretty); every log line of a request carries the id given by assignRequestId, and no
 * credential: authorization and cookie headers, set-cookie, and tokens in URLs are redacted.
 */
export const loggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const destination = logDestination(config);
    return { pinoHttp: destination ? [pinoHttpOptions(config), destination] : pinoHttpOptions(config) };
  },
});
