import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@incubator/api/config';

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

/**
 * JSON logs through pino; every log line of a request carries the id given by assignRequestId.
 */
export const loggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.LOG_LEVEL,
      // assignRequestId ran first; this only covers an app configured without it.
      genReqId: (request: IncomingMessage) => request.id ?? randomUUID(),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
    },
  }),
});
