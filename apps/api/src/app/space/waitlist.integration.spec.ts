import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WaitlistService } from '@incubator/api/space';
import type { FloorPlanResponse, LeaseResponse, WaitlistEntryResponse } from '@incubator/contracts';
import { signIn, startTestApi, startTestWorker } from '../../test/test-app';

describe('office waitlist: priority, offers made by the worker, acceptance, lapse (real PostgreSQL and Redis)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let api: string;
  let manager: Record<string, string>;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    worker = await startTestWorker();
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  const send = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, { method, headers: manager, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  const entry = async (id: string) => (await send<WaitlistEntryResponse[]>('GET', '/waitlist')).body.find((e) => e.id === id) as WaitlistEntryResponse;

  async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return read();
  }

  it('offers freed space to program startups before business-centre tenants, and passes a lapsed offer on', async () => {
    // A site of its own (no API creates sites yet), so no other test's free space interferes.
    const db = app.get(DataSource);
    const me = await (await fetch(`${api}/auth/me`, { headers: manager })).json();
    const [site] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, $2, 'Waitlist campus', 'Lille') RETURNING id`, [
      me.organisation.id,
      `waitlist-${Date.now()}`,
    ]);
    const startups = (await (await fetch(`${api}/startups?limit=3`, { headers: manager })).json()).items as Array<{ id: string }>;

    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: `Waitlist ${randomUUID()}` });
    const floor = await send<{ id: string }>('POST', '/space/floors', { buildingId: building.body.id, level: 0, name: 'Ground', layout: 'MM' });
    const plan = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2030-01-01`)).body;
    const [left, right] = plan.modules.map((m) => m.id);
    const lease = await send<LeaseResponse>('POST', '/leases', { startupId: startups[0].id, moduleIds: [left, right], startsOn: '2030-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    expect(lease.status).toBe(201);

    // Site-restricted requests so only this floor's space matters; the business-centre one comes first in time.
    const request = (startupId: string, programKind: string) =>
      send<WaitlistEntryResponse>('POST', '/waitlist', { startupId, areaM2: 20, startsOn: '2030-06-01', siteId: site.id, programKind, monthlyPricePerM2Cents: 1200 });
    const tenant = (await request(startups[1].id, 'business_centre')).body;
    const incubatee = (await request(startups[2].id, 'incubator')).body;
    expect(tenant.status).toBe('waiting');

    const ours = [tenant.id, incubatee.id];
    const positions = (await send<WaitlistEntryResponse[]>('GET', '/waitlist')).body.filter((e) => ours.includes(e.id));
    expect(positions.map((e) => e.id)).toEqual([incubatee.id, tenant.id]); // priority beats arrival time

    // Free one module from 2030-06-01: the worker, not this request, makes the offer.
    const shrink = await send<LeaseResponse>('POST', `/leases/${lease.body.id}/resize`, { effectiveOn: '2030-06-01', removeModuleId: right });
    expect(shrink.status).toBe(201);
    const offered = await eventually(() => entry(incubatee.id), (e) => e.status === 'offered');
    expect(offered.offer).toMatchObject({ status: 'open', moduleIds: [right] });
    expect((await entry(tenant.id)).status).toBe('waiting');

    // The incubatee lets the offer lapse: the space passes to the tenant.
    await db.query(`UPDATE waitlist_offers SET expires_at = now() - interval '1 minute' WHERE id = $1`, [offered.offer?.id]);
    await worker.get(WaitlistService).expireOffers();
    expect((await entry(incubatee.id)).status).toBe('lapsed');
    const passed = await eventually(() => entry(tenant.id), (e) => e.status === 'offered');
    expect(passed.offer?.moduleIds).toEqual([right]);

    const accepted = await send<LeaseResponse>('POST', `/waitlist/offers/${passed.offer?.id}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ startupId: startups[1].id, moduleIds: [right], startsOn: '2030-06-01', areaM2: 24, programKind: 'business_centre' });
    expect((await entry(tenant.id)).status).toBe('accepted');
    expect(await send('POST', `/waitlist/offers/${offered.offer?.id}/accept`)).toMatchObject({ status: 410, body: { code: 'space.waitlist_offer_lapsed' } });
  });

  it('cancels a waiting or offered request: an open offer lapses and its space goes to the next in line; a closed request stays closed', async () => {
    const db = app.get(DataSource);
    const me = await (await fetch(`${api}/auth/me`, { headers: manager })).json();
    const [site] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, $2, 'Cancel campus', 'Lille') RETURNING id`, [
      me.organisation.id,
      `cancel-${Date.now()}`,
    ]);
    const startups = (await (await fetch(`${api}/startups?limit=3`, { headers: manager })).json()).items as Array<{ id: string }>;
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: `Cancel ${randomUUID()}` });
    const floor = await send<{ id: string }>('POST', '/space/floors', { buildingId: building.body.id, level: 0, name: 'Ground', layout: 'MM' });
    const plan = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2031-01-01`)).body;
    const [left, right] = plan.modules.map((m) => m.id);
    const lease = await send<LeaseResponse>('POST', '/leases', { startupId: startups[0].id, moduleIds: [left, right], startsOn: '2031-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    expect(lease.status).toBe(201);
    const request = (startupId: string) =>
      send<WaitlistEntryResponse>('POST', '/waitlist', { startupId, areaM2: 24, startsOn: '2031-06-01', siteId: site.id, programKind: 'incubator', monthlyPricePerM2Cents: 1200 });
    const first = (await request(startups[1].id)).body;
    const second = (await request(startups[2].id)).body;

    await send('POST', `/leases/${lease.body.id}/resize`, { effectiveOn: '2031-06-01', removeModuleId: right });
    const offered = await eventually(() => entry(first.id), (e) => e.status === 'offered');
    expect(offered.offer?.moduleIds).toEqual([right]);

    const cancelled = await send<WaitlistEntryResponse>('POST', `/waitlist/${first.id}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { id: first.id, status: 'cancelled', offer: { status: 'lapsed' } } });
    const passed = await eventually(() => entry(second.id), (e) => e.status === 'offered');
    expect(passed.offer?.moduleIds).toEqual([right]);

    expect(await send('POST', `/waitlist/${first.id}/cancel`)).toMatchObject({ status: 409, body: { code: 'space.waitlist_request_closed' } });
    expect(await send('POST', `/waitlist/${randomUUID()}/cancel`)).toMatchObject({ status: 404, body: { code: 'space.waitlist_request_not_found' } });
    expect(await send('POST', `/waitlist/offers/${offered.offer?.id}/accept`)).toMatchObject({ status: 410 });
  });

  it('answers a request with a lease the team chose: the request is accepted with it, in one transaction; only for its startup, only once', async () => {
    const db = app.get(DataSource);
    const me = await (await fetch(`${api}/auth/me`, { headers: manager })).json();
    const [site] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, $2, 'Fulfil campus', 'Lille') RETURNING id`, [
      me.organisation.id,
      `fulfil-${Date.now()}`,
    ]);
    const startups = (await (await fetch(`${api}/startups?limit=2`, { headers: manager })).json()).items as Array<{ id: string }>;
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: `Fulfil ${randomUUID()}` });
    const floor = await send<{ id: string }>('POST', '/space/floors', { buildingId: building.body.id, level: 0, name: 'Ground', layout: 'MM' });
    const [left, right] = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2032-01-01`)).body.modules.map((m) => m.id);
    // The floor is full until June: the request waits; the team then answers it with an office from June.
    const full = { startupId: startups[1].id, moduleIds: [left, right], startsOn: '2032-01-01', endsOn: '2032-06-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 };
    expect((await send('POST', '/leases', full)).status).toBe(201);
    const queued = await send<WaitlistEntryResponse>('POST', '/waitlist', { startupId: startups[0].id, areaM2: 24, startsOn: '2032-01-01', siteId: site.id, programKind: 'incubator', monthlyPricePerM2Cents: 1200 });
    expect(queued.status).toBe(201);
    const request = queued.body;
    const leases = async () => Number((await db.query('SELECT count(*) FROM leases WHERE floor_id = $1', [floor.body.id]))[0].count) - 1;
    const lease = (startupId: string, moduleId: string) => ({ startupId, moduleIds: [moduleId], startsOn: '2032-06-01', programKind: 'incubator', monthlyPricePerM2Cents: 1200 });

    // Another startup's lease does not answer it, and nothing is written.
    expect(await send('POST', `/waitlist/${request.id}/lease`, lease(startups[1].id, left))).toMatchObject({
      status: 422,
      body: { code: 'space.waitlist_other_startup', fields: { startupId: [expect.any(String)] } },
    });
    expect(await leases()).toBe(0);

    const made = await send<LeaseResponse>('POST', `/waitlist/${request.id}/lease`, lease(startups[0].id, left));
    expect(made).toMatchObject({ status: 201, body: { startupId: startups[0].id, moduleIds: [left] } });
    expect(await entry(request.id)).toMatchObject({ status: 'accepted' });
    expect(await db.query(`SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'waitlist.fulfilled'`, [request.id])).toEqual([{ after: { status: 'accepted', leaseId: made.body.id } }]);

    // Closed now: neither a second lease nor a cancellation; a bad lease is refused before anything is looked up.
    expect(await send('POST', `/waitlist/${request.id}/lease`, lease(startups[0].id, right))).toMatchObject({ status: 409, body: { code: 'space.waitlist_request_closed' } });
    expect(await send('POST', `/waitlist/${request.id}/cancel`)).toMatchObject({ status: 409 });
    expect(await send('POST', `/waitlist/${randomUUID()}/lease`, lease(startups[0].id, right))).toMatchObject({ status: 404, body: { code: 'space.waitlist_request_not_found' } });
    expect((await send('POST', `/waitlist/${request.id}/lease`, { startupId: startups[0].id })).status).toBe(400);
    expect(await leases()).toBe(1);
  });
});
