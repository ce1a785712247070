import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The mails to `to` in the outbox the worker writes (global-setup's E2E_MAIL_DIR), newest first,
 * waiting (up to 30 s) until one of them matches `expected` — as a person waits for their mailbox.
 */
export async function mailsTo(to: string, expected: RegExp): Promise<string[]> {
  const dir = process.env['E2E_MAIL_DIR'] as string;
  let mails: string[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort().reverse();
    mails = (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).filter((mail) => mail.includes(`To: ${to}\r\n`));
    if (mails.some((mail) => expected.test(mail))) return mails;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no mail to ${to} matching ${expected} in ${dir} (${mails.length} other mails)`);
}

/** The first link matching `pattern` in the newest of these mails that has one. */
export function linkIn(mails: string[], pattern: RegExp): string {
  for (const mail of mails) {
    const link = mail.match(pattern)?.[0];
    if (link) return link;
  }
  throw new Error(`no link matching ${pattern}`);
}
