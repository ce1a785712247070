import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDataSource } from '@incubator/api/database';
import { FULL_SIZE, generateEcosystem } from '../data/ecosystem';
import { startProduct } from '../stack/product';
import { WORKSPACE_ROOT } from '../stack/local-stack';
import { benchApiLoad } from './api-load';
import { benchBoardPack } from './board-pack';
import { benchClient } from './client';
import { benchProposals } from './proposals';
import { BenchRow, printRows, writeReport } from './report';

/**
 * `npm run bench`: the whole product on a throwaway stack (built api, worker and web), the generated
 * ecosystem (10,000 startups, 30 sites, 10,000 modules, ten years of monthly KPIs, 50,000 rounds),
 * then every benchmark, each next to a floor measured in the same run; results in docs/benchmarks.md.
 *
 * `npm run bench -- --only=client`: the client's part alone (the initial bundle and the Lighthouse runs) on the
 * throwaway product with its demo seed (what the login and board pages need), without the ecosystem; printed,
 * not written to docs/benchmarks.md (a partial run would replace the whole table). LIGHTHOUSE_REPORTS_DIR keeps
 * each run's JSON report.
 */
async function main(): Promise<void> {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && only !== 'client') throw new Error(`--only=${only}: only --only=client is known`);
  if (only === 'client') return clientOnly();
  const started = performance.now();
  const notes: string[] = [];
  const log = (line: string) => {
    console.log(line);
    notes.push(line);
  };
  // Served as on a machine of its own: one API process per core (API_PROCESSES in .env.example).
  process.env['API_PROCESSES'] ??= String(availableParallelism());
  log(`starting the product (throwaway stack, build cached when unchanged; API on ${process.env['API_PROCESSES']} processes)…`);
  const product = await startProduct({ mode: 'throwaway', log: () => undefined, onCrash: (name, code) => log(`!! ${name} exited with ${code}`) });
  const db = await createDataSource(product.databaseUrl).initialize();
  const rows: BenchRow[] = [];
  try {
    log('generating the ecosystem…');
    const eco = await generateEcosystem(db, FULL_SIZE, 42, log);
    log('API reads under load…');
    rows.push(...(await benchApiLoad(product.apiUrl, db, eco, log)));
    rows.push(...(await (await import('./capacity.js')).benchCapacity(product.databaseUrl, product.redisUrl, log))); // 1 vs 2 API processes, database growth
    log('allocation proposals…');
    rows.push(...(await benchProposals(db, log)));
    log('board pack…');
    rows.push(...(await benchBoardPack(db, eco, log)));
    log('client…');
    rows.push(...(await benchClient(WORKSPACE_ROOT, product.webUrl, log)));
  } finally {
    await db.destroy();
    await product.stop();
  }
  console.log('');
  printRows(rows, console.log);
  const file = writeReport(WORKSPACE_ROOT, rows, notes, (performance.now() - started) / 1000);
  console.log(`\nwritten to ${file}`);
}

async function clientOnly(): Promise<void> {
  console.log('starting the product (throwaway stack with the demo seed, build cached when unchanged)…');
  const product = await startProduct({ mode: 'throwaway', log: () => undefined, onCrash: (name, code) => console.log(`!! ${name} exited with ${code}`) });
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await benchClient(WORKSPACE_ROOT, product.webUrl, console.log)));
  } finally {
    await product.stop();
  }
  console.log('');
  printRows(rows, console.log);
  console.log('\n(--only=client: not written to docs/benchmarks.md)');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
