import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
 * so queued jobs survive a restart, and `noeviction` as BullMQ requires.
 */
export async function startRedis(options: { dir: string; log: (line: string) => void; port?: number }): Promise<RunningRedis> {
  if (spawnSync('redis-server', ['--version']).error) throw new MissingRedisError();
  mkdirSync(options.dir, { recursive: true });
  const pidFile = join(options.dir, 'redis.pid');
  await stopStaleServer(pidFile, 'redis-server', 'SIGTERM');

  const port = options.port ?? (await freePort());
  const child = spawn(
    'redis-server',
    [
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
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} before it was ready:\n${output}`)));
  });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      releaseOnExit(child.pid);
    },
  };
}
