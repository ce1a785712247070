import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { isAlive, releaseOnExit, stopOnExit } from '../stack/exit-guard';
import { freePort } from '../stack/free-port';
import { postgresAccount } from '../stack/postgres-access';
import { stopStaleServer, untilExited } from '../stack/stale-process';

export interface RunningPgBouncer {
  /** DATABASE_URL through the pooler (same user, password and database as the server's URL). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  /** Where its configuration, pid file and log live. */
  dir: string;
  /** The PostgreSQL it pools, as a postgres:// URL with user and password. */
  serverUrl: string;
  /** Server connections per database and user; 1 makes every client share one (the strictest test). */
  poolSize: number;
  /** A fixed port (a restart on the same address); a free one otherwise. */
  port?: number;
  log?: (line: string) => void;
}

export class MissingPgBouncerError extends Error {
  constructor() {
    super('pgbouncer was not found on the PATH. Install it: `sudo apt-get install -y pgbouncer` (Debian/Ubuntu) or `brew install pgbouncer` (macOS).');
    this.name = 'MissingPgBouncerError';
  }
}

/**
 * Debian's PgBouncer in TRANSACTION pooling in front of a PostgreSQL, as a managed database's pooler runs:
 * each transaction may get another server connection, so any session state (a named prepared statement,
 * a session advisory lock, a SET without LOCAL, LISTEN) leaks to another client or goes missing.
 * PgBouncer refuses to run as root: as root it runs as the `postgres` user, like the server.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<RunningPgBouncer> {
  if (spawnSync('pgbouncer', ['--version']).error) throw new MissingPgBouncerError();
  const runAs = postgresAccount();
  mkdirSync(options.dir, { recursive: true, mode: 0o755 });
  const pidFile = join(options.dir, 'pgbouncer.pid');
  await stopStaleServer(pidFile, 'pgbouncer', 'SIGTERM');

  const server = new URL(options.serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = options.port ?? (await freePort());
  const userlist = join(options.dir, 'userlist.txt');
  const config = join(options.dir, 'pgbouncer.ini');
  writeFileSync(userlist, `"${user}" "${password}"\n`, { mode: 0o600 });
  writeFileSync(
    config,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${userlist}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize}`,
      'max_client_conn = 500',
      // pg sends extra_float_digits on connect; PgBouncer must let it through to pool at all.
      'ignore_startup_parameters = extra_float_digits',
      `pidfile = ${pidFile}`,
      'admin_users =',
      'server_login_retry = 1',
      'query_wait_timeout = 30',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  if (runAs) for (const file of [options.dir, userlist, config]) chownSync(file, runAs.uid, runAs.gid);

  const child = spawn('pgbouncer', [config], { cwd: options.dir, stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) });
  stopOnExit(child.pid, 'SIGTERM');
  let output = '';
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    options.log?.(chunk.toString().trim());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const early = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`pgbouncer could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`pgbouncer exited with code ${code} before it listened:\n${output}`)));
  });
  await Promise.race([listening(port, 15_000), early]);

  const url = new URL(options.serverUrl);
  url.port = String(port);
  url.hostname = '127.0.0.1';
  return {
    url: url.toString(),
    port,
    async stop() {
      if (child.pid && isAlive(child.pid)) {
        child.kill('SIGTERM'); // immediate shutdown (SIGINT would wait for clients)
        await Promise.race([exited, untilExited(child.pid, 10_000)]);
      }
      releaseOnExit(child.pid);
    },
  };
}

async function listening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pgbouncer did not listen on port ${port} within ${timeoutMs} ms`);
}
