import { Logger, LoggerService } from '@nestjs/common';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@incubator/api/config';
import type { AppConfig } from '@incubator/api/config';
import type { MailJobPayload } from '@incubator/contracts';
import { MailSendJob } from './mail-send.job';
import { MailTransport } from './mail-transport';

const TOKEN = 'Zk3q-SECRET-TOKEN_of_43_characters_xxxxxxxx';

/** An invitation as identity renders it: the link in the body carries the token. */
const invitation: MailJobPayload = {
  to: 'new.member@example.test',
  subject: 'Invitation to join Demo',
  template: 'invitation',
  text: `Hello,\n\nTo accept, open this link:\nhttp://web.test/invitation#token=${TOKEN}\n`,
  html: `<a href="http://web.test/invitation#token=${TOKEN}">accept</a>`,
};

const context = { id: '7', timestamp: Date.now(), attemptsMade: 0 };

/** The job as the worker builds it, and its transport (closed as the worker does at shutdown). */
function sender(config: AppConfig): { job: MailSendJob; transport: MailTransport } {
  const transport = new MailTransport(config);
  return { job: new MailSendJob(config, transport), transport };
}

const baseEnv = {
  DATABASE_URL: 'postgres://app:secret@localhost:5432/app',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'a-test-secret-of-at-least-32-characters!',
};

/** Every line any Nest logger writes while the test runs, as JSON. */
function captureLogs(): string[] {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(JSON.stringify(args));
  const logger: LoggerService = { log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture };
  Logger.overrideLogger(logger);
  return lines;
}

describe('MailSendJob', () => {
  let lines: string[];
  beforeEach(() => (lines = captureLogs()));
  afterEach(() => Logger.overrideLogger(false));

  it('in log mode writes recipient, subject and template, never the body or its link', async () => {
    const { job, transport } = sender(loadConfig({ ...baseEnv, MAIL_TRANSPORT: 'log' }));
    await job.handle(invitation, context);
    transport.onModuleDestroy();

    const all = lines.join('\n');
    expect(all).toContain('new.member@example.test');
    expect(all).toContain('Invitation to join Demo');
    expect(all).toContain('invitation');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('To accept');
  });

  it('in log mode with an outbox writes the whole mail to a private file there, and still not to the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const { job } = sender(loadConfig({ ...baseEnv, MAIL_TRANSPORT: 'log', MAIL_OUTBOX_DIR: join(dir, 'mail') }));
      await job.handle(invitation, context);
      const [file] = readdirSync(join(dir, 'mail'));
      expect(file).toMatch(/-invitation-7\.eml$/);
      const mail = readFileSync(join(dir, 'mail', file), 'utf8');
      expect(mail).toContain('To: new.member@example.test');
      expect(mail).toContain(`#token=${TOKEN}`);
      expect(statSync(join(dir, 'mail', file)).mode & 0o077).toBe(0);
      expect(lines.join('\n')).not.toContain(TOKEN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an outbox in production', () => {
    expect(() => loadConfig({ ...baseEnv, NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25', MAIL_OUTBOX_DIR: '/tmp/mail' })).toThrow(/MAIL_OUTBOX_DIR/);
  });

  it('through SMTP delivers the whole mail and logs no part of its body', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = server.server.address() as { port: number };
      const { job, transport } = sender(loadConfig({ ...baseEnv, SMTP_URL: `smtp://127.0.0.1:${port}` }));
      await job.handle(invitation, context);
      transport.onModuleDestroy();

      expect(received.join('').replace(/=\r?\n/g, '')).toContain(TOKEN.slice(0, 20));
      expect(lines.join('\n')).not.toContain(TOKEN);
      expect(lines.join('\n')).toContain('mail sent');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
