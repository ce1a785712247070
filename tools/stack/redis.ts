import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { releaseOnExit, stopOnExit } from './exit-guard';
import { stopStaleServer } from './stale-process';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

export class MissingRedisError extends Error {
  constructor() {
    super(
      'redis-server was not found on the PATH. Install it: `sudo apt-get install -y redis-server` (Debian/Ubuntu) ' +
        'or `brew install redis` (macOS), or set REDIS_URL to a running Redis.',
    );
    this.name = 'MissingRedisError';
  }
}

/**
 * Starts `redis-server` from the PATH on a free port, with its own directory and an append-only file
 * so queued jobs survive a restart, and `noeviction` as BullMQ requires. Like a deployed Redis, it asks
 * for a password (kept in the directory, so a restart on the same directory keeps the same URL); the
 * password is in a config file readable by this user only, not on the command line that `ps` shows.
 */
export async function startRedis(options: { dir: string; log: (line: string) => void; port?: number }): Promise<RunningRedis> {
  if (spawnSync('redis-server', ['--version']).error) throw new MissingRedisError();
  mkdirSync(options.dir, { recursive: true });
  const pidFile = join(options.dir, 'redis.pid');
  await stopStaleServer(pidFile, 'redis-server', 'SIGTERM');

  const port = options.port ?? (await freePort());
  const password = localPassword(options.dir);
  const configFile = join(options.dir, 'redis.conf');
  writeFileSync(configFile, `requirepass ${password}\n`, { mode: 0o600 });
  const child = spawn(
    'redis-server',
    [
      configFile,
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--dir', options.dir,
      '--pidfile', pidFile,
      '--appendonly', 'yes',
      '--save', '',
      '--maxmemory-policy', 'noeviction',
      '--daemonize', 'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  stopOnExit(child.pid);

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      options.log(chunk.toString().trim());
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => reject(new Error(`redis-server could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} before it was ready:\n${output}`)));
  });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      releaseOnExit(child.pid);
    },
  };
}

function localPassword(dir: string): string {
  const file = join(dir, 'password');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
