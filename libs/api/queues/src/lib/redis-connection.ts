import Redis from 'ioredis';

/** The subset of connection options both ioredis and BullMQ accept. */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  maxRetriesPerRequest: null;
}

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
 * A connection for request-path counters (sign-in throttle, rate limits): it never queues a command
 * while Redis is down, so the caller answers 503 at once instead of hanging. Without an offline queue
 * a command sent before the first connect (and AUTH) completes fails too, so callers await `ready`
 * at module init: bounded by `waitMs`, and never fatal — a Redis that is down at start-up is the
 * same outage as one that goes down later.
 */
export function failFastRedis(redisUrl: string, waitMs = 5_000): { redis: Redis; ready: () => Promise<void> } {
  const redis = new Redis({ ...redisConnectionOptions(redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false });
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
