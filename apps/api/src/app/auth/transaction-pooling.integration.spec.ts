import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '@incubator/api/database';
import { preparedQuery } from '@incubator/api/sql';
import { DEMO_PASSWORD, startTestApi } from '../../test/test-app';
// PgBouncer is started by the scale-out tier's launcher (test-only code; the product never imports it).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningPgBouncer, startPgBouncer } from '../../../../../tools/scale/pgbouncer';

/** The access check's statement shape: one text, run by many pooled clients at once. */
const HOT_READ = 'SELECT count(*)::int AS n FROM users WHERE email <> $1';

/**
 * A managed PostgreSQL is usually reached through a pooler in transaction mode (here Debian's PgBouncer 1.18,
 * one server connection for every client, the strictest case). Every authenticated request runs the access
 * check (`SessionRepository.liveMemberSession`), which on a direct connection is a named prepared statement:
 * through this pooler a second client preparing it on the shared server connection gets "prepared statement
 * … already exists", and a client whose statement was prepared on another server connection "… does not
 * exist". With DATABASE_POOLING=transaction the API must run it unnamed and answer every request.
 */
describe('through PgBouncer in transaction pooling', () => {
  let dir: string;
  let pgbouncer: RunningPgBouncer;
  const saved = { DATABASE_URL: process.env['DATABASE_URL'], DATABASE_POOLING: process.env['DATABASE_POOLING'] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'incubator-pgbouncer-'));
    pgbouncer = await startPgBouncer({ dir, serverUrl: saved.DATABASE_URL as string, poolSize: 1 });
  });

  afterAll(async () => {
    await pgbouncer?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('breaks named prepared statements (what this test guards against: the pooler shares server connections)', async () => {
    const named = await createDataSource(pgbouncer.url).initialize();
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => preparedQuery(named, HOT_READ, [`nobody-${i}@x.test`])));
      const failures = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(failures.length).toBeGreaterThan(0);
      expect(String(failures[0].reason)).toMatch(/prepared statement .* (already exists|does not exist)/);
    } finally {
      await named.destroy();
    }
  });

  it('runs the same reads unnamed on a DataSource declared behind a transaction pooler', async () => {
    const pooled = await createDataSource(pgbouncer.url, [], 'transaction').initialize();
    try {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => preparedQuery<{ n: number }>(pooled, HOT_READ, [`nobody-${i}@x.test`])));
      expect(new Set(results.map(([row]) => row.n)).size).toBe(1);
    } finally {
      await pooled.destroy();
    }
  });

  describe('the API with DATABASE_POOLING=transaction', () => {
    let app: NestExpressApplication;
    let api: string;

    beforeAll(async () => {
      process.env['DATABASE_URL'] = pgbouncer.url;
      process.env['DATABASE_POOLING'] = 'transaction';
      ({ app, url: api } = await startTestApi());
    });

    afterAll(async () => {
      await app?.close();
      process.env['DATABASE_URL'] = saved.DATABASE_URL;
      if (saved.DATABASE_POOLING === undefined) delete process.env['DATABASE_POOLING'];
      else process.env['DATABASE_POOLING'] = saved.DATABASE_POOLING;
    });

    it('answers 60 concurrent authenticated requests, each running the access check', async () => {
      const login = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'manager@demo.test', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      const paths = ['/auth/me', '/startups?limit=5', '/space/sites'];
      const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => fetch(`${api}${paths[i % paths.length]}`, { headers }).then((r) => r.status)));
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect((await fetch(`${api}/health`)).status).toBe(200);
      expect(app.get(DataSource).options.extra).toMatchObject({ incubatorTransactionPooling: true });
    });
  });
});
