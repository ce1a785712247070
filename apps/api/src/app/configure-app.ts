import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { AppConfig } from '@incubator/api/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { RequestValidationError } from './common/request-validation.error';
import { requestLocale } from './common/request-locale';
import type { NextFunction, Request, Response } from 'express';

export const API_PREFIX = 'api';
export const CSV_UPLOAD_LIMIT = '2mb';

/** Body-parser errors (too large, malformed) answered in the API's error format instead of Express's HTML page. */
function payloadTooLarge(error: { status?: number; type?: string } | undefined, request: Request, response: Response, next: NextFunction): void {
  if (!error?.status || error.status >= 500) return next(error);
  const fr = requestLocale(request.headers['accept-language']) === 'fr';
  const message =
    error.type === 'entity.too.large'
      ? fr ? `Fichier trop volumineux (au plus ${CSV_UPLOAD_LIMIT}).` : `File too large (at most ${CSV_UPLOAD_LIMIT}).`
      : fr ? 'Corps de requête illisible.' : 'Unreadable request body.';
  response.status(error.status).json({ statusCode: error.status, error: error.type ?? 'Bad Request', message });
}

/**
 * Everything main.ts sets on the application, shared with the integration tests so they exercise
 * exactly what production runs.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  // The client address (login throttling) comes from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', app.get(AppConfig).TRUST_PROXY);
  app.use(cookieParser());
  // CSV uploads (KPI import) arrive as text; bigger bodies are refused with a 413 before any work.
  app.useBodyParser('text', { type: 'text/csv', limit: CSV_UPLOAD_LIMIT });
  app.use(payloadTooLarge);
  app.setGlobalPrefix(API_PREFIX);
  app.use(
    helmet({
      // Swagger UI needs inline scripts and styles; everything else keeps helmet's strict defaults.
      // upgrade-insecure-requests would break the docs page on plain-http localhost.
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new RequestValidationError(errors),
    }),
  );
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Incubator platform API')
      .setDescription(
        'Programs, startups, modular office space, funding and KPIs of a tech park. ' +
          'Dates are ISO 8601; instants are UTC; date ranges are half-open [start, end).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return app;
}
