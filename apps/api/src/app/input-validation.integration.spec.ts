import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FloorPlanResponse, FloorResponse } from '@incubator/contracts';
import { freshSiren } from '../test/fixtures';
import { signIn, startTestApi } from '../test/test-app';

/**
 * Issue 14, "found when tried as a hostile client would": each input below once reached PostgreSQL
 * (a 500) or was stored although the contract forbids it. Each must now be refused by validation —
 * 400 naming the field, in the caller's language — and write nothing.
 */
describe('shared validators: hostile inputs are refused with 400 and write nothing (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let db: DataSource;
  let admin: Record<string, string>;
  let startupId: string;
  let cohortId: string;
  let milestoneId: string;
  let freeModuleId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    admin = { ...(await signIn(api, 'admin@demo.test')), 'Content-Type': 'application/json' };
    startupId = (await (await fetch(`${api}/startups?limit=1`, { headers: admin })).json()).items[0].id;
    cohortId = (await (await fetch(`${api}/cohorts`, { headers: admin })).json())[0].id;
    const milestone = await send('POST', `/startups/${startupId}/milestones`, { title: `Validation ${randomUUID()}`, category: 'product', dueOn: '2031-01-01' });
    milestoneId = (milestone.body as { id: string }).id;
    const floors = (await send('GET', '/space/floors')).body as unknown as FloorResponse[];
    for (const floor of floors) {
      const plan = (await send('GET', `/space/floors/${floor.id}/plan?on=2035-01-01`)).body as unknown as FloorPlanResponse;
      const free = plan.modules.find((m) => m.lease === null);
      if (free) {
        freeModuleId = free.id;
        break;
      }
    }
  });

  afterAll(() => app.close());

  async function send(method: string, path: string, body?: unknown, language = 'en') {
    const response = await fetch(`${api}${path}`, { method, headers: { ...admin, 'Accept-Language': language }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> & { fields?: Record<string, string[]> } };
  }

  /** Every table's row versions (ctid changes on any insert, update or delete); copied from the fuzz tier. */
  async function fingerprint(): Promise<string> {
    const tables: Array<{ table_name: string }> = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    const [row] = await db.query(
      `SELECT md5(${tables.map((t) => `coalesce((SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM "${t.table_name}"), '')`).join(" || '|' || ")}) AS print`,
    );
    return row.print;
  }

  /** Sends the request and expects a 400 naming `field`, with nothing written. Returns the messages. */
  async function refused(method: string, path: string, body: unknown, field: string, language = 'en'): Promise<string[]> {
    const before = await fingerprint();
    const response = await send(method, path, body, language);
    expect({ status: response.status, fields: Object.keys(response.body?.fields ?? {}) }).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
    expect(await fingerprint()).toBe(before);
    return response.body.fields?.[field] ?? [];
  }

  const startup = (change: Record<string, unknown> = {}) => ({
    legalName: `Validation ${randomUUID()}`,
    country: 'FR',
    siren: freshSiren(),
    sector: 'greentech',
    stage: 'mvp',
    teamSize: 3,
    ...change,
  });
  const lease = (change: Record<string, unknown> = {}) => ({ startupId, moduleIds: [freeModuleId], startsOn: '2035-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000, ...change });
  const waitlist = (change: Record<string, unknown> = {}) => ({ startupId, areaM2: 24, startsOn: '2035-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000, ...change });

  describe('the year 0000 never reaches PostgreSQL (dates within 1900-01-01…2199-12-31)', () => {
    it('startup founding date, in French and English', async () => {
      expect((await refused('POST', '/startups', startup({ foundedOn: '0000-01-01' }), 'foundedOn', 'fr')).join()).toMatch(/1900-01-01.*2199-12-31/);
      expect((await refused('POST', '/startups', startup({ foundedOn: '0000-01-01' }), 'foundedOn', 'en')).join()).toMatch(/between 1900-01-01 and 2199-12-31/);
    });
    it('cohort start', async () => {
      const programId = (await send('GET', '/programs')).body as unknown as Array<{ id: string }>;
      await refused('POST', '/cohorts', { programId: programId[0].id, name: `C ${randomUUID()}`, startsOn: '0000-01-01', endsOn: '2030-01-01', capacity: 5 }, 'startsOn');
    });
    it('milestone due date', () => refused('PATCH', `/startups/${startupId}/milestones/${milestoneId}`, { dueOn: '0000-01-01' }, 'dueOn'));
    it('waitlist', () => refused('POST', '/waitlist', waitlist({ startsOn: '0000-01-01' }), 'startsOn'));
    it('leases', () => refused('POST', '/leases', lease({ startsOn: '0000-01-01' }), 'startsOn'));
    it('funding rounds', () => refused('POST', '/funding-rounds', { startupId, kind: 'seed', status: 'announced', currency: 'EUR', amount: '100000', announcedOn: '0000-01-01' }, 'announcedOn'));
    it('?month=0000-01', () => refused('GET', '/space/rent-roll?month=0000-01', undefined, 'month'));
    it('/board/quarters/0000-Q1', () => refused('GET', '/board/quarters/0000-Q1', undefined, 'quarter'));
  });

  describe('null for a required field in a PATCH is a 400, not a 500', () => {
    it('startup legal name, in French', async () => {
      expect((await refused('PATCH', `/startups/${startupId}`, { legalName: null }, 'legalName', 'fr')).join()).toMatch(/le champ legalName/);
    });
    it.each(['name', 'startsOn', 'endsOn', 'capacity'])('cohort %s', (field) => refused('PATCH', `/cohorts/${cohortId}`, { [field]: null }, field));
    it.each(['title', 'dueOn'])('milestone %s', (field) => refused('PATCH', `/startups/${startupId}/milestones/${milestoneId}`, { [field]: null }, field));
    it.each(['minValue', 'maxValue'])('KPI definition bound %s', (field) =>
      refused('POST', '/kpi-definitions', { key: `k_${Date.now()}`, labelFr: 'K', labelEn: 'K', unit: 'count', aggregation: 'sum', periodicity: 'monthly', required: false, [field]: null }, field),
    );
  });

  describe('ranges, duplicates, overflows and paging', () => {
    it('waitlist endsOn ≤ startsOn, naming endsOn in French and English', async () => {
      expect((await refused('POST', '/waitlist', waitlist({ endsOn: '2035-01-01' }), 'endsOn', 'fr')).join()).toMatch(/postérieur/);
      expect((await refused('POST', '/waitlist', waitlist({ endsOn: '2034-12-01' }), 'endsOn', 'en')).join()).toMatch(/after startsOn/);
    });
    it('leases, proposals and cohorts use the same range rule', async () => {
      await refused('POST', '/leases', lease({ endsOn: '2035-01-01' }), 'endsOn');
      await refused('POST', '/space/proposals', { areaM2: 24, startsOn: '2035-01-01', endsOn: '2034-01-01' }, 'endsOn');
      await refused('PATCH', `/cohorts/${cohortId}`, { startsOn: '2031-01-01', endsOn: '2030-01-01' }, 'endsOn');
    });
    it('a lease with the same module twice', () => refused('POST', '/leases', lease({ moduleIds: [freeModuleId, freeModuleId] }), 'moduleIds'));
    it('funding round investor ids twice', async () => {
      const investor = await send('POST', '/investors', { name: `Investor ${randomUUID()}`, kind: 'fund' });
      const id = (investor.body as { id: string }).id;
      await refused('POST', '/funding-rounds', { startupId, kind: 'seed', status: 'announced', currency: 'EUR', amount: '1000', investorIds: [id, id] }, 'investorIds');
    });
    it('an amount × EUR rate that overflows its column', () =>
      refused('POST', '/funding-rounds', { startupId, kind: 'seed', status: 'announced', currency: 'USD', amount: '999999999999999', eurRate: '9999999999' }, 'amount'));
    it('the same overflow reached by a PATCH of the amount alone (the rate is the stored one)', async () => {
      const round = await send('POST', '/funding-rounds', { startupId, kind: 'seed', status: 'announced', currency: 'USD', amount: '1', eurRate: '9999999999' });
      expect(round.status).toBe(201);
      await refused('PATCH', `/funding-rounds/${round.body['id']}`, { amount: '999999999999999' }, 'amount');
    });
    it('?offset=99999999999999999999', () => refused('GET', '/startups?offset=99999999999999999999', undefined, 'offset'));
    it('?q=%00', () => refused('GET', '/startups?q=%00', undefined, 'q'));
    it('a reversed funding-round filter (closedTo before closedFrom)', () =>
      refused('GET', '/funding-rounds?closedFrom=2026-06-01&closedTo=2026-03-01', undefined, 'closedTo'));
    // Found by the fuzz tier: converting {"toString": {}} to a number threw inside the validation pipe (a 500).
    it('an object where a number is expected, on every kind of numeric field', async () => {
      const junk = { toString: {} };
      await refused('POST', '/startups', startup({ teamSize: junk }), 'teamSize');
      await refused('POST', '/waitlist', waitlist({ areaM2: [junk] }), 'areaM2');
      await refused('POST', '/space/proposals', { areaM2: junk, startsOn: '2035-01-01' }, 'areaM2');
    });
  });

  describe('schedules, countries, founding dates', () => {
    it('a cron of six fields (every second) and one more often than every 5 minutes', async () => {
      await refused('PATCH', '/schedules/board_pack', { cron: '* * * * * *' }, 'cron');
      expect((await refused('PATCH', '/schedules/board_pack', { cron: '*/2 * * * *' }, 'cron', 'fr')).join()).toMatch(/5 minutes/);
      await refused('PATCH', '/schedules/board_pack', { cron: '0,58 * * * *' }, 'cron');
    });
    it('country ZZ', () => refused('POST', '/startups', startup({ country: 'ZZ' }), 'country'));
    it('a founding date in the future', () => refused('POST', '/startups', startup({ foundedOn: '2099-01-01' }), 'foundedOn'));
  });

  describe('areas: at most 2 decimals, rounded up to whole 24 m² modules everywhere', () => {
    it('24.00000001 m² is refused (more than 2 decimals)', async () => {
      await refused('POST', '/space/proposals', { areaM2: 24.00000001, startsOn: '2035-01-01' }, 'areaM2');
      await refused('POST', '/waitlist', waitlist({ areaM2: 24.00000001 }), 'areaM2');
    });
    it('24.01 m² is two modules in a proposal', async () => {
      const proposals = (await send('POST', '/space/proposals', { areaM2: 24.01, startsOn: '2035-01-01', limit: 1 })).body as unknown as Array<{ areaM2: number }>;
      expect(proposals.map((p) => p.areaM2)).toEqual([48]);
    });
    it('the waitlist stores and shows whole modules: 1 → 24, 50 → 72', async () => {
      const one = await send('POST', '/waitlist', waitlist({ areaM2: 1, startsOn: '2040-01-01' }));
      const fifty = await send('POST', '/waitlist', waitlist({ areaM2: 50, startsOn: '2040-01-01' }));
      expect([one.status, one.body['areaM2'], fifty.status, fifty.body['areaM2']]).toEqual([201, 24, 201, 72]);
      const stored = await db.query('SELECT area_m2 FROM waitlist_requests WHERE id = ANY($1::uuid[]) ORDER BY area_m2', [[one.body['id'], fifty.body['id']]]);
      expect(stored.map((r: { area_m2: number }) => r.area_m2)).toEqual([24, 72]);
      await db.query('DELETE FROM waitlist_requests WHERE id = ANY($1::uuid[])', [[one.body['id'], fifty.body['id']]]);
    });
  });

  it('the OpenAPI document (from which the fuzz tier is generated) states the limits', async () => {
    type Doc = { paths: Record<string, Record<string, { parameters?: Array<{ name: string; schema: Record<string, unknown> }> }>>; components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> } };
    const doc = (await (await fetch(`${api}/docs-json`)).json()) as Doc;
    const offset = doc.paths['/api/startups']['get'].parameters?.find((p) => p.name === 'offset');
    expect(offset?.schema).toMatchObject({ minimum: 0, maximum: 100_000 });
    expect(doc.components.schemas['CreateWaitlistDto'].properties['areaM2']).toMatchObject({ minimum: 0.01, maximum: 10_000 });
    expect(doc.components.schemas['CreateStartupDto'].properties['foundedOn']).toMatchObject({ format: 'date', pattern: expect.any(String) });
    expect(doc.components.schemas['UpdateCohortDto'].required ?? []).toEqual([]);
    expect(doc.components.schemas['UpdateMemberDto'].properties['startupId']).toMatchObject({ nullable: true });
    expect(doc.components.schemas['UpdateScheduleDto'].properties['cron']['description']).toMatch(/every 5 minutes/);
  });
});
