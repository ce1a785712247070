import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { assertChromium } from './chromium';

const ROOT = resolve(__dirname, '..');

/**
 * Starts the product exactly as `npm start` does, but with throwaway data (`--throwaway`), and
 * passes its URLs to the tests as E2E_WEB_URL / E2E_API_URL. The worker writes its mails (no SMTP in
 * the browser tests) as .eml files into E2E_MAIL_DIR, where a test reads an invitation's link as the
 * person would from their mailbox. The returned function stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertChromium();
  const mailDir = mkdtempSync(join(tmpdir(), 'e2e-mail-'));
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/stack/start.ts', '--throwaway'], {
    cwd: ROOT,
    // Every spec signs in from 127.0.0.1, dozens of times a minute: the sign-in limit per address (20 a minute,
    // tested by the integration tier's rate-limit spec) would refuse the suite's own logins with 429.
    env: { ...process.env, TZ: 'UTC', MAIL_OUTBOX_DIR: mailDir, RATE_LIMIT_SIGN_IN: process.env['RATE_LIMIT_SIGN_IN'] ?? '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const urls = await new Promise<{ webUrl: string; apiUrl: string }>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('the product did not start within 5 minutes')), 300_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        ready(JSON.parse(line.slice('READY '.length)));
      } else {
        console.log(line);
      }
    });
    child.once('exit', (code) => fail(new Error(`the product stopped during start-up (exit code ${code})`)));
  });
  process.env['E2E_WEB_URL'] = urls.webUrl;
  process.env['E2E_API_URL'] = urls.apiUrl;
  process.env['E2E_MAIL_DIR'] = mailDir;

  return async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(mailDir, { recursive: true, force: true });
  };
}
