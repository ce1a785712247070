import { failFastRedis } from './redis-connection';

/**
 * The sign-in throttle and the rate limits answered 503 to the first requests after start-up on a busy
 * machine: without an offline queue, a command sent while the connection (and its AUTH) is still
 * opening fails at once. Their modules now await `ready()` at init.
 */
describe('failFastRedis (real Redis)', () => {
  it('fails a command sent while connecting, and serves once ready', async () => {
    const { redis, ready } = failFastRedis(process.env['REDIS_URL'] as string);
    try {
      await expect(redis.ping()).rejects.toThrow(/enableOfflineQueue|writeable/);
      await ready();
      await expect(redis.ping()).resolves.toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });

  it('does not wait longer than asked for a Redis that is down, and then fails fast', async () => {
    const { redis, ready } = failFastRedis('redis://127.0.0.1:1', 300);
    try {
      await ready(); // resolves (after 300 ms) although Redis never answers: start-up goes on
      expect(redis.status).not.toBe('ready');
      await expect(redis.ping()).rejects.toThrow();
    } finally {
      redis.disconnect();
    }
  });
});
