import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiErrorResponse, BoardQuarterResponse, BreakdownRow, FundingRoundResponse, KpiAggregatesResponse, LeaseResponse, PageResponse, StartupResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi } from '../../test/test-app';

type Headers = Record<string, string>;

/**
 * What a board member can work out by subtraction from one table: the total less every published part,
 * when exactly one part is withheld. Null when the table gives nothing away.
 */
function recover(total: string | null, parts: Array<string | null>): number | null {
  if (total === null || parts.filter((p) => p === null).length !== 1) return null;
  return Number(total) - parts.reduce((sum, p) => sum + Number(p ?? 0), 0);
}

/**
 * Tried as a board member would (ASVS V8, "sensitive data"): one organisation of its own, so every
 * figure is known. Eight startups in Q1 2025:
 *   North: program P1 = cohort C1a {a, b, c} + cohort C1b {d}; program P3 = {h}
 *   South: program P2 = {e, f, g}
 *   sectors: d alone in "ai", the seven others in "fintech"
 * d and h have large revenues and jobs; a and e closed the quarter's only two rounds.
 */
describe('board confidentiality: no single startup’s figures, not even by subtraction (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let db: DataSource;
  let organisationId: string;
  let manager: Headers;
  let board: Headers;
  const ids: Record<string, string> = {};
  const revenue: Record<string, number> = { a: 100, b: 200, c: 300, d: 4000, e: 500, f: 600, g: 700, h: 8000 };
  const jobs: Record<string, number> = { a: 1, b: 2, c: 3, d: 40, e: 5, f: 6, g: 7, h: 80 };

  const send = async <T>(method: string, path: string, body?: unknown, headers: Headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as T & ApiErrorResponse };
  };
  const created = async <T extends { id: string }>(path: string, body: unknown): Promise<T> => {
    const response = await send<T>('POST', path, body);
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const aggregates = (query: string, headers = board) => send<KpiAggregatesResponse>('GET', `/kpi-aggregates?${query}`, undefined, headers);
  const kpi = (a: KpiAggregatesResponse, key: string) => a.kpis.find((k) => k.key === key)?.value ?? null;

  async function member(role: 'manager' | 'board'): Promise<Headers> {
    const email = `${role}-${randomUUID().slice(0, 8)}@confidential.test`;
    const [user] = await db.query(
      `INSERT INTO users (email, display_name, password_hash, locale) SELECT $1, $2, password_hash, 'en' FROM users WHERE email = 'manager@demo.test' RETURNING id`,
      [email, role],
    );
    await db.query('INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)', [user.id, organisationId, role]);
    return { ...(await signIn(api, email)), 'Content-Type': 'application/json', 'Accept-Language': 'en' };
  }

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    [{ id: organisationId }] = await db.query(`INSERT INTO organisations (slug, name) VALUES ($1, 'Confidential Park') RETURNING id`, [`conf-${randomUUID().slice(0, 8)}`]);
    const [north] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, 'north', 'North', 'Lille') RETURNING id`, [organisationId]);
    const [south] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, 'south', 'South', 'Roubaix') RETURNING id`, [organisationId]);
    ids['north'] = north.id;
    ids['south'] = south.id;
    manager = await member('manager');
    board = await member('board');

    const program = async (key: string, siteId: string) => (ids[key] = (await created('/programs', { siteId, kind: 'incubator', name: key })).id);
    const cohort = async (key: string, programId: string) =>
      (ids[key] = (await created('/cohorts', { programId, name: key, startsOn: '2025-01-01', endsOn: '2026-01-01', capacity: 10 })).id);
    await program('P1', ids['north']);
    await program('P3', ids['north']);
    await program('P2', ids['south']);
    await cohort('C1a', ids['P1']);
    await cohort('C1b', ids['P1']);
    await cohort('C3', ids['P3']);
    await cohort('C2', ids['P2']);
    const placement: Record<string, string> = { a: 'C1a', b: 'C1a', c: 'C1a', d: 'C1b', h: 'C3', e: 'C2', f: 'C2', g: 'C2' };
    const sirens: Record<string, string> = {};
    for (const [key, cohortId] of Object.entries(placement)) {
      sirens[key] = freshSiren();
      const startup = await created<StartupResponse>('/startups', { legalName: `Startup ${key.toUpperCase()} SAS`, country: 'FR', siren: sirens[key], sector: key === 'd' ? 'ai' : 'fintech', stage: 'mvp', teamSize: 2 });
      ids[key] = startup.id;
      const enrollment = await created('/enrollments', { cohortId: ids[cohortId], startupId: startup.id });
      expect((await send('POST', `/enrollments/${enrollment.id}/transitions`, { status: 'admitted' })).status).toBe(201);
    }
    // In April, h alone reports: Q2's revenue is h's.
    const csv = ['startup,period,headcount,jobs_created,revenue', ...Object.keys(placement).map((k) => `${sirens[k]},2025-01,${jobs[k]},${jobs[k]},${revenue[k]}.00`), `${sirens['h']},2025-04,80,0,999.00`].join('\n');
    const imported = await fetch(`${api}/kpi-reports/import?dryRun=false`, { method: 'POST', headers: { ...manager, 'Content-Type': 'text/csv' }, body: csv });
    expect(imported.status).toBe(200);
    const round = (key: string, amount: string, closedOn: string) =>
      created<FundingRoundResponse>('/funding-rounds', { startupId: ids[key], kind: 'seed', status: 'closed', currency: 'EUR', amount, closedOn });
    // Q1: two rounds only, so funds raised are withheld from the board.
    await round('a', '1000000', '2025-02-10');
    await round('e', '500000', '2025-03-05');
    // Q2: a single round. Q3: six rounds behind every published figure.
    await round('b', '250000', '2025-05-02');
    for (const key of ['a', 'b', 'c', 'e', 'f', 'g']) await round(key, '10000', '2025-08-01');
  }, 120_000);

  afterAll(() => app.close());

  it('gives the board no rent per lease (the park’s team still sees it)', async () => {
    const building = await created('/space/buildings', { siteId: ids['north'], name: 'Main' });
    const floor = await created<{ id: string }>('/space/floors', { buildingId: building.id, level: 1, name: 'First', layout: 'MMMM' });
    const plan = (await send<{ modules: Array<{ id: string }> }>('GET', `/space/floors/${floor.id}/plan?on=2025-02-01`)).body;
    await created('/leases', { startupId: ids['a'], moduleIds: [plan.modules[0].id], startsOn: '2025-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1850 });
    const team = (await send<LeaseResponse[]>('GET', '/leases')).body;
    expect(team.map((l) => l.monthlyRentCents)).toEqual([24 * 1850]);
    const seenByBoard = await send<LeaseResponse[]>('GET', '/leases', undefined, board);
    expect(seenByBoard.status).toBe(200);
    expect(seenByBoard.body).toHaveLength(1);
    expect(seenByBoard.body[0]).toMatchObject({ areaM2: 24, monthlyRentCents: null, monthlyPricePerM2Cents: null });
  });

  it('does not list to the board the rounds behind a withheld total, unless the organisation opts in', async () => {
    const seen = (await send<BoardQuarterResponse>('GET', '/board/quarters/2025-Q1', undefined, board)).body;
    expect(seen.aggregates.fundsRaisedEur).toBeNull();
    // The rounds listed must not add up to the withheld figure (the team's 1,500,000.00).
    const listed = seen.rounds.reduce((sum, r) => sum + Number(r.amountEur), 0);
    expect(listed).not.toBe(1_500_000);
    const team = (await send<BoardQuarterResponse>('GET', '/board/quarters/2025-Q1')).body;
    expect(team.aggregates.fundsRaisedEur).toBe('1500000.00');
    expect(seen.rounds).toEqual([]);
    expect(seen.roundsWithheld).toBe(2);

    // Q3: every figure the six rounds feed (organisation, sites, programs, sector) is published: listed.
    const q3 = (await send<BoardQuarterResponse>('GET', '/board/quarters/2025-Q3', undefined, board)).body;
    expect(q3.aggregates.fundsRaisedEur).toBe('60000.00');
    expect(q3.rounds).toHaveLength(6);

    // Nor round by round through the funding API (the team's list), nor its export.
    const roundsApi = (headers: Headers) => send<PageResponse<FundingRoundResponse>>('GET', '/funding-rounds?closedFrom=2025-01-01&closedTo=2025-04-01', undefined, headers);
    expect((await roundsApi(manager)).body.total).toBe(2);
    expect((await roundsApi(board)).body).toMatchObject({ total: 0, items: [] });
    const exported = await fetch(`${api}/funding-rounds/export?format=csv`, { headers: board });
    expect((await exported.text()).trim().split('\n')).toHaveLength(1);

    // An organisation that publishes its rounds anyway (press releases) may show them one by one.
    await db.query('UPDATE organisations SET board_sees_rounds = true WHERE id = $1', [organisationId]);
    try {
      const q2 = (await send<BoardQuarterResponse>('GET', '/board/quarters/2025-Q2', undefined, board)).body;
      expect(q2.aggregates.fundsRaisedEur).toBeNull();
      expect(q2.rounds.map((r) => r.amountEur)).toEqual(['250000.00']);
      expect((await roundsApi(board)).body.total).toBe(2);
    } finally {
      await db.query('UPDATE organisations SET board_sees_rounds = false WHERE id = $1', [organisationId]);
    }
  });

  it('withholds figures from board members only: managers see every figure on the board-quarter endpoint', async () => {
    const team = (await send<BoardQuarterResponse>('GET', '/board/quarters/2025-Q1')).body;
    expect(team.aggregates.suppressed).toBe(false);
    expect(team.bySector.find((s) => s.id === 'ai')?.jobsCreated).toBe('40');
    expect(team.byProgram.find((p) => p.name === 'P3')?.jobsCreated).toBe('80');
    expect(team.rounds).toHaveLength(2);
    const seen = (await send<BoardQuarterResponse>('GET', '/board/quarters/2025-Q1', undefined, board)).body;
    expect(seen.aggregates.suppressed).toBe(true);
    expect(seen.bySector.find((s) => s.id === 'ai')?.jobsCreated).toBeNull();
  });

  it('cannot recover one startup’s revenue by subtracting published figures (total − siblings, site − programs, program − cohort)', async () => {
    const q = 'from=2025-01-01&to=2025-04-01';
    const org = (await aggregates(q)).body;
    expect(kpi(org, 'revenue')).toBe('14400');
    const cell = async (filter: string) => kpi((await aggregates(`${q}&${filter}`)).body, 'revenue');
    const sectors = [await cell('sector=ai'), await cell('sector=fintech')];
    const sites = [await cell(`siteId=${ids['north']}`), await cell(`siteId=${ids['south']}`)];
    const programs = { P1: await cell(`programId=${ids['P1']}`), P2: await cell(`programId=${ids['P2']}`), P3: await cell(`programId=${ids['P3']}`) };
    const attempts = [
      recover(kpi(org, 'revenue'), sectors), // organisation − fintech = d
      recover(kpi(org, 'revenue'), sites),
      recover(sites[0], [programs.P1, programs.P3]), // North − P1 = h
      recover(sites[1], [programs.P2]),
      recover(kpi(org, 'revenue'), Object.values(programs)),
    ];
    expect(attempts).toEqual([null, null, null, null, null]);
    expect(sectors[0]).toBeNull(); // d alone
    expect(programs.P3).toBeNull(); // h alone

    // A cohort is not one of the board's partitions: P1 (a, b, c, d) − C1a (a, b, c) would be d.
    const cohort = await aggregates(`${q}&cohortId=${ids['C1a']}`);
    expect(cohort.status).toBe(400);
    expect(cohort.body.fields?.['cohortId']).toBeDefined();
    // Nor a month, a range that is not a whole quarter or year, or two partitions at once.
    const month = await aggregates('from=2025-01-01&to=2025-02-01');
    expect(month.status).toBe(400);
    expect(month.body.fields?.['to']).toBeDefined();
    expect((await aggregates(`${q}&siteId=${ids['north']}&sector=fintech`)).status).toBe(400);
    // The team keeps every filter; a whole year is fine for the board.
    expect(kpi((await aggregates(`${q}&cohortId=${ids['C1a']}`, manager)).body, 'revenue')).toBe('600');
    expect((await aggregates('from=2025-01-01&to=2026-01-01')).status).toBe(200);
  });

  it('cannot recover a quarter from its year (year − the other quarters)', async () => {
    const quarters = ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01'];
    const byQuarter: Array<string | null> = [];
    for (let i = 0; i < 4; i++) byQuarter.push(kpi((await aggregates(`from=${quarters[i]}&to=${quarters[i + 1]}`)).body, 'revenue'));
    expect(byQuarter[1]).toBeNull(); // h alone
    const year = kpi((await aggregates('from=2025-01-01&to=2026-01-01')).body, 'revenue');
    expect(recover(year, byQuarter)).toBeNull();
    expect(kpi((await aggregates('from=2025-01-01&to=2026-01-01', manager)).body, 'revenue')).toBe('15399');
  });

  it('publishes board-quarter breakdowns that cannot be subtracted from their total either', async () => {
    const seen = (await send<BoardQuarterResponse>('GET', '/board/quarters/2025-Q1', undefined, board)).body;
    const total = seen.aggregates.jobsCreated;
    expect(total).toBe('144');
    const column = (rows: BreakdownRow[]) => rows.map((r) => r.jobsCreated);
    expect(recover(total, column(seen.bySector))).toBeNull();
    expect(recover(total, column(seen.bySite))).toBeNull();
    expect(recover(total, column(seen.byProgram))).toBeNull();
    const north = seen.bySite.find((s) => s.id === ids['north'])!;
    expect(recover(north.jobsCreated, column(seen.byProgram.filter((p) => p.id !== ids['P2'])))).toBeNull();
  });

  it('answers only quarters of the organisation’s data: 404 before its first, 400 after today', async () => {
    expect((await send('GET', '/board/quarters/2024-Q4', undefined, board)).status).toBe(404);
    expect((await send('GET', '/board/quarters/1990-Q1', undefined, board)).status).toBe(404);
    const future = await send('GET', '/board/quarters/2999-Q1', undefined, board);
    expect(future.status).toBe(400);
    expect(future.body.fields?.['quarter']).toBeDefined();
    expect((await send('GET', '/board/quarters/2025-Q1', undefined, board)).status).toBe(200);
  });

  it('lets only the park’s team regenerate a board pack (regenerating e-mails every recipient again)', async () => {
    const refused = await send('POST', '/report-runs', { kind: 'board_pack', period: '2025-Q1', regenerate: true }, board);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/team/i);
  });
});
