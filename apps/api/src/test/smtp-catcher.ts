import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  raw: string;
}

/** A real SMTP server in the test process; the worker delivers to it through nodemailer. */
export async function startSmtpCatcher(): Promise<{ url: string; mails: CaughtMail[]; stop(): Promise<void> }> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Waits for a mail to the address holding a link to the given page (`invitation`, `reset-password`)
 * and returns the link's token (quoted-printable aware).
 */
export async function waitForLinkToken(
  mails: CaughtMail[],
  to: string,
  page: 'invitation' | 'reset-password' = 'invitation',
  timeoutMs = 10_000,
): Promise<{ token: string; raw: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const mail of [...mails].reverse().filter((m) => m.to.includes(to))) {
      const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const token = text.match(new RegExp(`/${page}#token=([A-Za-z0-9_-]{43})`))?.[1];
      if (token) return { token, raw: text };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail with a ${page} link reached ${to}`);
}
