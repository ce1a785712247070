import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { QueueName } from '@incubator/contracts';
import { redisConnectionOptions } from '@incubator/api/queues';
import { isAlive } from '../../stack/exit-guard';
import { freePort } from '../../stack/free-port';
import { WORKSPACE_ROOT } from '../../stack/local-stack';

/**
 * Fault tolerance with real processes: the built API and worker against a PostgreSQL and a Redis that this test stops and restarts on the same port and
 * data directory, and the API served from two processes. What each test proves is in its name; see also the report-run integration test,
 * which SIGKILLs a worker mid-report and checks the run completes once.
 */
/** The built api or worker (`nx build`, cached when unchanged), as production runs them. */
function spawnApp(app: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join('dist/apps', app, 'main.js')], { cwd: WORKSPACE_ROOT, env, stdio: 'ignore' });
}

async function until<T>(probe: () => Promise<T | false | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}


/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** The servers' remote control (tools/test/faults/servers.ts in its own process). */
function serverControl(dir: string) {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/test/faults/servers.ts', dir], { cwd: WORKSPACE_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const replies: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  createInterface({ input: child.stdout }).on('line', (line) => replies.shift()?.resolve(line));
  // A remote control that died (a server that cannot start, a crash) answers nothing: fail now, with its
  // last words, rather than when the test times out minutes later.
  child.once('exit', (code, signal) => {
    for (const reply of replies.splice(0)) reply.reject(new Error(`the servers' process exited (${code ?? signal}):\n${stderr}`));
  });
  const send = (command: string) =>
    new Promise<{ databaseUrl: string; redisUrl: string }>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`the servers' process has exited:\n${stderr}`));
      replies.push({
        resolve: (line) => {
          const reply = JSON.parse(line);
          if (reply.ok) resolve(reply);
          else reject(new Error(reply.error));
        },
        reject,
      });
      child.stdin!.write(`${command}\n`);
    });
  return { send, kill: () => child.kill('SIGKILL') };
}

describe('faults: PostgreSQL and Redis restart under a running API and worker', () => {
  let dir: string;
  let servers: ReturnType<typeof serverControl>;
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let apiUrl: string;
  let env: NodeJS.ProcessEnv;
  let headers: Record<string, string>;
  /** The heartbeats are the platform's: only the platform operator requests them. */
  let operatorHeaders: Record<string, string>;

  const status = async (path: string) => (await fetch(`${apiUrl}${path}`, { headers })).status;

  beforeAll(async () => {
    execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', '--output-style=static'], { cwd: WORKSPACE_ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });
    dir = mkdtempSync(join(tmpdir(), 'incubator-faults-'));
    chmodSync(dir, 0o755);
    servers = serverControl(dir);
    const { databaseUrl, redisUrl } = await servers.send('start');
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}/api`;
    env = {
      ...process.env,
      NODE_ENV: 'test',
      TZ: 'UTC',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      API_PORT: String(apiPort),
      LOG_LEVEL: 'silent',
    };
    for (const command of ['migrate', 'seed']) {
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/db/cli.ts', command], { cwd: WORKSPACE_ROOT, env, stdio: 'ignore' });
    }
    api = spawnApp('api', env);
    await until(async () => (await fetch(`${apiUrl}/health`)).status === 200, 120_000, 'the API to be healthy');
    const login = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.test', password: 'Demo-2026!' }) });
    headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`, 'Content-Type': 'application/json' };
    const operatorLogin = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'operator@demo.test', password: 'Demo-2026!' }) });
    operatorHeaders = { authorization: `Bearer ${((await operatorLogin.json()) as { accessToken: string }).accessToken}`, 'Content-Type': 'application/json' };
  }, 240_000);

  afterAll(async () => {
    for (const child of [api, worker]) child?.kill('SIGKILL');
    await servers?.send('quit').catch(() => servers.kill());
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps jobs queued across a Redis restart (append-only file), answers 503 on health meanwhile, recovers by itself and runs each job once', async () => {
    // No worker yet: the jobs wait in Redis.
    const jobIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${apiUrl}/system/heartbeats`, { method: 'POST', headers: operatorHeaders });
      expect(response.status).toBe(202);
      jobIds.push(((await response.json()) as { jobId: string }).jobId);
    }

    await servers.send('stop-redis');
    await until(async () => (await status('/health')) === 503, 30_000, 'health to report Redis down');
    // Reads that need only PostgreSQL keep working; a sign-in (throttled in Redis) is refused with a 503, not a 500.
    expect(await status('/startups')).toBe(200);
    const login = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'manager@demo.test', password: 'Demo-2026!' }) });
    expect(login.status).toBe(503);

    await servers.send('start-redis');
    await until(async () => (await status('/health')) === 200, 60_000, 'health to recover after Redis');

    worker = spawnApp('worker', env);
    const db = new Client({ connectionString: env['DATABASE_URL'] });
    await db.connect();
    try {
      await until(async () => (await db.query('SELECT count(*)::int AS n FROM heartbeats WHERE job_id = ANY($1)', [jobIds])).rows[0].n === 5, 120_000, 'the queued heartbeats to run');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await db.query('SELECT count(*)::int AS n FROM heartbeats WHERE job_id = ANY($1)', [jobIds])).rows[0].n).toBe(5);
    } finally {
      await db.end();
    }
    const queue = new Queue(QueueName.System, { connection: redisConnectionOptions(env['REDIS_URL'] as string) }); // the local Redis asks for its password
    try {
      for (const id of jobIds) {
        const job = await queue.getJob(id);
        expect(await job?.getState()).toBe('completed');
        expect(job?.attemptsStarted).toBe(1);
      }
    } finally {
      await queue.close();
    }
  }, 300_000);

  it('answers 503 (not 500) while PostgreSQL restarts, recovers by itself, and loses no committed write', async () => {
    const name = `Fault ${randomUUID().slice(0, 8)}`;
    const created = await fetch(`${apiUrl}/startups`, { method: 'POST', headers, body: JSON.stringify({ legalName: name, country: 'BE', sector: 'ai', stage: 'mvp', teamSize: 2 }) });
    expect(created.status).toBe(201);
    const total = ((await (await fetch(`${apiUrl}/startups?limit=1`, { headers })).json()) as { total: number }).total;

    await servers.send('stop-postgres');
    await until(async () => (await status('/health')) === 503, 30_000, 'health to report PostgreSQL down');
    expect(await status('/startups')).toBe(503);

    await servers.send('start-postgres');
    await until(async () => (await status('/health')) === 200, 60_000, 'health to recover after PostgreSQL');
    const after = (await (await fetch(`${apiUrl}/startups?limit=100&q=${encodeURIComponent(name)}`, { headers })).json()) as { total: number; items: Array<{ legalName: string }> };
    expect(after.items.map((s) => s.legalName)).toEqual([name]);
    expect(((await (await fetch(`${apiUrl}/startups?limit=1`, { headers })).json()) as { total: number }).total).toBe(total);
  }, 300_000);

  it('serves from API_PROCESSES processes on one port; when one dies the others stop and the API exits 1 for its supervisor to restart', async () => {
    const start = async () => {
      const clusterPort = await freePort();
      const primary = spawnApp('api', { ...env, API_PORT: String(clusterPort), API_PROCESSES: '2' });
      await until(async () => (await fetch(`http://127.0.0.1:${clusterPort}/api/health`)).status === 200 && childrenOf(primary.pid as number).length === 2, 120_000, 'two API processes');
      const statuses = await Promise.all(Array.from({ length: 20 }, async () => (await fetch(`http://127.0.0.1:${clusterPort}/api/startups?limit=1`, { headers })).status));
      expect(statuses.every((s) => s === 200)).toBe(true);
      return { primary, children: childrenOf(primary.pid as number) };
    };

    const crashed = await start();
    try {
      const exited = exitOf(crashed.primary);
      process.kill(crashed.children[0], 'SIGKILL');
      expect(await exited).toBe(1);
      await until(async () => !isAlive(crashed.children[1]), 30_000, 'the other API process to stop');
    } finally {
      crashed.primary.kill('SIGKILL');
    }

    // A SIGTERM (a deploy, Ctrl-C) stops every process and exits 0.
    const stopped = await start();
    try {
      const exited = exitOf(stopped.primary);
      stopped.primary.kill('SIGTERM');
      expect(await exited).toBe(0);
      for (const pid of stopped.children) await until(async () => !isAlive(pid), 30_000, `API process ${pid} to stop`);
    } finally {
      stopped.primary.kill('SIGKILL');
    }
  }, 300_000);
});
