import { DEMO_OPERATOR, DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../seed/demo-seed';
import { RunningProduct, startProduct } from './product';

/**
 * `npm start`: the whole product with persistent local data, URLs printed, Ctrl-C stops everything.
 * `--throwaway`: fresh data deleted at exit, quiet logs, and a `READY {json}` line for test harnesses.
 */
const throwaway = process.argv.includes('--throwaway');
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
  product = await startProduct({
    mode: throwaway ? 'throwaway' : 'persistent',
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
      `Demo accounts (password ${DEMO_PASSWORD}):`,
      ...DEMO_ORGANISATIONS.map((o) => `  ${o.name.padEnd(24)} ${o.users.map((u) => u.email).join(', ')}`),
      `  ${'Platform operator'.padEnd(24)} ${DEMO_OPERATOR.email}`,
      'Mails (without SMTP_URL) are written to .data/mail/.',
      'Data persists under .data/. Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
