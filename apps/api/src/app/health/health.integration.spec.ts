import type { INestApplication } from '@nestjs/common';
import type { HealthResponse } from '@incubator/contracts';
import { startTestApi, unusedPort } from '../../test/test-app';

describe('API basics (real PostgreSQL and Redis)', () => {
  let app: INestApplication;
  let api: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
  });

  afterAll(() => app.close());

  it('reports database and Redis up with 200', async () => {
    const response = await fetch(`${api}/health`);
    const body = (await response.json()) as HealthResponse;
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.details.database?.status).toBe('up');
    expect(body.details.redis?.status).toBe('up');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await fetch(`${api}/docs-json`);
    const document = (await json.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(json.status).toBe(200);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/system/heartbeats']));
    const ui = await fetch(`${api}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('sends security headers and echoes a sane request id', async () => {
    const response = await fetch(`${api}/health`, { headers: { 'X-Request-Id': 'trace-123' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    const generated = await fetch(`${api}/health`, { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with a JSON 404 carrying the request id', async () => {
    const response = await fetch(`${api}/no-such-route`);
    const body = await response.json();
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(body.requestId).toEqual(response.headers.get('x-request-id'));
  });
});

describe('health when Redis is unreachable', () => {
  let app: INestApplication;
  let api: string;
  const realRedisUrl = process.env['REDIS_URL'];

  beforeAll(async () => {
    process.env['REDIS_URL'] = `redis://127.0.0.1:${await unusedPort()}`; // nothing listens there
    ({ app, url: api } = await startTestApi());
  });

  afterAll(async () => {
    process.env['REDIS_URL'] = realRedisUrl;
    await app.close();
  });

  it('answers 503 naming Redis as down and the database as up', async () => {
    const response = await fetch(`${api}/health`);
    const body = (await response.json()) as HealthResponse;
    expect(response.status).toBe(503);
    expect(body.status).toBe('error');
    expect(body.details.redis?.status).toBe('down');
    expect(body.details.database?.status).toBe('up');
  });
});
