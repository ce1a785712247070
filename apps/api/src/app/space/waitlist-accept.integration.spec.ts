import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WaitlistService } from '@incubator/api/space';
import type { FloorPlanResponse, LeaseResponse } from '@incubator/contracts';
import { signIn, startTestApi } from '../../test/test-app';

/**
 * Accepting a waitlist offer writes a lease, the offer and the request. The expiry job may lapse the
 * same offer at that moment: acceptance must either win entirely (the job then leaves the accepted offer
 * alone) or lose entirely — never a lease behind a 409 for an offer that lapsed in between.
 */
describe('waitlist offer acceptance racing the expiry job (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Record<string, string>;
  let db: DataSource;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
  });

  afterAll(async () => {
    await db.query('DROP TRIGGER IF EXISTS tr_test_slow_lease ON leases');
    await db.query('DROP FUNCTION IF EXISTS test_slow_lease()');
    await app.close();
  });

  const send = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, { method, headers: manager, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  it('lets an offer expiring during its acceptance be accepted whole, and the expiry job leave it alone', async () => {
    const me = await (await fetch(`${api}/auth/me`, { headers: manager })).json();
    const organisationId = me.organisation.id as string;
    const [site] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, $2, 'Race campus', 'Lille') RETURNING id`, [organisationId, `race-${Date.now()}`]);
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: `Race ${randomUUID()}` });
    const floor = await send<{ id: string }>('POST', '/space/floors', { buildingId: building.body.id, level: 0, name: 'Ground', layout: 'M' });
    const [module] = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2031-01-01`)).body.modules.map((m) => m.id);
    const [startup] = (await (await fetch(`${api}/startups?limit=1`, { headers: manager })).json()).items as Array<{ id: string }>;

    // An open offer that expires 0.7 s from now (written directly: the worker's offering is tested elsewhere).
    const [request] = await db.query(
      `INSERT INTO waitlist_requests (organisation_id, startup_id, site_id, area_m2, starts_on, program_kind, monthly_price_per_m2_cents, status)
       VALUES ($1, $2, $3, 24, '2031-01-01', 'incubator', 1100, 'offered') RETURNING id`,
      [organisationId, startup.id, site.id],
    );
    const [offer] = await db.query(
      `INSERT INTO waitlist_offers (request_id, floor_id, module_ids, expires_at) VALUES ($1, $2, ARRAY[$3]::uuid[], now() + interval '700 milliseconds') RETURNING id`,
      [request.id, floor.body.id, module],
    );
    // Writing this floor's lease takes 1.5 s, so the expiry job runs while the acceptance is under way.
    await db.query(`CREATE OR REPLACE FUNCTION test_slow_lease() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.floor_id = '${floor.body.id}' THEN PERFORM pg_sleep(1.5); END IF; RETURN NEW; END $$`);
    await db.query('CREATE TRIGGER tr_test_slow_lease AFTER INSERT ON leases FOR EACH ROW EXECUTE FUNCTION test_slow_lease()');

    const accepting = send<LeaseResponse>('POST', `/waitlist/offers/${offer.id}/accept`);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the offer is now past its deadline
    const lapsing = app.get(WaitlistService, { strict: false }).expireOffers(organisationId);
    const accepted = await accepting;
    await lapsing;

    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ startupId: startup.id, moduleIds: [module] });
    const [state] = await db.query(
      `SELECT o.status AS offer, o.lease_id, r.status AS request FROM waitlist_offers o JOIN waitlist_requests r ON r.id = o.request_id WHERE o.id = $1`,
      [offer.id],
    );
    expect(state).toEqual({ offer: 'accepted', lease_id: accepted.body.id, request: 'accepted' });
    const leases = await db.query('SELECT id FROM leases WHERE floor_id = $1', [floor.body.id]);
    expect(leases).toEqual([{ id: accepted.body.id }]);
  });
});
