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

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig(valid))).toBe(true);
  });
});
