import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { AppConfig, apiDocsEnabled } from '@incubator/api/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { hardenRequests } from './common/request-hardening';
import { assignRequestId } from './logging';
import { RequestValidationError } from './common/request-validation.error';

export const API_PREFIX = 'api';

/**
 * Everything main.ts sets on the application, shared with the integration tests so they exercise
 * exactly what production runs.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  // The client address (login throttling) comes from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', app.get(AppConfig).TRUST_PROXY);
  app.use(assignRequestId);
  app.use(cookieParser());
  app.use(
    helmet({
      // Swagger UI needs inline scripts and styles; everything else keeps helmet's strict defaults.
      // upgrade-insecure-requests would break the docs page on plain-http localhost.
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'upgrade-insecure-requests': null },
      },
    }),
  );
  // The one place request bodies are read (JSON ≤ 1 MB, CSV ≤ 2 MB) and hostile URLs and bodies are
  // refused with a 4xx, before any route or guard: needs Nest's own body parser off (bodyParser: false).
  hardenRequests(app);
  app.setGlobalPrefix(API_PREFIX);
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

  // A map of every route is for developers: off in production unless API_DOCS=on.
  if (apiDocsEnabled(app.get(AppConfig))) {
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
  }
  return app;
}
