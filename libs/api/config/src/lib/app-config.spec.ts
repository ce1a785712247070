import { ConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://app:secret@localhost:5432/app',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'a-test-secret-of-at-least-32-characters!',
};

describe('loadConfig', () => {
  it('reads a valid environment and applies defaults', () => {
    const config = loadConfig({ ...valid, API_PORT: '4100' });
    expect(config.API_PORT).toBe(4100);
    expect(config.DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(config.NODE_ENV).toBe('development');
    expect(config.WORKER_CONCURRENCY).toBe(4);
    expect(config.API_PROCESSES).toBe(1);
  });

  it('names every missing variable and what it expects', () => {
    expect.assertions(4);
    try {
      loadConfig({});
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(error).toBeInstanceOf(ConfigError);
      expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL \(missing\)/);
      expect(message).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL \(missing\)/);
      expect(message).toMatch(/JWT_SECRET must be longer than or equal to 32 characters; must be a string \(missing\)/);
    }
  });

  it('refuses a port that is not a number in range, quoting the bad value', () => {
    expect(() => loadConfig({ ...valid, API_PORT: 'eighty' })).toThrow(/API_PORT .*\(got "eighty"\)/);
    expect(() => loadConfig({ ...valid, API_PORT: '70000' })).toThrow(/API_PORT must not be greater than 65535/);
  });

  it('reads API_PROCESSES and refuses none or a fraction', () => {
    expect(loadConfig({ ...valid, API_PROCESSES: '2' }).API_PROCESSES).toBe(2);
    expect(() => loadConfig({ ...valid, API_PROCESSES: '0' })).toThrow(/API_PROCESSES must not be less than 1/);
    expect(() => loadConfig({ ...valid, API_PROCESSES: '1.5' })).toThrow(/API_PROCESSES .*\(got "1.5"\)/);
  });

  it('refuses an unknown NODE_ENV and a malformed cron', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ ...valid, HEARTBEAT_CRON: 'often' })).toThrow(/HEARTBEAT_CRON must be a cron/);
  });

  it('refuses a short JWT secret and a non-SMTP mail URL, and accepts no mail URL at all', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be longer/);
    expect(() => loadConfig({ ...valid, SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must be an smtp/);
    expect(loadConfig(valid).SMTP_URL).toBeUndefined();
  });

  describe('mail transport', () => {
    const production = { ...valid, NODE_ENV: 'production' };

    it('refuses to start in production without SMTP_URL: mail would go nowhere (or to the log)', () => {
      expect(() => loadConfig(production)).toThrow(/SMTP_URL is required in production/);
      expect(() => loadConfig({ ...production, SMTP_URL: '' })).toThrow(/SMTP_URL is required in production/);
    });

    it('refuses the log transport in production, even with an SMTP_URL', () => {
      expect(() => loadConfig({ ...production, MAIL_TRANSPORT: 'log', SMTP_URL: 'smtp://mail:587' })).toThrow(
        /MAIL_TRANSPORT must not be "log" in production/,
      );
    });

    it('sends through SMTP in production when SMTP_URL is set', () => {
      expect(loadConfig({ ...production, SMTP_URL: 'smtp://mail:587' }).MAIL_TRANSPORT).toBe('smtp');
    });

    it('logs mail in development and tests without SMTP_URL, or when asked explicitly', () => {
      expect(loadConfig(valid).MAIL_TRANSPORT).toBe('log');
      expect(loadConfig({ ...valid, NODE_ENV: 'test', MAIL_TRANSPORT: 'log', SMTP_URL: 'smtp://mail:587' }).MAIL_TRANSPORT).toBe('log');
      expect(loadConfig({ ...valid, SMTP_URL: 'smtp://mail:587' }).MAIL_TRANSPORT).toBe('smtp');
    });

    it('refuses an SMTP transport without its URL and an unknown transport', () => {
      expect(() => loadConfig({ ...valid, MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL is required when MAIL_TRANSPORT is smtp/);
      expect(() => loadConfig({ ...valid, MAIL_TRANSPORT: 'pigeon' })).toThrow(/MAIL_TRANSPORT must be one of the following values: smtp, log/);
    });
  });

  describe('error messages never print a secret', () => {
    const problemsOf = (env: NodeJS.ProcessEnv): string => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).message;
      }
      throw new Error('expected a ConfigError');
    };

    it('names a bad JWT_SECRET without quoting it', () => {
      const message = problemsOf({ ...valid, JWT_SECRET: 'hunter2-short' });
      expect(message).toMatch(/JWT_SECRET must be longer than or equal to 32 characters/);
      expect(message).toMatch(/JWT_SECRET .*\(value not shown: 13 characters\)/);
      expect(message).not.toContain('hunter2');
    });

    it('names a bad DATABASE_URL, REDIS_URL or SMTP_URL without their passwords', () => {
      const message = problemsOf({
        ...valid,
        DATABASE_URL: 'mysql://app:db-pa55word@db/app',
        REDIS_URL: 'http://:redis-pa55word@redis',
        SMTP_URL: 'http://mailer:smtp-pa55word@mail',
      });
      expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL \(value not shown/);
      expect(message).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL \(value not shown/);
      expect(message).toMatch(/SMTP_URL must be an smtp/);
      expect(message).not.toMatch(/pa55word/);
    });

    it('still quotes values that hold no secret, which helps the operator', () => {
      expect(problemsOf({ ...valid, LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL .*\(got "loud"\)/);
    });
  });

  describe('deployments behind a pooler and Sentinel', () => {
    it('reads the Sentinels, the master name, their password, the pooling mode and the migrations URL', () => {
      const config = loadConfig({
        ...valid,
        REDIS_SENTINELS: 'sentinel-1:26379, sentinel-2:26380,10.0.0.3:26379',
        REDIS_SENTINEL_MASTER: 'incubator',
        REDIS_SENTINEL_PASSWORD: 'sentinel-pa55word',
        DATABASE_POOLING: 'transaction',
        DATABASE_MIGRATION_URL: 'postgres://owner:pw@postgres:5432/app',
      });
      expect(config.REDIS_SENTINELS).toBe('sentinel-1:26379, sentinel-2:26380,10.0.0.3:26379');
      expect(config.REDIS_SENTINEL_MASTER).toBe('incubator');
      expect(config.REDIS_SENTINEL_PASSWORD).toBe('sentinel-pa55word');
      expect(config.DATABASE_POOLING).toBe('transaction');
      expect(config.DATABASE_MIGRATION_URL).toBe('postgres://owner:pw@postgres:5432/app');
    });

    it('defaults to a direct connection and the conventional master name', () => {
      const config = loadConfig(valid);
      expect(config.DATABASE_POOLING).toBe('none');
      expect(config.REDIS_SENTINELS).toBeUndefined();
      expect(config.REDIS_SENTINEL_MASTER).toBe('mymaster');
    });

    it('names a malformed Sentinel list, pooling mode or migrations URL, and never shows the Sentinel password', () => {
      let message = '';
      try {
        loadConfig({
        ...valid,
        REDIS_SENTINELS: 'sentinel-1,sentinel-2:26379',
        DATABASE_POOLING: 'statement',
        DATABASE_MIGRATION_URL: 'mysql://owner:owner-pa55word@db/app',
          REDIS_SENTINEL_PASSWORD: 'x'.repeat(501),
        });
      } catch (error) {
        message = (error as ConfigError).message;
      }
      expect(message).toMatch(/REDIS_SENTINELS must be host:port pairs separated by commas \(got "sentinel-1,sentinel-2:26379"\)/);
      expect(message).toMatch(/DATABASE_POOLING must be one of the following values: none, session, transaction/);
      expect(message).toMatch(/DATABASE_MIGRATION_URL must be a postgres:\/\/ URL \(value not shown/);
      expect(message).toMatch(/REDIS_SENTINEL_PASSWORD .*\(value not shown/);
      expect(message).not.toMatch(/pa55word|xxxxx/);
    });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig(valid))).toBe(true);
  });
});
