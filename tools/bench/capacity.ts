import autocannon = require('autocannon');
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { BENCH_PASSWORD, generateEcosystem } from '../data/ecosystem';
import { freePort } from '../stack/free-port';
import { createDataSource, runMigrations } from '@incubator/api/database';
import { startLocalStack, WORKSPACE_ROOT } from '../stack/local-stack';
import { startProcess } from '../stack/processes';
import { waitForOk } from '../stack/wait-for';
import { BenchRow, printRows } from './report';
import { percentiles } from './timing';

const CONNECTIONS = 50;
const SECONDS = 8;
const WARM_UP_SECONDS = 2;
/** Two processes on two cores, with the load generator and PostgreSQL on the same cores: above this is scaling. */
const MIN_RATIO = 1.2;

/**
 * The capacity plan's figures: the same reads under 50 clients against an API served by one process, then by
 * two (API_PROCESSES), each started here on the bench's database and Redis and measured one after the other in
 * the same run; the ratio is what a second process adds on this machine. The product's own API is idle meanwhile.
 */
export async function benchCapacity(
  databaseUrl: string,
  redisUrl: string,
  log: (line: string) => void,
  user = { email: 'manager@bench.test', password: BENCH_PASSWORD },
  baselineBytes = 0,
): Promise<BenchRow[]> {
  // A failure here is one failed row, never the end of the whole bench run.
  return measureCapacity(databaseUrl, redisUrl, log, user, baselineBytes).catch((error: unknown) => {
    log(`!! capacity: ${String(error)}`);
    return [{ name: 'Capacity: 2 API processes vs 1', figure: `not measured: ${String(error).slice(0, 200)}`, floor: '—', ratio: null, target: 'ratio ≥ 1.2', met: false }];
  });
}

async function measureCapacity(
  databaseUrl: string,
  redisUrl: string,
  log: (line: string) => void,
  user: { email: string; password: string },
  baselineBytes: number,
): Promise<BenchRow[]> {
  const paths = { me: '/auth/me', list: '/startups?sector=fintech&sort=name&limit=20' };
  const results: Record<1 | 2, Record<keyof typeof paths, number>> = { 1: { me: 0, list: 0 }, 2: { me: 0, list: 0 } };
  for (const processes of [1, 2] as const) {
    const port = await freePort();
    const api = startProcess(`api×${processes}`, process.execPath, [join('dist/apps/api/main.js')], {
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        API_PORT: String(port),
        API_PROCESSES: String(processes),
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        JWT_SECRET: randomBytes(48).toString('base64url'),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_SIGN_IN: '1000000',
      },
      onLine: () => undefined,
      onExit: (code) => log(`!! the ${processes}-process API exited with ${code}`),
    });
    try {
      const url = `http://127.0.0.1:${port}/api`;
      await waitForOk(`${url}/health`, 60_000);
      const login = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(user) });
      if (login.status !== 200) throw new Error(`capacity sign-in answered ${login.status}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      for (const key of Object.keys(paths) as Array<keyof typeof paths>) {
        const load = await throughput(`${url}${paths[key]}`, { authorization: `Bearer ${accessToken}` });
        results[processes][key] = load.requestsPerSecond;
        log(`  ${processes} API process${processes > 1 ? 'es' : ''}, GET ${paths[key]}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms (${load.errors} errors)`);
        if (load.errors) throw new Error(`capacity: ${load.errors} errors on ${paths[key]}`);
      }
    } finally {
      await api.stop();
    }
  }
  const rows: BenchRow[] = (Object.keys(paths) as Array<keyof typeof paths>).map((key) => {
    const ratio = results[2][key] / results[1][key];
    return {
      name: `Capacity: GET /api${paths[key]}, ${CONNECTIONS} clients, 2 API processes vs 1 (API_PROCESSES)`,
      figure: `2 processes: ${results[2][key].toFixed(0)} req/s`,
      floor: `1 process: ${results[1][key].toFixed(0)} req/s (same run, same database)`,
      ratio,
      target: `a second process adds throughput: ratio ≥ ${MIN_RATIO} (${ratio.toFixed(2)}: ${ratio >= MIN_RATIO ? 'met' : 'not met'})`,
      met: ratio >= MIN_RATIO,
    };
  });
  rows.push(await databaseGrowth(databaseUrl, log, baselineBytes));
  return rows;
}

/**
 * The database's growth per startup and year, from the generated ecosystem (ten years of monthly KPI reports,
 * rounds, leases, audit): its whole size on disk (indexes and TOAST included) over startups × years of KPIs.
 */
async function databaseGrowth(databaseUrl: string, log: (line: string) => void, baselineBytes: number): Promise<BenchRow> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [facts],
    } = await client.query<{ bytes: string; startups: number; years: number }>(
      `SELECT pg_database_size(current_database())::text AS bytes, (SELECT count(*)::int FROM startups) AS startups,
              (SELECT greatest(1, (max(period_start) - min(period_start)) / 365.25)::float FROM kpi_reports) AS years`,
    );
    const perStartupYear = (Number(facts.bytes) - baselineBytes) / facts.startups / facts.years;
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
    log(`  database: ${mb(Number(facts.bytes))} for ${facts.startups} startups over ${facts.years.toFixed(1)} years = ${(perStartupYear / 1024).toFixed(1)} kB per startup and year`);
    return {
      name: 'Capacity: database growth per startup and year (the generated ecosystem, indexes included)',
      figure: `${(perStartupYear / 1024).toFixed(1)} kB per startup-year; a park of 300 startups: ${mb(perStartupYear * 300)} a year`,
      floor: `${mb(Number(facts.bytes) - baselineBytes)} for ${facts.startups} startups × ${facts.years.toFixed(1)} years${baselineBytes ? ` (above the empty schema's ${mb(baselineBytes)})` : ''}`,
      ratio: null,
      target: '— (for the capacity plan)',
      met: null,
    };
  } finally {
    await client.end();
  }
}

async function throughput(url: string, headers: Record<string, string>): Promise<{ requestsPerSecond: number; p50: number; p95: number; errors: number }> {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARM_UP_SECONDS });
  const samples: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
    run.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      samples.push(responseTime);
      if (statusCode !== 200) errors++;
    });
  });
  const { p50, p95 } = percentiles(samples);
  return { requestsPerSecond: samples.length / SECONDS, p50, p95, errors: errors + result.errors };
}

/** One park of 300 startups with ten years of history, for the standalone run. */
const PARK_SIZE = { startups: 300, sites: 2, modules: 300, years: 10, rounds: 1_500 };

/**
 * `npx tsx tools/bench/capacity.ts`: the same measurement alone, on a throwaway stack with one generated park of
 * 300 startups (the built api: `nx build api` first), without generating the whole bench ecosystem.
 */
async function standalone(): Promise<void> {
  const stack = await startLocalStack({ mode: 'throwaway' });
  try {
    const db = await createDataSource(stack.databaseUrl).initialize();
    await runMigrations(db);
    const [{ bytes }] = await db.query(`SELECT pg_database_size(current_database())::text AS bytes`);
    await generateEcosystem(db, PARK_SIZE, 42, () => undefined);
    await db.destroy();
    printRows(await benchCapacity(stack.databaseUrl, stack.redisUrl, console.log, undefined, Number(bytes)), console.log);
  } finally {
    await stack.stop();
  }
}

if (require.main === module) {
  standalone().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
