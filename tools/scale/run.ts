import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createDataSource, runMigrations } from '@incubator/api/database';
import { redisConnection, type RedisConfig } from '@incubator/api/queues';
import { QueueName } from '@incubator/contracts';
import type { DataSource } from 'typeorm';
import { startSmtpCatcher } from './smtp';
import { seedDemoData } from '../seed/demo-seed';
import { freePort } from '../stack/free-port';
import { WORKSPACE_ROOT } from '../stack/local-stack';
import { startPostgres } from '../stack/postgres';
import { ManagedProcess, startProcess } from '../stack/processes';
import { checkEffects } from './checks';
import { FaultWindow, insideAWindow, LoadClient } from './load';
import { startPgBouncer } from './pgbouncer';
import { startReplicatedRedis, until } from './redis-sentinel';
import { steadyLoad } from './workload';

/**
 * `npm run test:scale`: the product scaled out as a park that outgrew one machine runs it — two API processes
 * and two workers (separate OS processes, the built apps) on one PostgreSQL behind PgBouncer in transaction
 * pooling, and a Redis primary + replica under three Sentinels. Under steady load (lease requests, KPI
 * submissions, report runs, billing runs) it kills the Redis primary, restarts PgBouncer, and kills one API
 * process and one worker mid-job; then it checks that every accepted request's effect is in the database once,
 * every job ran once (report files, e-mails to a real SMTP server, gapless invoice numbers), health went 503 and
 * back to 200 by itself, and no request got a 5xx outside the failover windows. Exits 1 on any failure.
 */
const MASTER = 'incubator';
const STEADY_MS = Number(process.env['SCALE_STEADY_MS'] ?? 8_000);

async function main(): Promise<number> {
  const started = Date.now();
  const lines: string[] = [];
  const verbose = process.env['SCALE_VERBOSE'] === '1';
  mkdirSync(join(WORKSPACE_ROOT, '.test-results'), { recursive: true });
  const logFile = join(WORKSPACE_ROOT, '.test-results', 'scale.log');
  writeFileSync(logFile, '');
  const log = (line: string) => {
    // Health answering 503 while a dependency is down is expected, and logged by the API at every poll.
    if (line.includes('"url":"/api/health"')) return;
    appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
    lines.push(line);
    if (lines.length > 4_000) lines.splice(0, 1_000);
    if (verbose) console.log(line);
  };
  const say = (line: string) => {
    console.log(line);
    log(line);
  };
  const cleanups: Array<() => Promise<unknown>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'incubator-scale-'));
  chmodSync(dir, 0o755); // the postgres user must traverse it
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  let failures: string[] = [];
  let client: LoadClient | undefined;
  try {
    say('building api and worker (cached when unchanged)…');
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', '--output-style=static'], { cwd: WORKSPACE_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);

    const postgres = await startPostgres({ dir: join(dir, 'postgres'), database: 'scale', durable: false, log: (l) => log(`[postgres] ${l}`) });
    cleanups.unshift(postgres.stop);
    // Migrations and the seed go straight to PostgreSQL (DATABASE_MIGRATION_URL): the migration lock is a session lock.
    const direct = await createDataSource(postgres.url).initialize();
    cleanups.unshift(() => direct.destroy());
    await runMigrations(direct);
    await seedDemoData(direct, 'test');

    const pgbouncerDir = join(dir, 'pgbouncer');
    let pgbouncer = await startPgBouncer({ dir: pgbouncerDir, serverUrl: postgres.url, poolSize: 12, log: (l) => log(`[pgbouncer] ${l}`) });
    cleanups.unshift(() => pgbouncer.stop());

    const redisPassword = randomBytes(16).toString('hex');
    const sentinelPassword = randomBytes(16).toString('hex');
    const ports = { primary: await freePort(), replica: await freePort(), sentinels: [await freePort(), await freePort(), await freePort()] as [number, number, number] };
    const redis = await startReplicatedRedis({ dir: join(dir, 'redis'), ports, password: redisPassword, sentinelPassword, masterName: MASTER, log });
    cleanups.unshift(redis.stop);

    const smtp = await startSmtpCatcher();
    cleanups.unshift(smtp.stop);

    const apiPorts = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      TZ: 'UTC',
      DATABASE_URL: pgbouncer.url,
      DATABASE_POOLING: 'transaction',
      DATABASE_MIGRATION_URL: postgres.url,
      // Only the password and database are read from it under Sentinel; the host is deliberately wrong.
      REDIS_URL: `redis://:${redisPassword}@127.0.0.1:1`,
      REDIS_SENTINELS: redis.sentinelList,
      REDIS_SENTINEL_MASTER: MASTER,
      REDIS_SENTINEL_PASSWORD: sentinelPassword,
      SMTP_URL: smtp.url,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      LOG_LEVEL: process.env['SCALE_LOG_LEVEL'] ?? 'warn',
      API_PROCESSES: '1',
      WORKER_CONCURRENCY: '2',
      REPORT_LOCK_MS: '3000',
      REPORT_STEP_DELAY_MS: '400',
      ...Object.fromEntries(['SIGN_IN', 'PASSWORD_RESET', 'INVITATIONS', 'EXPORTS', 'IMPORTS', 'REPORTS', 'BOARD'].map((l) => [`RATE_LIMIT_${l}`, '1000000'])),
    };
    for (const key of ['DATABASE_POOLING', 'REDIS_SENTINELS']) if (!env[key]) throw new Error(`${key} missing`);
    const crashes: string[] = [];
    const apps = new Map<string, ManagedProcess>();
    const startApp = (name: string, app: 'api' | 'worker', extra: NodeJS.ProcessEnv = {}) => {
      const managed = startProcess(name, process.execPath, ['--enable-source-maps', join('dist/apps', app, 'main.js')], {
        cwd: WORKSPACE_ROOT,
        env: { ...env, ...extra },
        onLine: log,
        onExit: (code) => {
          if (!killed.has(name)) crashes.push(`${name} exited with ${code}`);
        },
      });
      apps.set(name, managed);
      return managed;
    };
    const killed = new Set<string>();
    cleanups.unshift(async () => {
      for (const managed of apps.values()) await managed.stop();
    });
    const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}/api`);
    apiPorts.forEach((port, i) => startApp(`api-${i + 1}`, 'api', { API_PORT: String(port) }));
    startApp('worker-1', 'worker');
    startApp('worker-2', 'worker');
    const healthOf = async (url: string) => {
      try {
        return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(3_000) })).status;
      } catch {
        return 0;
      }
    };
    await until(async () => (await Promise.all(apiUrls.map(healthOf))).every((s) => s === 200), 90_000, 'both API processes to be healthy');
    say(`stack up in ${((Date.now() - started) / 1000).toFixed(0)} s: PostgreSQL ← PgBouncer (transaction, pool 12) ← 2 API + 2 workers; Redis primary + replica + 3 Sentinels`);

    // Health of every API every 200 ms: what each fault window saw.
    const healthLog: Array<{ at: number; statuses: number[] }> = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        healthLog.push({ at: Date.now(), statuses: await Promise.all(apiUrls.map(healthOf)) });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    const signInBody = { email: 'manager@demo.test', password: 'Demo-2026!' };
    const signIn = await fetch(`${apiUrls[0]}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(signInBody) });
    if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}: ${await signIn.text()}`);
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    client = new LoadClient(apiUrls, () => ({ authorization: `Bearer ${accessToken}` }));

    const windows: FaultWindow[] = [];
    const fault = async (name: string, inject: () => Promise<void>, recovered: () => Promise<boolean>) => {
      const start = Date.now();
      say(`fault: ${name}`);
      await inject();
      await until(async () => (await recovered()) && (await Promise.all(apiUrls.map(healthOf))).every((s) => s === 200), 120_000, `recovery from "${name}"`);
      const end = Date.now();
      const saw503 = healthLog.some((h) => h.at >= start && h.at <= end && h.statuses.includes(503));
      windows.push({ name, start, end, saw503 });
      say(`  recovered in ${((end - start) / 1000).toFixed(1)} s (health 503 seen: ${saw503 ? 'yes' : 'no'})`);
    };
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    const load = await steadyLoad(client, direct, say);
    await pause(STEADY_MS);

    const primaryBefore = await redis.currentPrimary();
    await fault(
      'Redis primary killed (SIGKILL); the Sentinels promote the replica',
      () => redis.primary.kill(),
      async () => {
        const now = await redis.currentPrimary();
        return !!now && now !== primaryBefore;
      },
    );
    await redis.primary.start(); // back as a replica of the promoted one (the Sentinels reconfigure it)
    await pause(STEADY_MS);

    await fault(
      'PgBouncer restarted (every server and client connection dropped)',
      async () => {
        await pgbouncer.stop();
        await pause(1_500);
        pgbouncer = await startPgBouncer({ dir: pgbouncerDir, serverUrl: postgres.url, poolSize: 12, port: pgbouncer.port, log: (l) => log(`[pgbouncer] ${l}`) });
      },
      async () => true,
    );
    await pause(STEADY_MS);

    // A rolling deploy stops worker-2 first (SIGTERM: it finishes its jobs), so the report job running when
    // worker-1 is killed is surely worker-1's.
    killed.add('worker-2');
    await apps.get('worker-2')?.stop();
    await load.reportBurst(2);
    await until(async () => (await runningReports(direct)) >= 1, 60_000, 'a report run in progress').catch(async (error) => {
      const queue = new Queue(QueueName.Reports, { connection: redisConnection(env as unknown as RedisConfig) });
      const counts = await queue.getJobCounts();
      const workers = (await queue.getWorkers()).length;
      await queue.close();
      throw new Error(
        `${String(error)}; report runs: ${JSON.stringify(await direct.query('SELECT status, error, count(*)::int AS n FROM report_runs GROUP BY 1, 2'))}; ` +
          `reports queue on ${await redis.currentPrimary()}: ${JSON.stringify(counts)}, ${workers} workers connected`,
      );
    });
    await fault(
      'one API process and the worker running a report killed (SIGKILL); their supervisor restarts them 3 s later',
      async () => {
        for (const name of ['api-1', 'worker-1']) {
          killed.add(name);
          const managed = apps.get(name)!;
          managed.child.kill('SIGKILL');
          await new Promise((resolve) => (managed.child.exitCode !== null || managed.child.signalCode !== null ? resolve(undefined) : managed.child.once('exit', resolve)));
        }
        await pause(3_000);
        startApp('api-1', 'api', { API_PORT: String(apiPorts[0]) });
        startApp('worker-1', 'worker');
        startApp('worker-2', 'worker');
        killed.clear();
      },
      async () => true,
    );
    await pause(STEADY_MS);

    say('stopping the load; waiting for every queued job…');
    await load.stop();
    await load.settle(240_000);
    // The e-mails are jobs of their own (the mail queue): wait until every one queued so far was delivered.
    const mailQueue = new Queue(QueueName.Mail, { connection: redisConnection(env as unknown as RedisConfig) });
    await until(async () => {
      const counts = await mailQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).every((n) => n === 0);
    }, 120_000, 'the mail queue to drain');
    await mailQueue.close();
    await pause(1_000);
    polling = false;
    await poller;

    failures = await checkEffects({ db: direct, client, load, mails: smtp.mails, say });
    const fivexx = client.attempts.filter((a) => a.status >= 500 || a.status === 0);
    const inside = fivexx.filter((a) => insideAWindow(a, windows));
    const outside = fivexx.filter((a) => !insideAWindow(a, windows));
    const accepted = client.outcomes.filter((o) => o.accepted).length;
    say('');
    say(`requests sent ${client.attempts.length} (attempts, retries included) for ${client.outcomes.length} requests; accepted ${accepted}`);
    say(`5xx or dropped connections: ${inside.length} inside the failover windows, ${outside.length} outside`);
    for (const window of windows) say(`  ${window.name}: recovered in ${((window.end - window.start) / 1000).toFixed(1)} s, health 503 seen ${window.saw503}`);
    if (outside.length) failures.push(`${outside.length} 5xx outside the windows: ${JSON.stringify(outside.slice(0, 5))}`);
    for (const window of windows.slice(0, 2)) if (!window.saw503) failures.push(`health never answered 503 during "${window.name}"`);
    if (crashes.length) failures.push(`processes died on their own: ${crashes.join('; ')}`);
    say(`tier time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const refused = client?.outcomes.filter((o) => !o.accepted) ?? [];
    if (refused.length) failures.push(`${refused.length} requests not accepted, e.g. ${JSON.stringify(refused.slice(0, 3)).slice(0, 1_500)}`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error) => console.error(`[cleanup] ${String(error)}`));
  }
  if (failures.length) {
    console.error(`\nlast log lines (all in .test-results/scale.log):\n${lines.slice(-60).join('\n')}`);
    console.error(`\nSCALE TIER FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  console.log('\nscale-out tier passed');
  return 0;
}

async function runningReports(db: DataSource): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM report_runs WHERE status = 'running'`);
  return n;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
