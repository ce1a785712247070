import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { assertChromium } from './chromium';

const ROOT = resolve(__dirname, '..');

/**
 * Starts the product exactly as `npm start` does, but with throwaway data (`--throwaway`), and
 * passes its URLs to the tests as E2E_WEB_URL / E2E_API_URL. The returned function stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertChromium();
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/stack/start.ts', '--throwaway'], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC' },
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

  return async () => {
    child.kill('SIGTERM');
    await exited;
  };
}
