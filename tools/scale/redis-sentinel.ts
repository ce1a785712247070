import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { isAlive, releaseOnExit, stopOnExit } from '../stack/exit-guard';
import { untilExited } from '../stack/stale-process';

/** One redis-server or redis-sentinel of the tier, on a fixed port so it can be restarted in place. */
export interface RedisNode {
  name: string;
  port: number;
  pid(): number | undefined;
  /** SIGKILL: a crash, no chance to hand over. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class MissingSentinelError extends Error {
  constructor() {
    super('redis-sentinel was not found on the PATH. Install it: `sudo apt-get install -y redis-sentinel redis-server` (Debian/Ubuntu).');
    this.name = 'MissingSentinelError';
  }
}

export interface ReplicatedRedisOptions {
  dir: string;
  ports: { primary: number; replica: number; sentinels: [number, number, number] };
  /** Every data node asks for it, and uses it to replicate (`masterauth`): any of them may be promoted. */
  password: string;
  sentinelPassword: string;
  masterName: string;
  log: (line: string) => void;
}

export interface ReplicatedRedis {
  primary: RedisNode;
  replica: RedisNode;
  sentinels: RedisNode[];
  /** REDIS_SENTINELS for the processes. */
  sentinelList: string;
  /** The primary the Sentinels name now (host:port). */
  currentPrimary(): Promise<string | undefined>;
  stop(): Promise<void>;
}

/**
 * A Redis primary, one replica and three Sentinels (quorum 2) on this machine, from Debian's redis-server and
 * redis-sentinel, as a Redis with automatic failover runs in production. Each node keeps its config file (the
 * Sentinels rewrite theirs) and data directory, so a killed node restarts where it was; a restarted former
 * primary is turned into a replica of the promoted one by the Sentinels.
 */
export async function startReplicatedRedis(options: ReplicatedRedisOptions): Promise<ReplicatedRedis> {
  if (spawnSync('redis-sentinel', ['--version']).error) throw new MissingSentinelError();
  const dataNode = (name: string, port: number, replicaOf?: number) => {
    const dir = join(options.dir, name);
    mkdirSync(dir, { recursive: true });
    const config = join(dir, 'redis.conf');
    writeFileSync(
      config,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `requirepass ${options.password}`,
        `masterauth ${options.password}`,
        'appendonly yes',
        'appendfsync everysec',
        'save ""',
        'maxmemory-policy noeviction',
        ...(replicaOf ? [`replicaof 127.0.0.1 ${replicaOf}`] : []),
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    return managedNode(name, port, 'redis-server', [config], 'Ready to accept connections', options.log);
  };
  const sentinel = (index: number, port: number) => {
    const dir = join(options.dir, `sentinel-${index}`);
    mkdirSync(dir, { recursive: true });
    const config = join(dir, 'sentinel.conf');
    writeFileSync(
      config,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `requirepass ${options.sentinelPassword}`,
        `sentinel sentinel-pass ${options.sentinelPassword}`,
        `sentinel monitor ${options.masterName} 127.0.0.1 ${options.ports.primary} 2`,
        `sentinel auth-pass ${options.masterName} ${options.password}`,
        `sentinel down-after-milliseconds ${options.masterName} 1000`,
        `sentinel failover-timeout ${options.masterName} 5000`,
        `sentinel parallel-syncs ${options.masterName} 1`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    return managedNode(`sentinel-${index}`, port, 'redis-sentinel', [config], 'Sentinel ID is', options.log);
  };

  const primary = dataNode('redis-a', options.ports.primary);
  const replica = dataNode('redis-b', options.ports.replica, options.ports.primary);
  const sentinels = options.ports.sentinels.map((port, i) => sentinel(i + 1, port));
  const all = [primary, replica, ...sentinels];
  const stop = async () => {
    for (const node of [...all].reverse()) await node.stop();
  };
  try {
    for (const node of all) await node.start();
    const result: ReplicatedRedis = {
      primary,
      replica,
      sentinels,
      sentinelList: options.ports.sentinels.map((port) => `127.0.0.1:${port}`).join(','),
      currentPrimary: () => askSentinels(options.ports.sentinels, options.sentinelPassword, options.masterName),
      stop,
    };
    await until(async () => (await result.currentPrimary()) === `127.0.0.1:${options.ports.primary}` && (await replicaInSync(options.ports.replica, options.password)), 20_000, 'Sentinels to see the primary and the replica to sync');
    return result;
  } catch (error) {
    await stop();
    throw error;
  }
}

async function askSentinels(ports: number[], password: string, masterName: string): Promise<string | undefined> {
  for (const port of ports) {
    const client = new Redis({ host: '127.0.0.1', port, password, lazyConnect: true, retryStrategy: () => null, connectTimeout: 1_000, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const address = (await client.call('SENTINEL', 'get-master-addr-by-name', masterName)) as [string, string] | null;
      if (address) return `${address[0]}:${address[1]}`;
    } catch {
      // this Sentinel is down: ask the next
    } finally {
      client.disconnect();
    }
  }
  return undefined;
}

async function replicaInSync(port: number, password: string): Promise<boolean> {
  const client = new Redis({ host: '127.0.0.1', port, password, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return /master_link_status:up/.test(await client.info('replication'));
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function managedNode(name: string, port: number, command: string, args: string[], readyLine: string, log: (line: string) => void): RedisNode {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const alive = () => !!child?.pid && child.exitCode === null && child.signalCode === null;
  return {
    name,
    port,
    pid: () => child?.pid,
    async start() {
      if (alive()) return;
      const started = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      stopOnExit(started.pid, 'SIGKILL');
      exited = new Promise((resolve) =>
        started.once('exit', () => {
          releaseOnExit(started.pid);
          resolve();
        }),
      );
      await new Promise<void>((resolve, reject) => {
        let output = '';
        const onData = (chunk: Buffer) => {
          output = (output + chunk.toString()).slice(-4_000);
          for (const line of chunk.toString().trim().split('\n')) log(`[${name}] ${line}`);
          if (output.includes(readyLine)) resolve();
        };
        started.stdout!.on('data', onData);
        started.stderr!.on('data', onData);
        started.once('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
        started.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before it was ready:\n${output}`)));
      });
    },
    async kill() {
      if (!alive()) return;
      child!.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!alive()) return;
      child!.kill('SIGTERM');
      await Promise.race([exited, untilExited(child!.pid!, 10_000)]);
      if (child?.pid && isAlive(child.pid)) child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function until<T>(probe: () => Promise<T | false | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
