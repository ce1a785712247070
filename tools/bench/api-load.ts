import autocannon = require('autocannon');
import type { DataSource } from 'typeorm';
import type { AuditService } from '@incubator/api/audit';
import { aggregatesSql } from '@incubator/api/kpis';
import { floorPlanFromSql } from '@incubator/api/space';
import { StartupService } from '@incubator/api/startups';
import { quarterRange } from '@incubator/contracts';
import { BENCH_PASSWORD, type Ecosystem } from '../data/ecosystem';
import type { BenchRow } from './report';
import { closedLoop, LoadResult, percentiles } from './timing';

const CONNECTIONS = 50;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;

/**
 * API reads under load: 50 concurrent clients for 10 s on the startup list (filtered), a floor plan
 * and the aggregates, through HTTP with autocannon, against the floor: the same SQL run in-process on
 * a pool of the same size (no HTTP, no authentication, no validation). The API draws floor plans from
 * its in-memory space snapshot; their floor is the SQL that reads a plan (`floorPlanFromSql`).
 */
export async function benchApiLoad(apiUrl: string, db: DataSource, eco: Ecosystem, log: (line: string) => void): Promise<BenchRow[]> {
  const login = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'manager@bench.test', password: BENCH_PASSWORD }) });
  if (login.status !== 200) throw new Error(`bench sign-in answered ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const range = quarterRange(eco.lastQuarter)!;
  const today = new Date().toISOString().slice(0, 10);
  const scope = { organisationId: eco.organisationId, startupId: null };
  const startups = new StartupService(db, {} as AuditService);
  const cases = [
    {
      name: 'GET /api/startups?sector=fintech&q=startup 01&sort=name (20 per page)',
      path: '/startups?sector=fintech&q=startup%2001&sort=name&limit=20',
      floorIs: "the service's queries in-process",
      direct: () => startups.list(scope, { sector: 'fintech', q: 'startup 01', sort: 'name', limit: 20, offset: 0 }),
    },
    {
      name: 'GET /api/space/floors/:id/plan (168 modules)',
      path: `/space/floors/${eco.floorIds[0]}/plan?on=${today}`,
      floorIs: 'the SQL reading a plan, in-process',
      direct: () => floorPlanFromSql(db, eco.organisationId, eco.floorIds[0], today),
    },
    {
      name: `GET /api/kpi-aggregates (${eco.lastQuarter}, one site)`,
      path: `/kpi-aggregates?from=${range.from}&to=${range.to}&siteId=${eco.siteIds[0]}`,
      floorIs: "the service's query in-process",
      direct: () => {
        const { text, params } = aggregatesSql(eco.organisationId, { ...range, siteId: eco.siteIds[0] });
        return db.query(text, params);
      },
    },
  ];
  const rows: BenchRow[] = [];
  for (const c of cases) {
    await closedLoop(c.direct, CONNECTIONS, WARM_UP_SECONDS);
    const floor = await closedLoop(c.direct, CONNECTIONS, SECONDS);
    const http = await httpLoad(`${apiUrl}${c.path}`, { authorization: `Bearer ${accessToken}` });
    log(`  ${c.name}: ${http.requestsPerSecond.toFixed(0)} req/s, p95 ${http.p95.toFixed(1)} ms (${http.errors} errors) vs floor ${floor.requestsPerSecond.toFixed(0)}/s`);
    rows.push(row(c.name, http, { ...floor, is: c.floorIs }));
  }
  return rows;
}

/**
 * autocannon's closed loop of CONNECTIONS clients after a warm-up; percentiles from every response time
 * (autocannon's summary has p90 and p97.5 but not the target's p95). Errors: non-2xx answers and failures.
 */
async function httpLoad(url: string, headers: Record<string, string>): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARM_UP_SECONDS });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
    run.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      samples.push(responseTime);
      if (statusCode < 200 || statusCode > 299) errors++;
    });
  });
  const { p50, p95 } = percentiles(samples);
  return { requestsPerSecond: samples.length / SECONDS, p50, p95, errors: errors + result.errors };
}

function row(name: string, http: LoadResult, floor: LoadResult & { is: string }): BenchRow {
  const throughputShare = http.requestsPerSecond / floor.requestsPerSecond;
  const fastEnough = http.p95 < 50;
  const shareMet = throughputShare >= 0.5;
  return {
    name: `${name}, ${CONNECTIONS} clients`,
    figure: `${http.requestsPerSecond.toFixed(0)} req/s, p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms, ${http.errors} errors`,
    floor: `${floor.requestsPerSecond.toFixed(0)} req/s, p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms — ${floor.is}`,
    ratio: floor.requestsPerSecond / http.requestsPerSecond,
    target: `p95 < 50 ms (${fastEnough ? 'met' : 'not met'}) and ≥ ½ the floor’s throughput (${throughputShare.toFixed(2)}: ${shareMet ? 'met' : 'not met'})`,
    met: fastEnough && shareMet && http.errors === 0,
  };
}
