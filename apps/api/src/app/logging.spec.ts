import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { loadConfig } from '@incubator/api/config';
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
});
