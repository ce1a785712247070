import autocannon = require('autocannon');
import type { DataSource } from 'typeorm';
import type { AuditService } from '@incubator/api/audit';
import { aggregatesSql } from '@incubator/api/kpis';
import { floorPlanFromSql } from '@incubator/api/space';
import { StartupService } from '@incubator/api/startups';
import { quarterRange } from '@incubator/contracts';
import { BENCH_PASSWORD, type Ecosystem } from '../data/ecosystem';
import type { BenchRow } from './report';
import { closedLoop, LoadResult } from './timing';

const CONNECTIONS = 50;
const SECONDS = 10;

/**
 * API reads under load: 50 concurrent clients for 10 s on the startup list (filtered), a floor plan
 * and the aggregates, through HTTP with autocannon, against the floor: the same SQL run in-process on
 * a pool of the same size (no HTTP, no authentication, no validation). The API draws floor plans from
 * its in-memory space snapshot; their floor is the SQL that reads a plan (`floorPlanFromSql`).
 * autocannon reports p97.5, not p95: the row shows p97.5, a stricter figure than the target's p95.
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
    const floor = await closedLoop(c.direct, CONNECTIONS, SECONDS);
    const http = await autocannon({ url: `${apiUrl}${c.path}`, connections: CONNECTIONS, duration: SECONDS, headers: { authorization: `Bearer ${accessToken}` } });
    const errors = http.non2xx + http.errors;
    log(`  ${c.name}: ${http.requests.average.toFixed(0)} req/s (${errors} errors) vs floor ${floor.requestsPerSecond.toFixed(0)}/s`);
    rows.push(row(c.name, http, { ...floor, is: c.floorIs }, errors));
  }
  return rows;
}

function row(name: string, http: autocannon.Result, floor: LoadResult & { is: string }, errors: number): BenchRow {
  const throughputShare = http.requests.average / floor.requestsPerSecond;
  const fastEnough = http.latency.p97_5 < 50;
  const shareMet = throughputShare >= 0.5;
  return {
    name: `${name}, ${CONNECTIONS} clients`,
    figure: `${http.requests.average.toFixed(0)} req/s, p50 ${http.latency.p50} ms, p97.5 ${http.latency.p97_5} ms, ${errors} errors`,
    floor: `${floor.requestsPerSecond.toFixed(0)} req/s, p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms — ${floor.is}`,
    ratio: floor.requestsPerSecond / http.requests.average,
    target: `p95 < 50 ms (${fastEnough ? 'met' : 'not met'}) and ≥ ½ the floor’s throughput (${throughputShare.toFixed(2)}: ${shareMet ? 'met' : 'not met'})`,
    met: fastEnough && shareMet && errors === 0,
  };
}
