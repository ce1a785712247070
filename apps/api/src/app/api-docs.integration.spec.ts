import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@incubator/api/config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

/**
 * The OpenAPI UI and JSON map every route and parameter for anyone who asks: a development aid, off in
 * production unless the operator turns it on (API_DOCS=on).
 */
describe('API documentation in production', () => {
  async function start(env: Record<string, string>): Promise<{ app: NestExpressApplication; url: string }> {
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', SMTP_URL: 'smtp://mail.invalid:587', MAIL_TRANSPORT: 'smtp', ...env });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(AppConfig).useValue(config).compile();
    const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false }));
    await app.listen(0, '127.0.0.1');
    return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api` };
  }

  it('serves neither the UI nor the JSON by default', async () => {
    const { app, url } = await start({});
    try {
      expect((await fetch(`${url}/docs`)).status).toBe(404);
      expect((await fetch(`${url}/docs-json`)).status).toBe(404);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('serves them when API_DOCS=on', async () => {
    const { app, url } = await start({ API_DOCS: 'on' });
    try {
      expect((await fetch(`${url}/docs-json`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
