import { redisConnection, redisConnectionOptions } from './redis-connection';

describe('redisConnectionOptions', () => {
  it('reads host, port, credentials and database from the URL', () => {
    expect(redisConnectionOptions('redis://user:p%40ss@cache.internal:6380/2')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: undefined,
      maxRetriesPerRequest: null,
    });
  });

  it('defaults the port and database, and enables TLS for rediss://', () => {
    const options = redisConnectionOptions('rediss://cache.example.com');
    expect(options.port).toBe(6379);
    expect(options.db).toBe(0);
    expect(options.tls).toEqual({});
  });
});

describe('redisConnection', () => {
  const base = { REDIS_URL: 'redis://:p%40ss@ignored-host:6379/3', REDIS_SENTINEL_MASTER: 'incubator' };

  it('is the URL alone without Sentinels', () => {
    const options = redisConnection({ ...base, REDIS_SENTINELS: undefined, REDIS_SENTINEL_PASSWORD: undefined });
    expect(options).toEqual(redisConnectionOptions(base.REDIS_URL));
    expect(options.sentinels).toBeUndefined();
  });

  it('asks the Sentinels for the named primary, with the URL’s password and database, and reconnects on READONLY', () => {
    const options = redisConnection({ ...base, REDIS_SENTINELS: 's1:26379, 10.0.0.2:26380', REDIS_SENTINEL_PASSWORD: 'sentinel-secret' });
    expect(options).toMatchObject({
      sentinels: [
        { host: 's1', port: 26379 },
        { host: '10.0.0.2', port: 26380 },
      ],
      name: 'incubator',
      sentinelPassword: 'sentinel-secret',
      password: 'p@ss',
      db: 3,
      maxRetriesPerRequest: null,
    });
    expect(options.reconnectOnError?.(new Error('READONLY You can’t write against a read only replica.'))).toBe(2);
    expect(options.reconnectOnError?.(new Error('ERR something else'))).toBe(false);
  });
});
