import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FloorPlanResponse, FloorResponse, LeaseOfficeResponse, LeaseResponse } from '@incubator/contracts';
import { signIn, startTestApi } from '../../test/test-app';

describe("a lease's office: building, floor and plan for the founder (real PostgreSQL)", () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Record<string, string>;
  let founder: Record<string, string>;
  let ownStartup: string;
  let otherStartup: string;
  let siteId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    founder = await signIn(api, 'startup@demo.test');
    siteId = (await (await fetch(`${api}/organisation`, { headers: manager })).json()).sites[0].id;
    const db = app.get(DataSource);
    const [own] = await db.query(`SELECT startup_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'startup@demo.test'`);
    ownStartup = own.id;
    const [other] = await db.query(
      `SELECT s.id FROM startups s JOIN organisations o ON o.id = s.organisation_id WHERE o.slug = 'demo' AND s.id <> $1 LIMIT 1`,
      [ownStartup],
    );
    otherStartup = other.id;
  });

  afterAll(() => app.close());

  const send = async <T>(method: string, path: string, body?: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  it('names the building and floor, marks the lease’s modules and names no other tenant', async () => {
    const buildingName = `Bâtiment ${randomUUID().slice(0, 8)}`;
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId, name: buildingName });
    expect(building.status).toBe(201);
    const floor = await send<FloorResponse>('POST', '/space/floors', { buildingId: building.body.id, level: 2, name: 'Niveau 2', layout: 'MMMM\nMM.M' });
    expect(floor.status).toBe(201);
    const plan = await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2031-01-15`);
    const at = (col: number, row: number) => plan.body.modules.find((m) => m.col === col && m.row === row)?.id as string;
    const lease = (startupId: string, moduleIds: string[]) =>
      send<LeaseResponse>('POST', '/leases', { startupId, moduleIds, startsOn: '2031-01-01', endsOn: '2032-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    const mine = await lease(ownStartup, [at(0, 0), at(1, 0)]);
    expect(mine.status).toBe(201);
    const theirs = await lease(otherStartup, [at(3, 0)]);
    expect(theirs.status).toBe(201);

    const office = await send<LeaseOfficeResponse>('GET', `/leases/${mine.body.id}/office`, undefined, founder);
    expect(office.status).toBe(200);
    expect(office.body).toMatchObject({ leaseId: mine.body.id, buildingName, floorName: 'Niveau 2', floorLevel: 2, on: '2031-01-01', columns: 4, rows: 2 });
    expect(office.body.modules).toHaveLength(7);
    expect(office.body.modules.filter((m) => m.mine).map((m) => [m.col, m.row])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(JSON.stringify(office.body)).not.toContain(otherStartup);
    expect(JSON.stringify(office.body)).not.toContain(theirs.body.id);

    // Another startup's lease is not the founder's to see.
    const refused = await send('GET', `/leases/${theirs.body.id}/office`, undefined, founder);
    expect(refused.status).toBe(404);
    const bad = await send('GET', '/leases/not-a-uuid/office', undefined, founder);
    expect(bad.status).toBe(400);
  });
});
