import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FloorPlanResponse } from '@incubator/contracts';
import { fingerprint } from '../test/db-fingerprint';
import { signIn, startTestApi } from '../test/test-app';

/**
 * Every create/update path that takes the id of another row, given a real id of the *other*
 * organisation: a clean 4xx, nothing written. (Since the composite foreign keys, a missing service check
 * would surface as a 23503 → 500 rather than as a cross-tenant row; these tests catch either.)
 */
describe('ids of another organisation are refused, nothing written (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let api: string;
  const headers: Record<'manager' | 'admin', Record<string, string>> = { manager: {}, admin: {} };
  /** Rows of the demo organisation (the caller's) and of the other one. */
  const own: Record<string, string> = {};
  const foreign: Record<string, string> = {};

  const send = async (method: string, path: string, body: unknown, as: Record<string, string>, locale?: string) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { ...as, 'Content-Type': 'application/json', ...(locale ? { 'Accept-Language': locale } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  };

  const one = async (sql: string, params: unknown[]) => ((await db.query(sql, params)) as Array<{ id: string }>)[0]?.id as string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    headers.manager = await signIn(api, 'manager@demo.test');
    headers.admin = await signIn(api, 'admin@demo.test');
    const otherManager = await signIn(api, 'manager@other.test');
    const [demo, other] = (await db.query(`SELECT id FROM organisations WHERE slug IN ('demo', 'other') ORDER BY slug`)).map((o: { id: string }) => o.id);
    for (const [ids, organisationId] of [[own, demo], [foreign, other]] as const) {
      for (const table of ['sites', 'startups', 'programs', 'cohorts']) {
        ids[table] = await one(`SELECT id FROM ${table} WHERE organisation_id = $1 ORDER BY id LIMIT 1`, [organisationId]);
      }
    }
    own['round'] = await one(`SELECT id FROM funding_rounds WHERE organisation_id = $1 ORDER BY id LIMIT 1`, [demo]);
    own['startupUser'] = await one(`SELECT id FROM users WHERE email = 'startup@demo.test'`, []);

    // Each organisation gets a floor of its own (no other test's lease is in the way), the other one an investor too.
    const officeOf = async (siteId: string, as: Record<string, string>) => {
      const building = await send('POST', '/space/buildings', { siteId, name: `Tenancy ${randomUUID()}` }, as);
      const floor = await send('POST', '/space/floors', { buildingId: building.body.id, level: 0, name: 'Ground', layout: 'MM' }, as);
      const plan = (await (await fetch(`${api}/space/floors/${floor.body.id}/plan?on=2030-01-01`, { headers: as })).json()) as FloorPlanResponse;
      return { building: building.body.id as string, floor: floor.body.id as string, module: plan.modules[0].id };
    };
    Object.assign(own, await officeOf(own['sites'], headers.manager));
    Object.assign(foreign, await officeOf(foreign['sites'], otherManager));
    foreign['investor'] = (await send('POST', '/investors', { name: `Tenancy ${randomUUID()}`, kind: 'fund' }, otherManager)).body.id;
    expect(Object.values(foreign).every(Boolean)).toBe(true);

    // A demo lease to grow by a module of the other organisation.
    const lease = await send('POST', '/leases', { startupId: own['startups'], moduleIds: [own['module']], startsOn: '2041-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 }, headers.manager);
    expect(lease.status).toBe(201);
    own['lease'] = lease.body.id;
  });

  afterAll(() => app.close());

  /** A request that is valid in every way except the one foreign id. */
  interface Case {
    what: string;
    method: string;
    path: () => string;
    body: () => unknown;
    as?: 'manager' | 'admin';
    /** 404, or 400 naming the field where the service reports the id among the body's field errors. */
    status: 404 | 400;
    field?: string;
  }

  const waitlist = (change: Record<string, string>) => ({
    startupId: own['startups'], siteId: own['sites'], areaM2: 24, startsOn: '2041-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000, ...change,
  });
  const round = (change: Record<string, unknown>) => ({ startupId: own['startups'], kind: 'seed', status: 'announced', currency: 'EUR', amount: '1000', ...change });

  const cases: Case[] = [
    { what: 'POST /waitlist with a site of the other organisation', method: 'POST', path: () => '/waitlist', body: () => waitlist({ siteId: foreign['sites'] }), status: 404 },
    { what: 'POST /waitlist with a startup of the other organisation', method: 'POST', path: () => '/waitlist', body: () => waitlist({ startupId: foreign['startups'] }), status: 404 },
    { what: 'POST /programs on a site of the other organisation', method: 'POST', path: () => '/programs', body: () => ({ siteId: foreign['sites'], kind: 'incubator', name: `T ${randomUUID()}` }), status: 404 },
    {
      what: 'POST /cohorts in a program of the other organisation',
      method: 'POST',
      path: () => '/cohorts',
      body: () => ({ programId: foreign['programs'], name: `T ${randomUUID()}`, startsOn: '2041-01-01', endsOn: '2042-01-01', capacity: 10 }),
      status: 404,
    },
    { what: 'POST /enrollments in a cohort of the other organisation', method: 'POST', path: () => '/enrollments', body: () => ({ cohortId: foreign['cohorts'], startupId: own['startups'] }), status: 404 },
    { what: 'POST /enrollments of a startup of the other organisation', method: 'POST', path: () => '/enrollments', body: () => ({ cohortId: own['cohorts'], startupId: foreign['startups'] }), status: 404 },
    { what: 'POST /space/buildings on a site of the other organisation', method: 'POST', path: () => '/space/buildings', body: () => ({ siteId: foreign['sites'], name: `T ${randomUUID()}` }), status: 404 },
    {
      what: 'POST /space/floors in a building of the other organisation',
      method: 'POST',
      path: () => '/space/floors',
      body: () => ({ buildingId: foreign['building'], level: 7, name: 'T', layout: 'M' }),
      status: 404,
    },
    {
      what: 'POST /leases for a startup of the other organisation',
      method: 'POST',
      path: () => '/leases',
      body: () => ({ startupId: foreign['startups'], moduleIds: [own['module']], startsOn: '2043-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 }),
      status: 404,
    },
    {
      what: 'POST /leases of a module of the other organisation',
      method: 'POST',
      path: () => '/leases',
      body: () => ({ startupId: own['startups'], moduleIds: [foreign['module']], startsOn: '2043-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 }),
      status: 404,
    },
    { what: 'POST /leases/:id/resize adding a module of the other organisation', method: 'POST', path: () => `/leases/${own['lease']}/resize`, body: () => ({ effectiveOn: '2041-06-01', addModuleId: foreign['module'] }), status: 404 },
    {
      what: 'POST /kpi-definitions for a program of the other organisation',
      method: 'POST',
      path: () => '/kpi-definitions',
      body: () => ({ key: `t_${randomUUID().slice(0, 8)}`, labelFr: 'T', labelEn: 'T', unit: 'count', aggregation: 'sum', periodicity: 'monthly', required: false, programId: foreign['programs'] }),
      status: 400,
      field: 'programId',
    },
    { what: 'POST /kpi-reports for a startup of the other organisation', method: 'POST', path: () => '/kpi-reports', body: () => ({ startupId: foreign['startups'], period: '2025-01', values: {} }), status: 404 },
    { what: 'POST /funding-rounds for a startup of the other organisation', method: 'POST', path: () => '/funding-rounds', body: () => round({ startupId: foreign['startups'] }), status: 404 },
    { what: 'POST /funding-rounds with an investor of the other organisation', method: 'POST', path: () => '/funding-rounds', body: () => round({ investorIds: [foreign['investor']] }), status: 400, field: 'investorIds' },
    { what: 'POST /funding-rounds led by an investor of the other organisation', method: 'POST', path: () => '/funding-rounds', body: () => round({ leadInvestorId: foreign['investor'] }), status: 400, field: 'investorIds' },
    { what: 'PATCH /funding-rounds/:id with an investor of the other organisation', method: 'PATCH', path: () => `/funding-rounds/${own['round']}`, body: () => ({ investorIds: [foreign['investor']] }), status: 400, field: 'investorIds' },
    { what: 'POST a milestone to a startup of the other organisation', method: 'POST', path: () => `/startups/${foreign['startups']}/milestones`, body: () => ({ title: 'T', category: 'product', dueOn: '2041-01-01' }), status: 404 },
    { what: 'POST /invitations to a startup of the other organisation', method: 'POST', path: () => '/invitations', body: () => ({ email: `t-${randomUUID()}@example.test`, role: 'startup', startupId: foreign['startups'] }), as: 'admin', status: 404 },
    { what: 'PATCH /users/:id onto a startup of the other organisation', method: 'PATCH', path: () => `/users/${own['startupUser']}`, body: () => ({ startupId: foreign['startups'] }), as: 'admin', status: 404 },
  ];

  it.each(cases)('$what → $status, no change', async ({ method, path, body, as, status, field }) => {
    const before = await fingerprint(db);
    const response = await send(method, path(), body(), headers[as ?? 'manager']);
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    if (field) expect(response.body.fields?.[field]).toBeDefined();
    expect(await fingerprint(db)).toBe(before);
  });

  it('answers the foreign site of a waitlist request in the caller’s language, naming the field', async () => {
    const fr = await send('POST', '/waitlist', waitlist({ siteId: foreign['sites'] }), headers.manager);
    const en = await send('POST', '/waitlist', waitlist({ siteId: foreign['sites'] }), headers.manager, 'en');
    expect(fr).toMatchObject({ status: 404, body: { message: 'Site inconnu dans cette organisation.', fields: { siteId: ['site inconnu dans cette organisation'] } } });
    expect(en).toMatchObject({ status: 404, body: { message: 'No such site in this organisation.', fields: { siteId: ['no such site in this organisation'] } } });
    // Nothing of it reached the list (nor, by the fingerprint above, the audit log).
    const list = await (await fetch(`${api}/waitlist`, { headers: headers.manager })).json();
    expect(list.some((entry: { siteId: string | null }) => entry.siteId === foreign['sites'])).toBe(false);
  });

  it('answers a KPI definition for a foreign program and a report for a foreign startup with their codes, in French by default', async () => {
    const definition = { key: `t_${randomUUID().slice(0, 8)}`, labelFr: 'T', labelEn: 'T', unit: 'count', aggregation: 'sum', periodicity: 'monthly', required: false, programId: foreign['programs'] };
    expect(await send('POST', '/kpi-definitions', definition, headers.manager)).toMatchObject({
      status: 400,
      body: { code: 'kpi.unknown_program', message: 'Programme inconnu.', fields: { programId: ['programme inconnu'] } },
    });
    expect(await send('POST', '/kpi-reports', { startupId: foreign['startups'], period: '2025-01', values: {} }, headers.manager, 'en')).toMatchObject({
      status: 404,
      body: { code: 'kpi.startup_not_found', message: 'No such startup.' },
    });
  });
});
