import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { signIn, startTestApi } from '../../test/test-app';
import { DatabaseWatch } from './database-watch';
import { FuzzRun, type Caller } from './fuzz-run';
import { bodyCases, foreignCases, parameterCases, transportCases, type Case } from './hostile-cases';
import { operations, type OpenApiDocument, type Operation } from './openapi';
import { collectTenant, ensureSpace, type Tenant } from './tenant-ids';

/**
 * Every operation of the OpenAPI document (reads and writes) × every class of hostile input, deterministic:
 * oversized, deep, mis-declared and unreadable bodies; each body field in turn null, out of range, broken
 * Unicode, duplicated or of the wrong type; reversed ranges; junk path and query values; and each id field
 * set to a real id of the other organisation. Never a 5xx; the 4xx each input is due; a 4xx changes
 * nothing; a foreign id never reaches its row. Prints the number of requests and the statuses per class.
 *
 * Who calls what: transport junk and read parameters as every role of both organisations and anonymous;
 * hostile write bodies as the other organisation's members (so a write that succeeds touches nothing the
 * demo-organisation tests rely on); foreign ids as every demo role, with the other organisation's ids.
 */
const DEMO = ['admin', 'manager', 'board', 'startup', 'reviewer'].map((role) => `${role}@demo.test`);
const OTHER = ['admin', 'manager', 'startup'].map((role) => `${role}@other.test`);

/** Signing out ends the session the rest of the run uses; it is fuzzed anonymously only. */
const signsOut = (operation: Operation) => operation.path === '/api/auth/logout';

/** Fails the test with the failures recorded since `from`, each distinct one once. */
function failWith(run: FuzzRun, from: number): void {
  const report = run.report(from);
  if (!report) return;
  const lines = report.split('\n');
  throw new Error(`${lines.length} distinct failures (first 300):\n${lines.slice(0, 300).join('\n')}`);
}

describe('hostile input on every operation of the OpenAPI document', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let redis: Redis;
  let run: FuzzRun;
  let all: Operation[];
  let demo: Tenant;
  let other: Tenant;
  const callers: Record<string, Caller> = {};
  let schedules: Array<{ organisation_id: string; kind: string; cron: string; enabled: boolean }>;

  beforeAll(async () => {
    let api: string;
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    redis = new Redis(process.env['REDIS_URL'] as string);
    const document: OpenApiDocument = await (await fetch(`${api}/docs-json`)).json();
    all = operations(document);
    callers['anonymous'] = { name: 'anonymous', headers: {} };
    for (const email of [...DEMO, ...OTHER]) callers[email] = { name: email, headers: await signIn(api, email) };
    await ensureSpace(db, api, callers['admin@other.test'].headers, 'other');
    demo = await collectTenant(db, 'demo');
    other = await collectTenant(db, 'other');
    // A schedule the fuzz manages to change (every second, say) must not reach the workers of later test files.
    schedules = await db.query('SELECT organisation_id, kind, cron, enabled FROM report_schedules');
    const [startupNames, emails] = await Promise.all([
      db.query('SELECT legal_name AS text FROM startups WHERE organisation_id = $1', [other.organisationId]),
      db.query(`SELECT u.email AS text FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.organisation_id = $1`, [other.organisationId]),
    ]);
    const markers = [...Object.values(other.ids).flat(), ...[...startupNames, ...emails].map((row: { text: string }) => row.text)];
    const watch = new DatabaseWatch(db);
    await watch.start();
    run = new FuzzRun(api.replace(/\/api$/, ''), watch, redis, { organisationId: other.organisationId, ownOrganisationId: demo.organisationId, texts: markers });
  }, 60_000);

  afterAll(async () => {
    for (const s of schedules ?? []) await db.query('UPDATE report_schedules SET cron = $3, enabled = $4 WHERE organisation_id = $1 AND kind = $2', [s.organisation_id, s.kind, s.cron, s.enabled]);
    await run?.forgetLoginFailures();
    // FUZZ_REPORT=<file>: every failure of the run, one a line (the test output shows the first 300 per test).
    if (process.env['FUZZ_REPORT']) writeFileSync(process.env['FUZZ_REPORT'], run.failures.join('\n') + '\n');
    // Both tables at once: the number of requests and the statuses per class, then per operation.
    console.log(`fuzz: hostile input\n${run?.summary()}\n\nper operation:\n${run?.summary(run.byOperation)}`);
    redis?.disconnect();
    await app?.close();
  });

  const sendAll = async (cases: Case[], who: Caller[]) => {
    for (const testCase of cases) for (const caller of who) await run.send(testCase, caller);
  };

  it('reads the whole document: every operation, reads and writes', () => {
    expect(all.length).toBeGreaterThan(80);
    expect(all.filter((o) => o.method === 'GET').length).toBeGreaterThan(30);
  });

  it('refuses oversized, deep, mis-declared and unreadable bodies from anyone, before any work', async () => {
    const before = run.failures.length;
    for (const operation of all.filter((o) => o.method !== 'GET')) {
      const who = Object.values(callers).filter((caller) => caller.name === 'anonymous' || !signsOut(operation));
      await sendAll(transportCases(operation, other), who);
    }
    failWith(run, before);
  }, 300_000);

  it('answers junk in every path and query parameter with a 4xx, as every role', async () => {
    const before = run.failures.length;
    for (const operation of all.filter((o) => !signsOut(o))) {
      // Reads change nothing whoever asks; writes only as the other organisation's admin.
      const who = operation.method === 'GET' ? Object.values(callers) : [callers['admin@other.test']];
      await sendAll(parameterCases(operation, other), who);
    }
    failWith(run, before);
  }, 300_000);

  it('answers every hostile body field with a 4xx or handles it, and a 4xx writes nothing', async () => {
    const before = run.failures.length;
    for (const operation of all.filter((o) => !signsOut(o))) await sendAll(bodyCases(operation, other), OTHER.map((email) => callers[email]));
    failWith(run, before);
  }, 300_000);

  it('never reads or writes another organisation’s row by its id, whatever the demo role', async () => {
    const before = run.failures.length;
    const cases = all.filter((o) => !signsOut(o)).flatMap((operation) => foreignCases(operation, demo, other));
    expect(cases.length).toBeGreaterThan(40);
    await sendAll(cases, DEMO.map((email) => callers[email]));
    failWith(run, before);
  }, 300_000);
});
