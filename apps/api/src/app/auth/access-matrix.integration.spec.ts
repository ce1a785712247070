import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { type CallerRole, OPERATOR_ROLE, QueueName, roleCan, ROLES } from '@incubator/contracts';
import { failedJobOf } from '../../test/failed-job';
import { signIn, startTestApi } from '../../test/test-app';
import { ACCESS_KEY, AccessRule } from './access.decorator';

interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every route the API registers, read from Nest's own metadata: a new route is covered automatically. */
function registeredRoutes(app: NestExpressApplication): Route[] {
  const scanner = app.get(MetadataScanner);
  return app
    .get(DiscoveryService)
    .getControllers()
    .flatMap(({ instance, metatype }) => {
      if (!instance || !metatype) return [];
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = Object.getPrototypeOf(instance);
      return scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const rule = Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, metatype);
        return [{ method, path: `/${[base, String(path)].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/\/$/, ''), rule }];
      });
    });
}

// The platform operator too: outside every organisation, allowed only `account` routes and system:operate.
const CALLERS = ['anonymous', ...ROLES, OPERATOR_ROLE] as const;
type CallerName = (typeof CALLERS)[number];
const EMAIL: Record<CallerRole, string> = {
  operator: 'operator@demo.test',
  admin: 'admin@demo.test',
  manager: 'manager@demo.test',
  board: 'board@demo.test',
  startup: 'startup@demo.test',
  reviewer: 'reviewer@demo.test',
};

describe('access matrix: every route × every role, and tenant isolation', () => {
  let app: NestExpressApplication;
  let api: string;
  let routes: Route[];
  let ids: { ownUser: string; otherUser: string; otherInvitation: string; otherStartup: string; ownStartup: string };

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    routes = registeredRoutes(app);
    const db = app.get(DataSource);
    const user = async (email: string) => (await db.query('SELECT id FROM users WHERE email = $1', [email]))[0].id as string;
    const [other] = await db.query(`SELECT id FROM organisations WHERE slug = 'other'`);
    const [otherStartup] = await db.query('SELECT id FROM startups WHERE organisation_id = $1 LIMIT 1', [other.id]);
    const [ownStartup] = await db.query(`SELECT startup_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'startup@demo.test'`);
    const [otherInvitation] = await db.query(
      `INSERT INTO invitations (organisation_id, email, role, locale, token_hash, expires_at)
       VALUES ($1, $2, 'board', 'en', $3, now() + interval '1 day') RETURNING id`,
      [other.id, `probe-${randomUUID()}@other.test`, randomUUID().replace(/-/g, '').padEnd(64, '0')],
    );
    ids = {
      ownUser: await user('board@demo.test'),
      otherUser: await user('manager@other.test'),
      otherInvitation: otherInvitation.id,
      otherStartup: otherStartup.id,
      ownStartup: ownStartup.id,
    };
  });

  afterAll(() => app.close());

  const headersFor = async (caller: CallerName): Promise<Record<string, string>> =>
    caller === 'anonymous' ? {} : signIn(api, EMAIL[caller]);

  const call = async (route: Route, headers: Record<string, string>, params: Record<string, string>) => {
    const path = route.path.replace(/:(\w+)/g, (_match, name: string) => params[name] ?? 'x');
    const response = await fetch(`${api.replace(/\/api$/, '')}/api${path}`, {
      method: route.method,
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: ['GET', 'DELETE'].includes(route.method) ? undefined : '{}',
    });
    return response.status;
  };

  it('finds the routes, and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.filter((route) => !route.rule).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('answers each role as its declaration implies, and never with a 5xx', async () => {
    const surprises: string[] = [];
    const ownParams = { userId: '', id: randomUUID(), jobId: 'no-such-job', token: 'A'.repeat(43) };
    for (const route of routes) {
      for (const caller of CALLERS) {
        // A fresh session per call: some routes (logout) end the session they are called with.
        const status = await call(route, await headersFor(caller), { ...ownParams, userId: ids.ownUser });
        const rule = route.rule as AccessRule;
        const expected =
          rule === 'public'
            ? 'allowed'
            : caller === 'anonymous'
              ? 401
              : rule === 'account'
                ? 'allowed'
                : rule === 'signed-in'
                  ? caller === OPERATOR_ROLE
                    ? 403
                    : 'allowed'
                  : roleCan(caller, rule)
                    ? 'allowed'
                    : 403;
        const ok = expected === 'allowed' ? status < 500 && status !== 403 && (rule === 'public' || status !== 401) : status === expected;
        if (!ok) surprises.push(`${route.method} ${route.path} as ${caller}: ${status}, expected ${expected}`);
      }
    }
    expect(surprises).toEqual([]);
    // Every route × six callers, each call with its own sign-in (argon2 on purpose): longer than the default 30 s on two cores.
  }, 180_000);

  it('never reaches another organisation’s records by id: they answer 404', async () => {
    const admin = await signIn(api, EMAIL.admin);
    const patch = await fetch(`${api}/users/${ids.otherUser}`, {
      method: 'PATCH',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ isActive: false }),
    });
    expect(patch.status).toBe(404);
    const revoke = await fetch(`${api}/invitations/${ids.otherInvitation}`, { method: 'DELETE', headers: admin });
    expect(revoke.status).toBe(404);
    const invite = await fetch(`${api}/invitations`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `x-${randomUUID()}@demo.test`, role: 'startup', startupId: ids.otherStartup }),
    });
    expect(invite.status).toBe(404);
    const db = app.get(DataSource);
    const [otherManager] = await db.query('SELECT is_active FROM memberships WHERE user_id = $1', [ids.otherUser]);
    expect(otherManager.is_active).toBe(true);
  });

  it('lists only the caller’s organisation, and a startup member only their startup', async () => {
    const admin = await signIn(api, EMAIL.admin);
    const users = await (await fetch(`${api}/users?limit=100`, { headers: admin })).json();
    expect(users.items.length).toBeGreaterThan(0);
    expect(users.items.every((member: { email: string }) => !member.email.endsWith('@other.test'))).toBe(true);

    const startups = await (await fetch(`${api}/startups?limit=100`, { headers: admin })).json();
    expect(startups.items.map((s: { id: string }) => s.id)).not.toContain(ids.otherStartup);

    const founder = await signIn(api, EMAIL.startup);
    const own = await (await fetch(`${api}/startups?limit=100`, { headers: founder })).json();
    expect(own.items.map((s: { id: string }) => s.id)).toEqual([ids.ownStartup]);

    const organisation = await (await fetch(`${api}/organisation`, { headers: founder })).json();
    expect(organisation.slug).toBe('demo');

    const audit = await (await fetch(`${api}/audit-events?limit=100`, { headers: admin })).json();
    expect(audit.items.every((event: { actor: { email: string } | null }) => !event.actor?.email.endsWith('@other.test'))).toBe(true);
  });

  it('shows no organisation admin another organisation’s jobs: only the platform operator reads the global queues', async () => {
    const db = app.get(DataSource);
    const [other] = await db.query(`SELECT id FROM organisations WHERE slug = 'other'`);
    const reports = app.get<Queue>(getQueueToken(QueueName.Reports));
    const jobId = await failedJobOf(reports, other.id, `failed for ${other.id}`);
    try {
      for (const email of [EMAIL.admin, 'admin@other.test']) {
        const admin = await signIn(api, email);
        const queues = await fetch(`${api}/admin/queues`, { headers: admin });
        expect({ email, status: queues.status, leaks: (await queues.text()).includes(other.id) }).toEqual({ email, status: 403, leaks: false });
        const retry = await fetch(`${api}/admin/queues/reports/jobs/${encodeURIComponent(jobId)}/retry`, { method: 'POST', headers: admin });
        expect(retry.status).toBe(403);
        expect((await fetch(`${api}/system/heartbeats`, { headers: admin })).status).toBe(403);
      }
      expect(await (await reports.getJob(jobId))?.isFailed()).toBe(true);
      const operator = await fetch(`${api}/admin/queues`, { headers: await signIn(api, EMAIL.operator) });
      expect(operator.status).toBe(200);
      expect(await operator.text()).toContain(jobId);
    } finally {
      await (await reports.getJob(jobId))?.remove();
    }
  });

  it('refuses a token signed with another secret and a token of a revoked session', async () => {
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwib3JnIjoieSIsInNpZCI6InoifQ.' + 'c2lnbmF0dXJl';
    expect((await fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    // Well-formed claims of a real session, signed with a key that is not the API's: refused.
    const session = await signIn(api, EMAIL.manager);
    const [, payload] = session.authorization.slice('Bearer '.length).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const signature = createHmac('sha256', 'not-the-api-secret').update(`${header}.${payload}`).digest('base64url');
    expect((await fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${header}.${payload}.${signature}` } })).status).toBe(401);
    expect((await fetch(`${api}/auth/me`, { headers: session })).status).toBe(200);
    expect((await fetch(`${api}/auth/logout`, { method: 'POST', headers: session })).status).toBe(204);
    expect((await fetch(`${api}/auth/me`, { headers: session })).status).toBe(401);
  });
});
