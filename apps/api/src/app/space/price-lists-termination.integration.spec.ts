import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FloorPlanResponse, LeaseResponse, PriceInForceResponse, RentRollResponse, SpacePriceResponse, WaitlistEntryResponse } from '@incubator/contracts';
import { signIn, startTestApi, startTestWorker } from '../../test/test-app';

describe('dated price lists and lease termination (real PostgreSQL and Redis)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let api: string;
  let manager: Record<string, string>;
  let startups: string[];
  let organisationId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    worker = await startTestWorker();
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    organisationId = (await (await fetch(`${api}/auth/me`, { headers: manager })).json()).organisation.id;
    startups = ((await (await fetch(`${api}/startups?limit=5`, { headers: manager })).json()).items as Array<{ id: string }>).map((s) => s.id);
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  const send = async <T>(method: string, path: string, body?: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T & { code?: string } };
  };

  /** A site of its own with one building and a floor of the layout; returns the site, floor and module ids. */
  async function newSite(layout: string): Promise<{ siteId: string; floorId: string; modules: string[] }> {
    const [site] = await app.get(DataSource).query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, $2, $3, 'Lille') RETURNING id`, [
      organisationId,
      `prices-${randomUUID()}`,
      `Campus ${randomUUID().slice(0, 8)}`,
    ]);
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: `Building ${randomUUID()}` });
    const floor = await send<{ id: string }>('POST', '/space/floors', { buildingId: building.body.id, level: 0, name: 'Ground', layout });
    const plan = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2030-01-01`)).body;
    return { siteId: site.id, floorId: floor.body.id, modules: plan.modules.map((m) => m.id) };
  }

  async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return read();
  }

  it('keeps a dated history per site × kind; a new lease takes the price in force on its start date unless overridden', async () => {
    const { siteId, floorId, modules } = await newSite('MMMM');
    const price = (effectiveFrom: string, cents: number, programKind = 'incubator') =>
      send<SpacePriceResponse>('POST', '/space/prices', { siteId, programKind, effectiveFrom, monthlyPricePerM2Cents: cents });

    // No price yet: a lease must give one.
    const unpriced = await send('POST', '/leases', { startupId: startups[0], moduleIds: [modules[0]], startsOn: '2030-03-01', programKind: 'incubator' });
    expect(unpriced).toMatchObject({ status: 400, body: { code: 'space.price_missing' } });

    expect((await price('2030-01-01', 1000)).status).toBe(201);
    const july = await price('2030-07-01', 1400);
    expect(july.body).toMatchObject({ siteId, programKind: 'incubator', effectiveFrom: '2030-07-01', monthlyPricePerM2Cents: 1400 });
    expect((await price('2030-01-01', 1200, 'accelerator')).status).toBe(201);
    expect(await price('2030-07-01', 1500)).toMatchObject({ status: 409, body: { code: 'space.price_date_taken' } });

    const history = await send<SpacePriceResponse[]>('GET', `/space/prices?siteId=${siteId}`);
    expect(history.body.map((p) => [p.programKind, p.effectiveFrom, p.monthlyPricePerM2Cents])).toEqual([
      ['accelerator', '2030-01-01', 1200],
      ['incubator', '2030-07-01', 1400],
      ['incubator', '2030-01-01', 1000],
    ]);

    const inForce = (on: string) => send<PriceInForceResponse>('GET', `/space/prices/in-force?floorId=${floorId}&programKind=incubator&on=${on}`);
    expect((await inForce('2029-12-31')).body).toMatchObject({ siteId, effectiveFrom: null, monthlyPricePerM2Cents: null });
    expect((await inForce('2030-06-30')).body).toMatchObject({ effectiveFrom: '2030-01-01', monthlyPricePerM2Cents: 1000 });
    expect((await inForce('2030-07-01')).body).toMatchObject({ effectiveFrom: '2030-07-01', monthlyPricePerM2Cents: 1400 });

    const lease = (moduleId: string, startsOn: string, override?: number) =>
      send<LeaseResponse>('POST', '/leases', { startupId: startups[0], moduleIds: [moduleId], startsOn, endsOn: '2031-01-01', programKind: 'incubator', monthlyPricePerM2Cents: override });
    const spring = await lease(modules[0], '2030-03-01');
    expect(spring.body).toMatchObject({ monthlyPricePerM2Cents: 1000, monthlyRentCents: 24 * 1000 });
    const summer = await lease(modules[1], '2030-07-01');
    expect(summer.body.monthlyPricePerM2Cents).toBe(1400);
    const negotiated = await lease(modules[2], '2030-07-01', 999);
    expect(negotiated.body.monthlyPricePerM2Cents).toBe(999);

    const db = app.get(DataSource);
    const audit = async (id: string) => (await db.query(`SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'lease.created'`, [id]))[0].after;
    expect(await audit(negotiated.body.id)).toMatchObject({ monthlyPricePerM2Cents: 999, listPricePerM2Cents: 1400, priceOverridden: true });
    expect(await audit(summer.body.id)).toMatchObject({ monthlyPricePerM2Cents: 1400, listPricePerM2Cents: 1400, priceOverridden: false });

    // A price added later never changes a stored lease; the rent roll bills each lease at its own price.
    expect((await price('2030-02-01', 5000)).status).toBe(201);
    const roll = await send<RentRollResponse>('GET', '/space/rent-roll?month=2030-08');
    const ours = roll.body.lines.filter((r) => [spring.body.id, summer.body.id, negotiated.body.id].includes(r.leaseId));
    expect(Object.fromEntries(ours.map((r) => [r.leaseId, r.monthlyPricePerM2Cents]))).toEqual({
      [spring.body.id]: 1000,
      [summer.body.id]: 1400,
      [negotiated.body.id]: 999,
    });
  });

  it('refuses hostile prices and other organisations’ sites and floors', async () => {
    const { siteId, floorId } = await newSite('MM');
    const base = { siteId, programKind: 'incubator', effectiveFrom: '2030-01-01', monthlyPricePerM2Cents: 1000 };
    for (const hostile of [
      { ...base, effectiveFrom: '2030-02-30' },
      { ...base, effectiveFrom: 'tomorrow' },
      { ...base, monthlyPricePerM2Cents: -1 },
      { ...base, monthlyPricePerM2Cents: 12.5 },
      { ...base, programKind: 'coworking' },
      { ...base, siteId: 'not-a-uuid' },
    ]) {
      expect((await send('POST', '/space/prices', hostile)).status).toBe(400);
    }
    expect(await send('POST', '/space/prices', { ...base, siteId: randomUUID() })).toMatchObject({ status: 404, body: { code: 'space.site_not_found' } });

    const other = { ...(await signIn(api, 'manager@other.test')), 'Content-Type': 'application/json' };
    expect((await send('POST', '/space/prices', base, other)).status).toBe(404);
    expect((await send('GET', `/space/prices/in-force?floorId=${floorId}&programKind=incubator&on=2030-01-01`, undefined, other)).status).toBe(404);
    expect((await send<SpacePriceResponse[]>('GET', `/space/prices?siteId=${siteId}`, undefined, other)).body).toEqual([]);
    const board = { ...(await signIn(api, 'board@demo.test')), 'Content-Type': 'application/json' };
    expect((await send('GET', '/space/prices', undefined, board)).status).toBe(403);
  });

  it('terminates a lease on a date with a reason: modules free from then, the waitlist gets an offer, rent roll and plan follow', async () => {
    const { siteId, floorId, modules } = await newSite('MM');
    const lease = await send<LeaseResponse>('POST', '/leases', { startupId: startups[1], moduleIds: modules, startsOn: '2030-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    expect(lease.status).toBe(201);
    const request = await send<WaitlistEntryResponse>('POST', '/waitlist', { startupId: startups[2], areaM2: 24, startsOn: '2030-06-01', siteId, programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    expect(request.body.status).toBe('waiting');

    const terminate = (body: unknown, id = lease.body.id, headers = manager) => send<LeaseResponse>('POST', `/leases/${id}/terminate`, body, headers);
    // Hostile dates and reasons: 400, nothing written.
    for (const hostile of [
      { endsOn: '2029-12-01', reason: 'departure' },
      { endsOn: '2030-01-01', reason: 'departure' },
      { endsOn: '2030-02-30', reason: 'departure' },
      { endsOn: '2030-06-01', reason: 'bored' },
      { endsOn: '2030-06-01' },
      { endsOn: '2030-06-01', reason: 'other', note: 'x'.repeat(501) },
      { endsOn: '2030-06-01', reason: 'other', note: 'bad\u0000note' },
    ]) {
      expect((await terminate(hostile)).status).toBe(400);
    }
    const other = { ...(await signIn(api, 'manager@other.test')), 'Content-Type': 'application/json' };
    expect(await terminate({ endsOn: '2030-06-01', reason: 'departure' }, lease.body.id, other)).toMatchObject({ status: 404, body: { code: 'space.lease_not_found' } });
    expect((await terminate({ endsOn: '2030-06-01', reason: 'departure' }, randomUUID())).status).toBe(404);
    const stored = async () => (await send<LeaseResponse[]>('GET', `/leases?startupId=${startups[1]}`)).body.find((l) => l.id === lease.body.id);
    expect(await stored()).toMatchObject({ endsOn: null, termination: null });

    const ended = await terminate({ endsOn: '2030-06-01', reason: 'graduation', note: 'Levée de fonds, part à Paris' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endsOn: '2030-06-01', termination: { reason: 'graduation', note: 'Levée de fonds, part à Paris' } });
    expect(await terminate({ endsOn: '2030-05-01', reason: 'departure' })).toMatchObject({ status: 409, body: { code: 'space.lease_already_terminated' } });
    expect(await stored()).toMatchObject({ endsOn: '2030-06-01', termination: { reason: 'graduation' } });

    const [audit] = await app.get(DataSource).query(`SELECT before, after FROM audit_events WHERE entity_id = $1 AND action = 'lease.terminated'`, [lease.body.id]);
    expect(audit).toMatchObject({ before: { endsOn: null }, after: { endsOn: '2030-06-01', reason: 'graduation' } });

    const planOn = async (on: string) => (await send<FloorPlanResponse>('GET', `/space/floors/${floorId}/plan?on=${on}`)).body.modules.map((m) => m.lease?.id ?? null);
    expect(await planOn('2030-05-31')).toEqual([lease.body.id, lease.body.id]);
    expect(await planOn('2030-06-01')).toEqual([null, null]);
    const rollOf = async (month: string) => (await send<RentRollResponse>('GET', `/space/rent-roll?month=${month}`)).body.lines.filter((r) => r.leaseId === lease.body.id);
    expect(await rollOf('2030-05')).toHaveLength(1);
    expect(await rollOf('2030-06')).toEqual([]);

    const entry = async () => (await send<WaitlistEntryResponse[]>('GET', '/waitlist')).body.find((e) => e.id === request.body.id) as WaitlistEntryResponse;
    const offered = await eventually(entry, (e) => e.status === 'offered');
    expect(offered.status).toBe('offered');
    expect(offered.offer?.moduleIds).toHaveLength(1);
  });

  it('terminates before the current end and refuses an end after it, and a superseded version', async () => {
    const { modules } = await newSite('MM');
    const lease = await send<LeaseResponse>('POST', '/leases', { startupId: startups[3], moduleIds: modules, startsOn: '2030-01-01', endsOn: '2030-12-01', programKind: 'accelerator', monthlyPricePerM2Cents: 800 });
    const shrunk = await send<LeaseResponse>('POST', `/leases/${lease.body.id}/resize`, { effectiveOn: '2030-04-01', removeModuleId: modules[1] });
    expect(shrunk.status).toBe(201);
    expect(await send('POST', `/leases/${lease.body.id}/terminate`, { endsOn: '2030-03-01', reason: 'move' })).toMatchObject({ status: 409, body: { code: 'space.lease_superseded' } });
    expect(await send('POST', `/leases/${shrunk.body.id}/terminate`, { endsOn: '2030-12-02', reason: 'move' })).toMatchObject({ status: 400, body: { code: 'space.terminate_outside_lease' } });
    expect(await send('POST', `/leases/${shrunk.body.id}/terminate`, { endsOn: '2030-04-01', reason: 'move' })).toMatchObject({ status: 400, body: { code: 'space.terminate_outside_lease' } });
    const ended = await send<LeaseResponse>('POST', `/leases/${shrunk.body.id}/terminate`, { endsOn: '2030-12-01', reason: 'non_payment' });
    expect(ended.body).toMatchObject({ endsOn: '2030-12-01', termination: { reason: 'non_payment', note: null } });
  });
});
