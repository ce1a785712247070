import { DEMO_OPERATOR, DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../seed/demo-seed';
import { ensurePrerequisites, MissingPrerequisitesError, START_PREREQUISITES } from '../setup/prerequisites';
import { RunningProduct, startProduct } from './product';

/**
 * `npm start`: the whole product with persistent local data, URLs printed, Ctrl-C stops everything.
 * `--empty`: no demo organisation, only the platform operator, to set a park up from nothing in the
 * browser (its data lives apart, under .data/empty/, so the demo's is untouched).
 * `--throwaway`: fresh data deleted at exit, quiet logs, and a `READY {json}` line for test harnesses.
 * First, what npm cannot provide (redis-server) is checked, and installed or named (tools/setup/prerequisites.ts).
 */
const throwaway = process.argv.includes('--throwaway');
const empty = process.argv.includes('--empty');
const startedAt = Date.now();
let product: RunningProduct | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await product?.stop().catch((error) => console.error('[start] while stopping:', error));
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('uncaughtException', (error) => {
  console.error('[start]', error);
  void shutdown(1);
});

async function main(): Promise<void> {
  await ensurePrerequisites(START_PREREQUISITES);
  product = await startProduct({
    mode: throwaway ? 'throwaway' : 'persistent',
    data: empty ? 'empty' : 'demo',
    log: (line) => (throwaway && !line.includes('"level":50') ? undefined : console.log(line)),
    onCrash: (name, code) => {
      console.error(`[start] ${name} exited with code ${code}; stopping everything`);
      void shutdown(1);
    },
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (throwaway) {
    console.log(`READY ${JSON.stringify({ webUrl: product.webUrl, apiUrl: product.apiUrl })}`);
    return;
  }
  console.log(
    [
      '',
      `Incubator platform is up (healthy after ${seconds} s):`,
      `  Web client     ${product.webUrl}`,
      `  API            ${product.apiUrl}`,
      `  API docs       ${product.apiUrl}/docs  (OpenAPI JSON: ${product.apiUrl}/docs-json)`,
      `  Health         ${product.apiUrl}/health`,
      ...(empty
        ? [
            `Empty platform: no organisation yet. Sign in as the platform operator ${DEMO_OPERATOR.email} (password ${DEMO_PASSWORD})`,
            `  and create one at ${product.webUrl}/operator; its admin's invitation is a mail under .data/empty/mail/.`,
            'Mails (without SMTP_URL) are written to .data/empty/mail/.',
            'Data persists under .data/empty/ (the demo, `npm start`, keeps .data/). Press Ctrl-C to stop everything.',
          ]
        : [
            `Demo accounts (password ${DEMO_PASSWORD}):`,
            ...DEMO_ORGANISATIONS.map((o) => `  ${o.name.padEnd(24)} ${o.users.map((u) => u.email).join(', ')}`),
            `  ${'Platform operator'.padEnd(24)} ${DEMO_OPERATOR.email}`,
            'Mails (without SMTP_URL) are written to .data/mail/.',
            'Data persists under .data/ (`npm start -- --empty` starts from nothing). Press Ctrl-C to stop everything.',
          ]),
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  if (error instanceof MissingPrerequisitesError) {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  }
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
