import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { loadConfig, logDestination } from '@incubator/api/config';
import { pinoHttpOptions, redactUrl } from './logging';

const TOKEN = 'q9X_secret-invitation-token-of-43-chars-abc';

describe('request logging', () => {
  it('redacts tokens from paths and secret query parameters, and keeps the rest of the URL', () => {
    expect(redactUrl(`/api/auth/invitations/${TOKEN}`)).toBe('/api/auth/invitations/[REDACTED]');
    expect(redactUrl(`/invitation?token=${TOKEN}&lang=fr`)).toBe('/invitation?token=[REDACTED]&lang=fr');
    expect(redactUrl(`/x?refreshToken=${TOKEN}&code=123456`)).toBe('/x?refreshToken=[REDACTED]&code=[REDACTED]');
    expect(redactUrl('/api/startups?limit=20&offset=40')).toBe('/api/startups?limit=20&offset=40');
    expect(redactUrl('/api/startups/0b9f3c1e-8d2a-4c55-9a51-3f1d2e4b5a6c')).toBe('/api/startups/0b9f3c1e-8d2a-4c55-9a51-3f1d2e4b5a6c');
  });

  describe('through pino-http', () => {
    let server: Server;
    let url: string;
    const lines: string[] = [];

    beforeAll(async () => {
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      });
      const config = loadConfig({
        DATABASE_URL: 'postgres://app:secret@localhost:5432/app',
        REDIS_URL: 'redis://localhost:6379',
        JWT_SECRET: 'a-test-secret-of-at-least-32-characters!',
      });
      const log = pinoHttp(pinoHttpOptions(config), stream);
      server = createServer((request, response) => {
        log(request, response);
        response.statusCode = 404;
        response.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('never writes an invitation or reset token that a client put in a URL', async () => {
      await fetch(`${url}/api/auth/invitations/${TOKEN}`, { headers: { authorization: 'Bearer abc', cookie: 'incubator_refresh=xyz' } });
      await fetch(`${url}/reset-password?token=${TOKEN}`);
      // pino writes once the response has finished: give it that tick.
      await new Promise((resolve) => setTimeout(resolve, 50));

      const output = lines.join('');
      expect(output).toContain('/api/auth/invitations/[REDACTED]');
      expect(output).toContain('/reset-password?token=[REDACTED]');
      expect(output).not.toContain(TOKEN);
      expect(output).not.toContain('Bearer abc');
      expect(output).not.toContain('xyz');
    });
  });

  describe('in development (LOG_FORMAT=pretty)', () => {
    it('writes one short readable line per request: method, URL, status and time, no headers, no JSON', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
          done();
        },
      });
      const config = loadConfig({
        DATABASE_URL: 'postgres://app:secret@localhost:5432/app',
        REDIS_URL: 'redis://localhost:6379',
        JWT_SECRET: 'a-test-secret-of-at-least-32-characters!',
        LOG_FORMAT: 'pretty',
      });
      const log = pinoHttp(pinoHttpOptions(config), logDestination(config, sink));
      const server = createServer((request, response) => {
        log(request, response);
        response.statusCode = 404;
        response.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      try {
        const port = (server.address() as AddressInfo).port;
        await fetch(`http://127.0.0.1:${port}/api/startups?limit=20`, { headers: { 'user-agent': 'a-browser-of-sorts' } });
        await fetch(`http://127.0.0.1:${port}/reset-password?token=${TOKEN}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }

      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: GET \/api\/startups\?limit=20 404 · \d+ ms$/);
      expect(lines[1]).toContain('/reset-password?token=[REDACTED] 404');
      expect(lines.join('')).not.toContain('a-browser-of-sorts');
      expect(lines.join('')).not.toContain('{');
    });

    it('keeps JSON unless asked', () => {
      const config = loadConfig({ DATABASE_URL: 'postgres://a@b/c', REDIS_URL: 'redis://localhost:6379', JWT_SECRET: 'a-test-secret-of-at-least-32-characters!' });
      expect(config.LOG_FORMAT).toBe('json');
      expect(logDestination(config)).toBeUndefined();
      expect(() => loadConfig({ DATABASE_URL: 'postgres://a@b/c', REDIS_URL: 'redis://localhost:6379', JWT_SECRET: 'a-test-secret-of-at-least-32-characters!', LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT/);
    });
  });
});
