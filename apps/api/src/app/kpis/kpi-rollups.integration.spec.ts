import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aggregatesSql, aggregatesSqlFromValues, boardCellsSql, KpiRollupService, organisationQuartersSql, yearToDateSql } from '@incubator/api/kpis';
import type { AggregateScope } from '@incubator/api/kpis';
import type { ApiErrorResponse, StartupResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi } from '../../test/test-app';

type Headers = Record<string, string>;

/** One step of a random history, each through the API's own write path. */
type Step =
  | { kind: 'report'; startup: number; period: number; values: [number, number, number, number]; review: 'validate' | 'return' | 'none' }
  | { kind: 'correct'; report: number; values: [number, number, number, number] }
  | { kind: 'resubmit'; report: number }
  | { kind: 'round'; startup: number; day: number; cents: number; close: 'at_once' | 'later' | 'never' }
  | { kind: 'enroll'; startup: number; program: number; to: 'admitted' | 'active' | 'withdrawn' }
  | { kind: 'import'; startup: number; period: number; values: [number, number, number, number] }
  | { kind: 'sector'; startup: number; sector: 'greentech' | 'healthtech' | 'fintech' };

/** Monthly periods for even startups, quarterly ones for odd ones (one kind per startup: "latest" has no ties). */
const periodOf = (startup: number, n: number) => (startup % 2 === 0 ? `2025-${String((n % 12) + 1).padStart(2, '0')}` : `2025-Q${(n % 4) + 1}`);

const values = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 900_000 }), fc.integer({ min: 0, max: 300 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('report' as const), startup: fc.nat(3), period: fc.nat(11), values, review: fc.constantFrom('validate' as const, 'validate' as const, 'return' as const, 'none' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), report: fc.nat(), values }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resubmit' as const), report: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('round' as const), startup: fc.nat(3), day: fc.nat(364), cents: fc.integer({ min: 1, max: 50_000_000 }), close: fc.constantFrom('at_once' as const, 'later' as const, 'never' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('enroll' as const), startup: fc.nat(3), program: fc.nat(1), to: fc.constantFrom('admitted' as const, 'active' as const, 'withdrawn' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('import' as const), startup: fc.nat(3), period: fc.nat(11), values }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sector' as const), startup: fc.nat(3), sector: fc.constantFrom('greentech' as const, 'healthtech' as const, 'fintech' as const) }) },
);

/**
 * The rollups against the oracle (issue 20): random histories — KPI reports created, validated,
 * returned, corrected after validation and resubmitted, rounds closed at once or later, enrollments
 * moved — written through the API, then every scope the board and the team read (organisation,
 * programs, site, sector, startups enrolled nowhere) over quarters, the year, the year to date and an
 * arbitrary range, computed from kpi_rollups and by today's SQL over the raw KPI values: identical.
 */
describe('KPI rollups = a full recomputation from the raw values (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Headers;
  let db: DataSource;
  let organisationId: string;
  let siteId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    db = app.get(DataSource);
    const organisation = await (await fetch(`${api}/organisation`, { headers: manager })).json();
    organisationId = organisation.id;
    siteId = organisation.sites[0].id;
  });

  // What the histories wrote goes again (the tier shares one database: other files' board cells must not see it).
  const created = { startups: [] as string[], programs: [] as string[], sites: [] as string[] };
  afterAll(async () => {
    await db.query('DELETE FROM startups WHERE id = ANY($1::uuid[])', [created.startups]);
    await db.query('DELETE FROM cohorts WHERE program_id = ANY($1::uuid[])', [created.programs]);
    await db.query('DELETE FROM programs WHERE id = ANY($1::uuid[])', [created.programs]);
    await db.query('DELETE FROM sites WHERE id = ANY($1::uuid[])', [created.sites]);
    await app.close();
  });

  const send = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, { method, headers: manager, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T & ApiErrorResponse };
  };
  const kpiValues = (v: [number, number, number, number]) => ({ headcount: v[0], jobs_created: v[1], revenue: (v[2] / 100).toFixed(2), customers: v[3] });

  async function world() {
    const programs: Array<{ id: string; cohortId: string }> = [];
    for (let i = 0; i < 2; i++) {
      const program = await send<{ id: string }>('POST', '/programs', { siteId, kind: 'incubator', name: `Rollup ${randomUUID()}` });
      const cohort = await send<{ id: string }>('POST', '/cohorts', { programId: program.body.id, name: 'Promo 2025', startsOn: '2025-01-01', endsOn: '2026-01-01', capacity: 20 });
      programs.push({ id: program.body.id, cohortId: cohort.body.id });
      created.programs.push(program.body.id);
    }
    const startups: string[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await send<StartupResponse>('POST', '/startups', { legalName: `Rollup ${randomUUID()}`, country: 'FR', siren: freshSiren(), sector: i % 2 ? 'greentech' : 'healthtech', stage: 'mvp', teamSize: 2 });
      startups.push(s.body.id);
      created.startups.push(s.body.id);
    }
    return { programs, startups };
  }

  async function play(steps: Step[]) {
    const { programs, startups } = await world();
    const reports: string[] = [];
    const enrollments = new Map<string, { id: string; status: string }>();
    for (const s of steps) {
      if (s.kind === 'report') {
        const created = await send<{ id: string }>('POST', '/kpi-reports', { startupId: startups[s.startup], period: periodOf(s.startup, s.period), values: kpiValues(s.values), submit: true });
        if (created.status !== 201) continue; // that period has its report already
        reports.push(created.body.id);
        if (s.review === 'validate') expect((await send('POST', `/kpi-reports/${created.body.id}/validate`)).status).toBe(200);
        if (s.review === 'return') expect((await send('POST', `/kpi-reports/${created.body.id}/return`, { comment: 'Please check' })).status).toBe(200);
      } else if (s.kind === 'correct' && reports.length) {
        expect((await send('PATCH', `/kpi-reports/${reports[s.report % reports.length]}`, { values: kpiValues(s.values) })).status).toBe(200);
      } else if (s.kind === 'resubmit' && reports.length) {
        const id = reports[s.report % reports.length];
        await send('PATCH', `/kpi-reports/${id}`, { submit: true });
        await send('POST', `/kpi-reports/${id}/validate`);
      } else if (s.kind === 'round') {
        const closedOn = new Date(Date.UTC(2025, 0, 1 + s.day)).toISOString().slice(0, 10);
        const amount = (s.cents / 100).toFixed(2);
        const body = { startupId: startups[s.startup], kind: s.day % 2 ? 'seed' : 'grant', currency: 'EUR', amount };
        if (s.close === 'at_once') expect((await send('POST', '/funding-rounds', { ...body, status: 'closed', closedOn })).status).toBe(201);
        else {
          const planned = await send<{ id: string }>('POST', '/funding-rounds', { ...body, status: 'planned' });
          expect(planned.status).toBe(201);
          if (s.close === 'later') expect((await send('PATCH', `/funding-rounds/${planned.body.id}`, { status: 'closed', closedOn })).status).toBe(200);
        }
      } else if (s.kind === 'enroll') {
        const key = `${s.startup}/${s.program}`;
        let enrollment = enrollments.get(key);
        if (!enrollment) {
          const created = await send<{ id: string }>('POST', '/enrollments', { cohortId: programs[s.program].cohortId, startupId: startups[s.startup] });
          enrollment = { id: created.body.id, status: 'applied' };
          enrollments.set(key, enrollment);
        }
        const moved = await send('POST', `/enrollments/${enrollment.id}/transitions`, { status: s.to });
        if (moved.status === 201) enrollment.status = s.to;
      } else if (s.kind === 'import') {
        // Written as a validated report, unless the period has one already (then refused: 422).
        const v = kpiValues(s.values);
        const csv = `startup,period,headcount,jobs_created,revenue,customers\n${startups[s.startup]},${periodOf(s.startup, s.period)},${v.headcount},${v.jobs_created},${v.revenue},${v.customers}\n`;
        const response = await fetch(`${api}/kpi-reports/import`, { method: 'POST', headers: { ...manager, 'Content-Type': 'text/csv' }, body: csv });
        expect([200, 422]).toContain(response.status);
      } else if (s.kind === 'sector') {
        expect((await send('PATCH', `/startups/${startups[s.startup]}`, { sector: s.sector })).status).toBe(200);
      }
    }
    return { programs };
  }

  async function compare(scopes: AggregateScope[]) {
    for (const scope of scopes) {
      const fromRollups = await db.query(aggregatesSql(organisationId, scope).text, aggregatesSql(organisationId, scope).params);
      const oracle = aggregatesSqlFromValues(organisationId, scope);
      expect({ scope, result: fromRollups[0].result }).toEqual({ scope, result: (await db.query(oracle.text, oracle.params))[0].result });
    }
  }

  /** Every cell of the board's one-statement table against the oracle for that cell's scope (rounds in a fixed order: ROLLUP's is not). */
  async function compareBoardCells(range: { from: string; to: string }) {
    const { text, params } = boardCellsSql(organisationId, range);
    const rows = await db.query<Array<{ cell: string; result: { rounds: Array<{ kind: string | null }> } }>>(text, params);
    const sectors = await db.query<Array<{ sector: string }>>('SELECT DISTINCT sector FROM startups WHERE organisation_id = $1', [organisationId]);
    const sites = await db.query<Array<{ id: string }>>('SELECT id FROM sites WHERE organisation_id = $1', [organisationId]);
    const programs = await db.query<Array<{ id: string }>>('SELECT id FROM programs WHERE organisation_id = $1', [organisationId]);
    expect(rows.length).toBe(2 + sectors.length + sites.length + programs.length);
    const byKind = (rounds: Array<{ kind: string | null }>) => [...rounds].sort((a, b) => String(a.kind).localeCompare(String(b.kind)));
    for (const row of rows) {
      const [kind, id] = row.cell.includes(':') ? [row.cell.slice(0, row.cell.indexOf(':')), row.cell.slice(row.cell.indexOf(':') + 1)] : [row.cell, ''];
      const scope: AggregateScope =
        kind === 'organisation' ? range : kind === 'unassigned' ? { ...range, unassigned: true } : kind === 'site' ? { ...range, siteId: id } : kind === 'program' ? { ...range, programId: id } : { ...range, sector: id };
      const oracle = aggregatesSqlFromValues(organisationId, scope);
      const [{ result }] = await db.query(oracle.text, oracle.params);
      expect({ cell: row.cell, range, result: { ...row.result, rounds: byKind(row.result.rounds) } }).toEqual({ cell: row.cell, range, result: { ...result, rounds: byKind(result.rounds) } });
    }
  }

  /** The organisation's quarters in one statement (a board quarter's series) against the oracle, quarter by quarter. */
  async function compareOrganisationQuarters(quarters: Array<{ from: string; to: string }>) {
    const { text, params } = organisationQuartersSql(organisationId, quarters);
    const rows = await db.query<Array<{ result: { rounds: Array<{ kind: string | null }> } }>>(text, params);
    expect(rows.length).toBe(quarters.length);
    const byKind = (rounds: Array<{ kind: string | null }>) => [...rounds].sort((a, b) => String(a.kind).localeCompare(String(b.kind)));
    for (const [i, range] of quarters.entries()) {
      const oracle = aggregatesSqlFromValues(organisationId, range);
      const [{ result }] = await db.query(oracle.text, oracle.params);
      expect({ range, result: { ...rows[i].result, rounds: byKind(rows[i].result.rounds) } }).toEqual({ range, result: { ...result, rounds: byKind(result.rounds) } });
    }
  }
  /** The year to date the targets compare with (yearToDateSql) against the oracle's figures for the same range. */
  async function compareYearToDate(range: { from: string; to: string }) {
    const starts = quarters2025.filter((q) => q.from >= range.from && q.to <= range.to).map((q) => q.from);
    const oracle = aggregatesSqlFromValues(organisationId, range);
    const [{ result }] = await db.query<Array<{ result: { active: number; kpis: Array<{ key: string; value: string | null; startups: number }>; rounds: Array<{ kind: string | null; cents: string; startups: number }> } }>>(oracle.text, oracle.params);
    const jobs = result.kpis.find((k) => k.key === 'jobs_created')!;
    const funds = result.rounds.find((r) => r.kind === null)!;
    const number = (text: string | null) => (text === null ? null : String(Number(text)));
    // The startups behind jobs and funds are counted up to a threshold: exactly (a threshold above them all) and capped at 2.
    for (const atMost of [1_000_000, 2]) {
      const { text, params } = yearToDateSql(organisationId, starts, atMost);
      const [kept] = await db.query(text, params);
      expect({ range, atMost, kept: { ...kept, jobs_total: number(kept.jobs_total) } }).toEqual({
        range,
        atMost,
        kept: { jobs_total: number(jobs.value), jobs_startups: Math.min(jobs.startups, atMost), active: result.active, funds_cents: funds.cents, funds_startups: Math.min(funds.startups, atMost) },
      });
    }
  }
  const quarters2025 = [1, 4, 7, 10].map((m) => ({ from: `2025-${String(m).padStart(2, '0')}-01`, to: m === 10 ? '2026-01-01' : `2025-${String(m + 3).padStart(2, '0')}-01` }));

  it('gives every board and team figure the raw values give, on random histories', async () => {
    const ranges = [
      { from: '2025-01-01', to: '2025-04-01' },
      { from: '2025-04-01', to: '2025-07-01' },
      { from: '2025-10-01', to: '2026-01-01' },
      { from: '2025-01-01', to: '2026-01-01' },
      { from: '2025-01-01', to: '2025-10-01' },
      { from: '2025-02-15', to: '2025-08-01' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const { programs } = await play(steps);
        expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
        const cells = [{}, { siteId }, { sector: 'greentech' }, { unassigned: true }, ...programs.map((p) => ({ programId: p.id }))];
        await compare(ranges.flatMap((range) => cells.map((cell) => ({ ...range, ...cell }))));
        // The board's tables: a quarter and the year, every cell in one statement.
        await compareBoardCells(ranges[0]);
        await compareBoardCells(ranges[3]);
        await compareOrganisationQuarters(quarters2025);
        await compareYearToDate(ranges[4]);
        await compareYearToDate(ranges[3]);
      }),
      { numRuns: 15, seed: 20, endOnFailure: true },
    );
  }, 600_000);

  it('keeps the rollups of the demo seed (the backfill) equal to a recomputation', async () => {
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
  });

  it('gives every cell of the demo organisation’s board tables what the raw values give', async () => {
    for (const range of [{ from: '2025-07-01', to: '2025-10-01' }, { from: '2025-01-01', to: '2026-01-01' }, { from: '2026-01-01', to: '2026-04-01' }]) await compareBoardCells(range);
    await compareOrganisationQuarters([...quarters2025, { from: '2026-01-01', to: '2026-04-01' }, { from: '2026-07-01', to: '2026-10-01' }]);
  });

  it('keeps them equal to a recomputation through a rebuild (the bulk writers: the seed, the data generator)', async () => {
    await app.get(KpiRollupService).rebuild(db, organisationId);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
    await compareOrganisationQuarters(quarters2025);
  });

  it('keeps the board cells and seats current through writes no route makes today: an enrollment or report deleted, a cohort moved or re-dated, a program moved', async () => {
    const steps: Step[] = [
      { kind: 'report', startup: 0, period: 0, values: [3, 1, 100_000, 5], review: 'validate' },
      { kind: 'report', startup: 2, period: 0, values: [7, 2, 250_000, 9], review: 'validate' },
      { kind: 'enroll', startup: 0, program: 0, to: 'admitted' },
      { kind: 'enroll', startup: 2, program: 1, to: 'admitted' },
    ];
    const { programs } = await play(steps);
    const [site] = await db.query<Array<{ id: string }>>(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, $2, 'Rollup site', 'Lille') RETURNING id`, [
      organisationId,
      `rollup-${Date.now()}`,
    ]);
    created.sites.push(site.id);
    const quarter = { from: '2025-01-01', to: '2025-04-01' };
    const siteCell = async () => (await db.query<Array<{ cell: string; result: { startups: number } }>>(boardCellsSql(organisationId, quarter).text, boardCellsSql(organisationId, quarter).params)).find((r) => r.cell === `site:${site.id}`)!.result;

    await db.query('UPDATE programs SET site_id = $1 WHERE id = $2', [site.id, programs[0].id]);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
    expect((await siteCell()).startups).toBe(1);
    await db.query(`UPDATE cohorts SET program_id = $1, name = 'Promo moved' WHERE id = $2`, [programs[0].id, programs[1].cohortId]);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
    expect((await siteCell()).startups).toBe(2);
    // A cohort's dates: its startups' seats follow (active startups, expected reports).
    const activeIn = async () => (await db.query<Array<{ cell: string; result: { active: number; expected: number } }>>(boardCellsSql(organisationId, quarter).text, boardCellsSql(organisationId, quarter).params)).find((r) => r.cell === `program:${programs[0].id}`)!.result;
    expect((await activeIn()).active).toBe(2);
    await db.query(`UPDATE cohorts SET starts_on = '2025-06-01' WHERE id = $1`, [programs[1].cohortId]);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
    expect((await activeIn()).active).toBe(1);
    await compareBoardCells(quarter);
    await db.query('DELETE FROM enrollments WHERE cohort_id = $1', [programs[0].cohortId]);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
    expect((await siteCell()).startups).toBe(1);
    await compareBoardCells(quarter);
    // A founding date and a sector changed in one statement: both moves apply (founding quarter, then cells).
    await db.query(`UPDATE startups SET founded_on = '2025-02-10', sector = 'fintech' WHERE id = $1`, [created.startups[created.startups.length - 4]]);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
    await compareBoardCells(quarter);
    await compareBoardCells({ from: '2025-01-01', to: '2026-01-01' });
    // A report deleted (no route does it: a startup's removal does, by cascade).
    await db.query('DELETE FROM kpi_reports WHERE startup_id = ANY($1::uuid[])', [created.startups.slice(-4)]);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
    await compareBoardCells(quarter);
  });

  it('keeps them current when a startup goes, with its reports (ON DELETE CASCADE)', async () => {
    await db.query('DELETE FROM startups WHERE id = ANY($1::uuid[])', [created.startups]);
    expect(await app.get(KpiRollupService).drift(organisationId)).toBe(0);
  });
});
