import autocannon = require('autocannon');
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import type { AuditService } from '@incubator/api/audit';
import { aggregatesSql } from '@incubator/api/kpis';
import { floorPlanFromSql } from '@incubator/api/space';
import { StartupRepository, StartupService } from '@incubator/api/startups';
import { quarterRange, SECTORS, StartupSort } from '@incubator/contracts';
import { BENCH_PASSWORD, type Ecosystem } from '../data/ecosystem';
import type { BenchRow } from './report';
import { closedLoop, LoadResult, percentiles } from './timing';

const CONNECTIONS = 50;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;

interface LoadCase {
  name: string;
  /** Paths under the API, taken in turn by successive requests (one path: the same request every time). */
  paths: string[];
  /** The answer every request should get. */
  status: number;
  /** The floor: the same SQL in-process; absent for the rows that only show what the stack costs. */
  floor?: { is: string; run: () => Promise<unknown> };
  /** Issue 20's target for the aggregates: a median under 20 ms and at least half of /auth/me's throughput. */
  againstStack?: true;
}

/** The aggregates' median must stay under this (issue 20). */
const AGGREGATES_P50_MS = 20;

/**
 * API reads under load: 50 concurrent clients for 10 s through HTTP with autocannon, the API on one
 * process per core, against the floor: the same SQL run in-process on a pool of the same size (no
 * HTTP, no authentication, no validation). The startup list is measured twice: the same page every
 * time (answered from the API's page cache after the first) and 720 different pages in turn (every
 * one a cache miss, two statements each). Floor plans come from the in-memory space snapshot; their
 * floor is the SQL that reads a plan (`floorPlanFromSql`). Two rows without a floor show what the
 * stack itself costs at 50 clients on this machine: the access check with one indexed read
 * (`/auth/me`), and an unknown route (no database).
 */
export async function benchApiLoad(apiUrl: string, db: DataSource, eco: Ecosystem, log: (line: string) => void): Promise<BenchRow[]> {
  const login = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'manager@bench.test', password: BENCH_PASSWORD }) });
  if (login.status !== 200) throw new Error(`bench sign-in answered ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const range = quarterRange(eco.lastQuarter)!;
  const today = new Date().toISOString().slice(0, 10);
  const scope = { organisationId: eco.organisationId, startupId: null };
  const startups = new StartupService(db, new StartupRepository(db), {} as AuditService);
  const pages = listVariants();
  let nextPage = 0;
  const cases: LoadCase[] = [
    {
      name: 'GET /api/startups?sector=fintech&q=startup 01&sort=name (20 per page), the same page every time',
      paths: ['/startups?sector=fintech&q=startup%2001&sort=name&limit=20'],
      status: 200,
      floor: { is: 'its two statements in-process', run: () => startups.listFromSql(scope, { sector: 'fintech', q: 'startup 01', sort: 'name', limit: 20, offset: 0 }) },
    },
    {
      name: `GET /api/startups, ${pages.length} different pages in turn (12 sectors × 10 texts × 6 sorts: every one a cache miss)`,
      paths: pages.map(({ sector, q, sort }) => `/startups?sector=${sector}&q=${encodeURIComponent(q)}&sort=${sort}&limit=20`),
      status: 200,
      floor: { is: 'the same pages’ statements in-process', run: () => startups.listFromSql(scope, { ...pages[nextPage++ % pages.length], limit: 20, offset: 0 }) },
    },
    {
      name: 'GET /api/space/floors/:id/plan (168 modules)',
      paths: [`/space/floors/${eco.floorIds[0]}/plan?on=${today}`],
      status: 200,
      floor: { is: 'the SQL reading a plan, in-process', run: () => floorPlanFromSql(db, eco.organisationId, eco.floorIds[0], today) },
    },
    {
      name: `GET /api/kpi-aggregates (${eco.lastQuarter}, one site)`,
      paths: [`/kpi-aggregates?from=${range.from}&to=${range.to}&siteId=${eco.siteIds[0]}`],
      status: 200,
      againstStack: true,
      floor: {
        is: "the service's statement in-process, computed every time (over kpi_quarter_rollups; the API answers from its versioned cache until a figure's table is written)",
        run: () => {
          const { text, params } = aggregatesSql(eco.organisationId, { ...range, siteId: eco.siteIds[0] });
          return db.query(text, params);
        },
      },
    },
    { name: 'GET /api/auth/me (the access check and one indexed read: what the stack costs)', paths: ['/auth/me'], status: 200 },
    { name: 'GET /api/no-such-route (404, no database: what HTTP and the framework cost)', paths: ['/no-such-route'], status: 404 },
  ];
  const rows: BenchRow[] = [];
  const measured: Array<{ c: LoadCase; http: LoadResult }> = [];
  for (const c of cases) {
    const floor = c.floor ? await measureFloor(c.floor.run) : undefined;
    const http = await httpLoad(apiUrl, c.paths, c.status, { authorization: `Bearer ${accessToken}` });
    log(`  ${c.name}: ${http.requestsPerSecond.toFixed(0)} req/s, p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms (${http.errors} errors)${floor ? ` vs floor ${floor.requestsPerSecond.toFixed(0)}/s` : ''}`);
    rows.push(c.floor && floor ? row(c.name, http, { ...floor, is: c.floor.is }) : stackRow(c.name, http));
    measured.push({ c, http });
  }
  // The aggregates against what the stack itself costs (/auth/me, measured in the same run).
  // Its median is one client's (under 50 clients a closed loop's median is 50 / throughput, whatever the endpoint).
  const me = measured.find((m) => m.c.paths[0] === '/auth/me')!.http;
  for (const [i, { c, http }] of measured.entries()) {
    if (!c.againstStack) continue;
    const alone = await oneClient(`${apiUrl}${c.paths[0]}`, { authorization: `Bearer ${accessToken}` });
    const share = http.requestsPerSecond / me.requestsPerSecond;
    const fast = alone.p50 < AGGREGATES_P50_MS;
    log(`  ${c.name}, one client: p50 ${alone.p50.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms; ${share.toFixed(2)} of /auth/me’s throughput`);
    rows[i] = {
      ...rows[i],
      figure: `${rows[i].figure}; one client: p50 ${alone.p50.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms`,
      floor: `${rows[i].floor}; /auth/me: ${me.requestsPerSecond.toFixed(0)} req/s, p50 ${me.p50.toFixed(1)} ms`,
      target: `one client’s p50 < ${AGGREGATES_P50_MS} ms (${fast ? 'met' : 'not met'}) and ≥ ½ /auth/me’s throughput (${share.toFixed(2)}: ${share >= 0.5 ? 'met' : 'not met'})`,
      met: fast && share >= 0.5 && http.errors === 0,
    };
  }
  return rows;
}

/** 12 sectors × 10 texts of similar selectivity × 6 sorts: more pages than the API's cache keeps (500). */
function listVariants(): Array<{ sector: (typeof SECTORS)[number]; q: string; sort: StartupSort }> {
  const sorts: StartupSort[] = ['name', '-name', 'createdAt', '-createdAt', 'foundedOn', '-foundedOn'];
  return sorts.flatMap((sort) => SECTORS.flatMap((sector) => Array.from({ length: 10 }, (_, digit) => ({ sector, q: `startup 0${digit}`, sort }))));
}

/** One client, one request after the other: the latency of the request itself. */
async function oneClient(url: string, headers: Record<string, string>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < 45; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (i >= 5) samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

async function measureFloor(run: () => Promise<unknown>): Promise<LoadResult> {
  await closedLoop(run, CONNECTIONS, WARM_UP_SECONDS);
  return closedLoop(run, CONNECTIONS, SECONDS);
}

/**
 * autocannon's closed loop of CONNECTIONS clients after a warm-up, the paths taken in turn; percentiles
 * from every response time (autocannon's summary has p90 and p97.5 but not the target's p95). Errors:
 * answers other than `expected`, and failures.
 */
async function httpLoad(apiUrl: string, paths: string[], expected: number, headers: Record<string, string>): Promise<LoadResult> {
  const prefix = new URL(apiUrl).pathname;
  let next = 0;
  const options = {
    url: `${apiUrl}${paths[0]}`,
    headers,
    connections: CONNECTIONS,
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `${prefix}${paths[next++ % paths.length]}` }) }],
  };
  await autocannon({ ...options, duration: WARM_UP_SECONDS });
  const samples: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ ...options, duration: SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
    run.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      samples.push(responseTime);
      if (statusCode !== expected) errors++;
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
    figure: figure(http),
    floor: `${floor.requestsPerSecond.toFixed(0)} req/s, p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms — ${floor.is}`,
    ratio: floor.requestsPerSecond / http.requestsPerSecond,
    target: `p95 < 50 ms (${fastEnough ? 'met' : 'not met'}) and ≥ ½ the floor’s throughput (${throughputShare.toFixed(2)}: ${shareMet ? 'met' : 'not met'})`,
    met: fastEnough && shareMet && http.errors === 0,
  };
}

function stackRow(name: string, http: LoadResult): BenchRow {
  return {
    name: `${name}, ${CONNECTIONS} clients`,
    figure: figure(http),
    floor: '—',
    ratio: null,
    target: '— (for information: the p95 any endpoint starts from)',
    met: null,
  };
}

const figure = (http: LoadResult) => `${http.requestsPerSecond.toFixed(0)} req/s, p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms, ${http.errors} errors`;
