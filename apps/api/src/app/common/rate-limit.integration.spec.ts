import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { redisConnectionOptions } from '@incubator/api/queues';
import type { ApiErrorResponse } from '@incubator/contracts';
import { signIn, startTestApi } from '../../test/test-app';
import { RATE_LIMIT_POLICIES, rateLimitPolicyOf, type RateLimitPolicy } from './rate-limit';

/** Every route limit at 2 per minute for this file only (restored after; the tier's set-up lifts them). */
const LIMIT = 2;
const LIMIT_ENV = Object.fromEntries([...Object.values(RATE_LIMIT_POLICIES), 'RATE_LIMIT_WINDOW_SECONDS'].map((key) => [key, key.endsWith('WINDOW_SECONDS') ? '60' : String(LIMIT)]));

type Who = 'anonymous' | 'admin' | 'board';
interface Case {
  policy: RateLimitPolicy;
  method: 'GET' | 'POST';
  path: string;
  who: Who;
  body?: string;
  contentType?: string;
}

/**
 * Each limited route, called with whatever body: the limit is checked before validation, so requests
 * that would be refused as malformed count as well (a flood of bad requests is still a flood).
 */
const CASES: Case[] = [
  { policy: 'sign-in', method: 'POST', path: '/auth/login', who: 'anonymous', body: '{}' },
  { policy: 'password-reset', method: 'POST', path: '/auth/password-reset', who: 'anonymous', body: '{}' },
  { policy: 'password-reset', method: 'POST', path: '/auth/password-reset/confirm', who: 'anonymous', body: '{}' },
  { policy: 'invitations', method: 'POST', path: '/invitations', who: 'admin', body: '{}' },
  { policy: 'invitations', method: 'POST', path: '/auth/invitations/accept', who: 'anonymous', body: '{}' },
  { policy: 'exports', method: 'GET', path: '/startups/export', who: 'admin' },
  { policy: 'exports', method: 'GET', path: '/funding-rounds/export', who: 'admin' },
  { policy: 'exports', method: 'GET', path: '/kpi-reports/export', who: 'admin' },
  { policy: 'exports', method: 'GET', path: '/space/occupancy/export', who: 'admin' },
  { policy: 'exports', method: 'GET', path: '/space/rent-roll/export', who: 'admin' },
  { policy: 'imports', method: 'POST', path: '/kpi-reports/import?dryRun=true', who: 'admin', body: 'startup,period\n', contentType: 'text/csv' },
  { policy: 'reports', method: 'POST', path: '/report-runs', who: 'admin', body: '{}' },
  { policy: 'board-quarter', method: 'GET', path: '/board/quarters/2026-Q1', who: 'board' },
];

describe('route rate limits: Redis-backed, shared by replicas, 429 with Retry-After (real PostgreSQL, Redis)', () => {
  let app: NestExpressApplication;
  let api: string;
  let replica: NestExpressApplication;
  let replicaApi: string;
  let redis: Redis;
  let db: DataSource;
  let tokens: Record<Exclude<Who, 'anonymous'>, { authorization: string }>;
  const saved = Object.fromEntries(Object.keys(LIMIT_ENV).map((key) => [key, process.env[key]]));

  beforeAll(async () => {
    Object.assign(process.env, LIMIT_ENV);
    ({ app, url: api } = await startTestApi());
    ({ app: replica, url: replicaApi } = await startTestApi());
    redis = new Redis(redisConnectionOptions(process.env['REDIS_URL'] as string));
    db = app.get(DataSource);
    await forget();
    tokens = { admin: await signIn(api, 'admin@demo.test'), board: await signIn(api, 'board@demo.test') };
  });

  afterAll(async () => {
    await forget();
    redis.disconnect();
    await replica.close();
    await app.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  /** Forgets every route count, so each case (and the files after this one) starts from zero. */
  async function forget(): Promise<void> {
    const keys = await redis.keys('rate-limit:*');
    if (keys.length) await redis.del(...keys);
  }

  /** A client address of its own per case (TEST-NET-3; trusted through the loopback proxy, as behind nginx). */
  let nextAddress = 1;
  const newAddress = () => `198.51.100.${nextAddress++}`;

  function call(base: string, testCase: Case, address: string, language = 'en'): Promise<Response> {
    const headers: Record<string, string> = { 'X-Forwarded-For': address, 'Accept-Language': language };
    if (testCase.body !== undefined) headers['Content-Type'] = testCase.contentType ?? 'application/json';
    if (testCase.who !== 'anonymous') Object.assign(headers, tokens[testCase.who]);
    return fetch(`${base}${testCase.path}`, { method: testCase.method, headers, body: testCase.body });
  }

  it.each(CASES.map((c) => [`${c.method} ${c.path}`, c] as const))('%s: the limit, then 429 with Retry-After in the caller’s language', async (_name, testCase) => {
    await forget();
    const address = newAddress();
    for (let i = 0; i < LIMIT; i++) expect((await call(api, testCase, address)).status).not.toBe(429);
    const en = await call(api, testCase, address, 'en');
    const fr = await call(api, testCase, address, 'fr');
    expect(en.status).toBe(429);
    expect(fr.status).toBe(429);
    const retryAfter = Number(en.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const [enBody, frBody] = [(await en.json()) as ApiErrorResponse, (await fr.json()) as ApiErrorResponse];
    expect(enBody).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/^Too many requests; try again in \d+ s\.$/) });
    expect(frBody.message).toMatch(/^Trop de requêtes ; réessayez dans \d+ s\.$/);
    expect(enBody.requestId).toBeTruthy();
  });

  it('counts anonymous callers by address: another address is not refused', async () => {
    await forget();
    const login = CASES[0];
    const address = newAddress();
    for (let i = 0; i <= LIMIT; i++) await call(api, login, address);
    expect((await call(api, login, address)).status).toBe(429);
    expect((await call(api, login, newAddress())).status).not.toBe(429);
  });

  it('shares one count between API replicas, and records one rate-limit.exceeded event per window', async () => {
    await forget();
    const startups = CASES.find((c) => c.path === '/startups/export') as Case;
    const address = newAddress();
    const [{ id: adminId }] = await db.query(`SELECT id FROM users WHERE email = 'admin@demo.test'`);
    const eventsOf = () =>
      db.query(`SELECT organisation_id, detail FROM security_events WHERE type = 'rate-limit.exceeded' AND user_id = $1 ORDER BY occurred_at`, [adminId]);
    const before = (await eventsOf()).length;
    expect((await call(api, startups, address)).status).not.toBe(429);
    expect((await call(replicaApi, startups, address)).status).not.toBe(429);
    expect((await call(api, startups, address)).status).toBe(429);
    expect((await call(replicaApi, startups, address)).status).toBe(429);
    const events = (await eventsOf()).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0].organisation_id).toBeTruthy();
    expect(events[0].detail).toMatchObject({ policy: 'exports', route: 'GET /api/startups/export' });
  });

  it('limits every */export route the API registers, under the exports policy', () => {
    const scanner = app.get(MetadataScanner);
    const exportsRoutes = app
      .get(DiscoveryService)
      .getControllers()
      .flatMap(({ instance }) => {
        if (!instance) return [];
        const prototype = Object.getPrototypeOf(instance);
        return scanner.getAllMethodNames(prototype).flatMap((name) => {
          const handler = prototype[name];
          const path = Reflect.getMetadata(PATH_METADATA, handler);
          if (typeof path !== 'string' || !/(^|\/)export$/.test(path)) return [];
          return [{ route: `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod]} ${path}`, policy: rateLimitPolicyOf(handler) }];
        });
      });
    expect(exportsRoutes.length).toBeGreaterThanOrEqual(5);
    expect(exportsRoutes.filter((r) => r.policy !== 'exports')).toEqual([]);
  });
});
