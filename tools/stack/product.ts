import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '@incubator/api/database';
import { PasswordHasher, upsertPlatformOperator } from '@incubator/api/identity';
import { DEMO_OPERATOR, DEMO_PASSWORD, seedDemoData } from '../seed/demo-seed';
import { freePort } from './free-port';
import { LocalStack, startLocalStack, WORKSPACE_ROOT } from './local-stack';
import { ManagedProcess, startProcess } from './processes';
import { waitForOk } from './wait-for';
import { serveWeb } from './web-server';

export interface RunningProduct {
  webUrl: string;
  apiUrl: string;
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export interface ProductOptions {
  /** `persistent` for npm start (data under .data/), `throwaway` for end-to-end tests. */
  mode: 'persistent' | 'throwaway';
  /**
   * `demo` (default): the demo organisations. `empty`: only the platform operator, so the whole set-up can be
   * tried from nothing in the browser; persistent data then lives apart, under `.data/empty/`.
   */
  data?: 'demo' | 'empty';
  log: (line: string) => void;
  /** Called when the api or the worker dies on its own; the caller decides what to do. */
  onCrash: (name: string, code: number | null) => void;
}

/**
 * The whole product on this machine: PostgreSQL and Redis (local ones unless DATABASE_URL/REDIS_URL
 * are set), migrations, the idempotent demo seed, built api, worker and web client.
 */
export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  const { log } = options;
  const processes: ManagedProcess[] = [];
  let stack: LocalStack | undefined;
  let web: Server | undefined;
  const stop = async () => {
    for (const process of processes.reverse()) await process.stop();
    processes.length = 0;
    await new Promise((resolve) => (web ? web.close(resolve) : resolve(undefined)));
    await stack?.stop();
  };

  try {
    const empty = options.data === 'empty';
    stack = await startLocalStack({ mode: options.mode, dataDir: empty ? join(WORKSPACE_ROOT, '.data', 'empty') : undefined });
    log(`PostgreSQL ${redact(stack.databaseUrl)}, Redis ${redact(stack.redisUrl)}`);
    await migrateAndSeed(stack.databaseUrl, empty, log);
    const jwtSecret = process.env['JWT_SECRET'] ?? localSecret(stack.dataDir);
    build(log);

    const apiPort = await preferredPort(options.mode === 'persistent' ? 3000 : 0);
    const webPort = await preferredPort(options.mode === 'persistent' ? 4200 : 0);
    const webUrl = `http://localhost:${webPort}`;
    const apiUrl = `http://localhost:${apiPort}/api`;
    const env = {
      ...process.env,
      NODE_ENV: options.mode === 'persistent' ? 'development' : 'test',
      API_PORT: String(apiPort),
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      PUBLIC_WEB_URL: webUrl,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? (options.mode === 'persistent' ? 'info' : 'warn'),
      // `npm start` is read by a person: one short line per request (JSON stays the default elsewhere).
      LOG_FORMAT: process.env['LOG_FORMAT'] ?? (options.mode === 'persistent' ? 'pretty' : 'json'),
      // Without a mail server the worker writes each mail (links included) to a file here, never to its log.
      ...(process.env['SMTP_URL'] ? {} : { MAIL_OUTBOX_DIR: process.env['MAIL_OUTBOX_DIR'] ?? join(stack.dataDir, 'mail') }),
    };
    for (const app of ['api', 'worker']) {
      processes.push(
        startProcess(app, process.execPath, ['--enable-source-maps', join('dist/apps', app, 'main.js')], {
          cwd: WORKSPACE_ROOT,
          env,
          onLine: log,
          onExit: (code) => options.onCrash(app, code),
        }),
      );
    }
    web = await serveWeb({ dir: join(WORKSPACE_ROOT, 'dist/apps/web/browser'), apiUrl: `http://127.0.0.1:${apiPort}`, port: webPort });
    await waitForOk(`${webUrl}/api/health`, 60_000);
    return { webUrl, apiUrl, databaseUrl: stack.databaseUrl, redisUrl: stack.redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function migrateAndSeed(databaseUrl: string, empty: boolean, log: (line: string) => void): Promise<void> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  try {
    const ran = await runMigrations(dataSource);
    if (ran.length) log(`Applied migrations: ${ran.join(', ')}`);
    if (empty) {
      // Only the operator (the demo one, so its password is known); organisations are created in the browser.
      if (process.env['NODE_ENV'] === 'production') throw new Error('The demo operator is never created with NODE_ENV=production');
      const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
      await dataSource.transaction((manager) => upsertPlatformOperator(manager, { ...DEMO_OPERATOR, passwordHash }));
      log('Empty platform: only the operator account');
      return;
    }
    await seedDemoData(dataSource);
    log('Demo data in place');
  } finally {
    await dataSource.destroy();
  }
}

/** Builds api, worker and web; Nx's cache makes this a no-op when nothing changed. */
function build(log: (line: string) => void): void {
  log('Building api, worker and web (cached when unchanged)…');
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static'], {
    cwd: WORKSPACE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The conventional port when it is free (so URLs stay familiar), any free port otherwise. */
async function preferredPort(preferred: number): Promise<number> {
  if (preferred === 0) return freePort();
  const { createServer } = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(preferred, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? preferred : freePort();
}

const redact = (url: string) => url.replace(/\/\/([^:/@]*):[^@]+@/, '//$1:***@');

/** A signing secret kept with the local data, so sessions survive an `npm start` restart. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
