import Redis from 'ioredis';
import type { AppConfig } from '@incubator/api/config';

/** The subset of connection options both ioredis and BullMQ accept. */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  maxRetriesPerRequest: null;
  /** Under Sentinel: whom to ask for the primary, and its name there (host and port are then unused). */
  sentinels?: Array<{ host: string; port: number }>;
  name?: string;
  sentinelPassword?: string;
  /** Under Sentinel, a demoted primary still accepting connections answers READONLY: reconnect to ask again. */
  reconnectOnError?: (error: Error) => boolean | 1 | 2;
}

/** What every Redis connection of the api and the worker is built from. */
export type RedisConfig = Pick<AppConfig, 'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_MASTER' | 'REDIS_SENTINEL_PASSWORD'>;

/**
 * ioredis options from a redis:// or rediss:// URL. `maxRetriesPerRequest: null` is what BullMQ
 * workers require: commands wait for Redis to come back instead of failing after a few retries.
 */
export function redisConnectionOptions(redisUrl: string): RedisConnectionOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * The connection options of every ioredis and BullMQ client: REDIS_URL alone, or with REDIS_SENTINELS the
 * primary the Sentinels name (`sentinel get-master-addr-by-name`), asked again on every reconnect — so after
 * a failover each process finds the promoted replica by itself. REDIS_URL then still gives the password,
 * user, database and TLS of the primary. A bare URL string is REDIS_URL without Sentinels.
 */
export function redisConnection(config: RedisConfig | string): RedisConnectionOptions {
  if (typeof config === 'string') return redisConnectionOptions(config);
  const options = redisConnectionOptions(config.REDIS_URL);
  if (!config.REDIS_SENTINELS) return options;
  return {
    ...options,
    sentinels: parseSentinels(config.REDIS_SENTINELS),
    name: config.REDIS_SENTINEL_MASTER,
    sentinelPassword: config.REDIS_SENTINEL_PASSWORD,
    reconnectOnError: (error) => (error.message.startsWith('READONLY') ? 2 : false),
  };
}

/** `host:port,host:port` (validated by AppConfig) as ioredis takes it. */
export function parseSentinels(list: string): Array<{ host: string; port: number }> {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.lastIndexOf(':');
      return { host: entry.slice(0, colon), port: Number(entry.slice(colon + 1)) };
    });
}

/**
 * A connection for request-path counters (sign-in throttle, rate limits): it never queues a command
 * while Redis is down, so the caller answers 503 at once instead of hanging. Without an offline queue
 * a command sent before the first connect (and AUTH) completes fails too, so callers await `ready`
 * at module init: bounded by `waitMs`, and never fatal — a Redis that is down at start-up is the
 * same outage as one that goes down later.
 */
export function failFastRedis(config: RedisConfig | string, waitMs = 5_000): { redis: Redis; ready: () => Promise<void> } {
  const redis = new Redis({ ...redisConnection(config), maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined); // surfaced as 503 by the commands that fail
  const ready = () =>
    redis.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            redis.off('ready', done);
            resolve();
          };
          const timer = setTimeout(done, waitMs);
          redis.once('ready', done);
        });
  return { redis, ready };
}
