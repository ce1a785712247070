import { redisConnectionOptions } from './redis-connection';

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
