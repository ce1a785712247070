import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiErrorResponse, FloorPlanResponse, FloorResponse, LeaseResponse, OccupancyResponse, ProposalResponse, RentRollResponse } from '@incubator/contracts';
import { floorPlanFromSql, freeModulesSql, FreeModulesScope, OccupancyService, SpaceSnapshots } from '@incubator/api/space';
import { signIn, startTestApi } from '../../test/test-app';

describe('modular office space: floors, proposals, leases, resizes (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Record<string, string>;
  let startupIds: string[];
  let siteId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    siteId = (await (await fetch(`${api}/organisation`, { headers: manager })).json()).sites[0].id;
    const startups = await (await fetch(`${api}/startups?limit=100`, { headers: manager })).json();
    // The demo's own startups (with a SIREN: other specs add bare rows to the same organisation, which a rename would refuse).
    startupIds = startups.items.filter((s: { siren: string | null }) => s.siren).map((s: { id: string }) => s.id);
  });

  afterAll(() => app.close());

  const send = async <T>(method: string, path: string, body?: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  async function newFloor(layout: string): Promise<{ floor: FloorResponse; plan: FloorPlanResponse }> {
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId, name: `Building ${randomUUID()}` });
    expect(building.status).toBe(201);
    const floor = await send<FloorResponse>('POST', '/space/floors', { buildingId: building.body.id, level: 1, name: 'First', layout });
    expect(floor.status).toBe(201);
    const plan = await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2027-01-15`);
    return { floor: floor.body, plan: plan.body };
  }

  const moduleAt = (plan: FloorPlanResponse, col: number, row: number) => plan.modules.find((m) => m.col === col && m.row === row)?.id as string;

  it('creates a floor from a layout: one 24 m² module per M, corridors skipped', async () => {
    const { floor, plan } = await newFloor('MMM.MMM\nMMM.MMM');
    expect(floor.moduleCount).toBe(12);
    expect(floor.leasableM2).toBe(288);
    expect(plan.columns).toBe(7);
    expect(plan.modules.every((m) => m.lease === null)).toBe(true);
    const badFloor = { buildingId: floor.buildingId, level: 2, name: 'Bad', layout: 'MMX' };
    const bad = await send<ApiErrorResponse & { code: string }>('POST', '/space/floors', badFloor, { ...manager, 'Accept-Language': 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('space.layout_unreadable');
    expect(bad.body.fields?.['layout']?.[0]).toMatch(/Unexpected "X" at row 1, column 3/);
    const mauvais = await send<ApiErrorResponse>('POST', '/space/floors', badFloor, { ...manager, 'Accept-Language': 'fr' });
    expect(mauvais.body.fields?.['layout']?.[0]).toBe('caractère "X" inattendu rangée 1, colonne 3 : M pour un module, . pour le reste');
  });

  it('prices each proposal from the site’s list for the kind asked, names its modules and says why it ranks there', async () => {
    const { floor } = await newFloor('MMMM\nMMMM');
    const listed = await send<{ monthlyPricePerM2Cents: number | null }>('GET', `/space/prices/in-force?floorId=${floor.id}&programKind=incubator&on=2027-03-01`);
    expect(listed.status).toBe(200);
    const proposals = await send<ProposalResponse[]>('POST', '/space/proposals', { areaM2: 50, startsOn: '2027-03-01', floorId: floor.id, programKind: 'incubator' });
    expect(proposals.status).toBe(200);
    const [best] = proposals.body;
    const price = listed.body.monthlyPricePerM2Cents;
    expect(best).toMatchObject({ rank: 1, monthlyPricePerM2Cents: price, monthlyRentCents: price === null ? null : price * 72 });
    expect(best.modules.map((m) => m.id)).toEqual(best.moduleIds);
    expect(best.modules.map((m) => m.name)).toEqual(best.cells.map((c) => `${String.fromCharCode(65 + c.col)}${c.row + 1}`));
    expect(best.reasons).toEqual(expect.arrayContaining([{ code: 'contiguous' }, { code: 'over_request', extraM2: 22 }]));
    expect(proposals.body.map((p) => p.rank)).toEqual(proposals.body.map((_, i) => i + 1));
    // Without a kind, no price: the waitlist job asks so.
    const unpriced = await send<ProposalResponse[]>('POST', '/space/proposals', { areaM2: 50, startsOn: '2027-03-01', floorId: floor.id });
    expect(unpriced.body[0]).toMatchObject({ monthlyPricePerM2Cents: null, monthlyRentCents: null });
    const badKind = await send<ApiErrorResponse>('POST', '/space/proposals', { areaM2: 50, startsOn: '2027-03-01', floorId: floor.id, programKind: 'spa' });
    expect(badKind.status).toBe(400);
  });

  it('proposes three contiguous modules (72 m²) for 50 m², and leases them', async () => {
    const { floor } = await newFloor('MMMM\nMMMM');
    const proposals = await send<ProposalResponse[]>('POST', '/space/proposals', { areaM2: 50, startsOn: '2027-03-01', floorId: floor.id });
    expect(proposals.status).toBe(200);
    const [best] = proposals.body;
    expect(best).toMatchObject({ requestedAreaM2: 50, areaM2: 72, floorId: floor.id });
    expect(best.moduleIds).toHaveLength(3);

    const lease = await send<LeaseResponse>('POST', '/leases', {
      startupId: startupIds[0],
      moduleIds: best.moduleIds,
      startsOn: '2027-03-01',
      programKind: 'incubator',
      monthlyPricePerM2Cents: 1850,
    });
    expect(lease.status).toBe(201);
    expect(lease.body).toMatchObject({ areaM2: 72, monthlyRentCents: 72 * 1850, endsOn: null });
  });

  it('answers proposals from an in-memory snapshot that every space write refreshes: always the free modules the reference SQL finds', async () => {
    const { floor, plan } = await newFloor('MMMM\nMMMM');
    const organisationId = (await (await fetch(`${api}/organisation`, { headers: manager })).json()).id as string;
    const db = app.get(DataSource);
    const snapshots = app.get(SpaceSnapshots);
    const reference = async (scope: FreeModulesScope) => {
      const { text, params } = freeModulesSql(scope);
      return ((await db.query(text, params)) as Array<{ id: string }>).map((m) => m.id).sort();
    };
    const fromSnapshot = async (scope: FreeModulesScope) => (await snapshots.of(scope.organisationId)).freeSpace(scope).flatMap((floor) => floor.free.map((m) => m.id)).sort();
    const scopes: FreeModulesScope[] = [
      { organisationId, startsOn: '2027-03-01' },
      { organisationId, siteId, startsOn: '2027-03-01', endsOn: '2027-09-01' },
      { organisationId, buildingId: floor.buildingId, startsOn: '2026-01-01', endsOn: '2026-02-01' },
      { organisationId, floorId: floor.id, startsOn: '2027-03-01' },
    ];
    for (const scope of scopes) expect(await fromSnapshot(scope)).toEqual(await reference(scope));

    const leased = [moduleAt(plan, 0, 0), moduleAt(plan, 1, 0)];
    const lease = await send<LeaseResponse>('POST', '/leases', { startupId: startupIds[1], moduleIds: leased, startsOn: '2027-04-01', endsOn: '2027-10-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    expect(lease.status).toBe(201);
    for (const scope of scopes) expect(await fromSnapshot(scope)).toEqual(await reference(scope));
    const onFloor = await fromSnapshot({ organisationId, floorId: floor.id, startsOn: '2027-03-01' });
    expect(onFloor).toHaveLength(6);
    expect(onFloor).not.toContain(leased[0]);
    // Before the lease starts and after it ends, its modules are free again.
    expect(await fromSnapshot({ organisationId, floorId: floor.id, startsOn: '2027-01-01', endsOn: '2027-04-01' })).toHaveLength(8);
    expect(await fromSnapshot({ organisationId, floorId: floor.id, startsOn: '2027-10-01' })).toHaveLength(8);
    const proposals = await send<ProposalResponse[]>('POST', '/space/proposals', { areaM2: 24, startsOn: '2027-05-01', floorId: floor.id, limit: 10 });
    expect(proposals.body.flatMap((p) => p.moduleIds)).not.toContain(leased[1]);
    expect(proposals.body[0]).toMatchObject({ floorName: 'First' });
  });

  it('draws floor plans from the snapshot: the plan the reference SQL reads, after a lease, a retirement and a startup rename', async () => {
    const { floor, plan } = await newFloor('MMM\nM.M');
    const organisationId = (await (await fetch(`${api}/organisation`, { headers: manager })).json()).id as string;
    const db = app.get(DataSource);
    const days = ['2027-01-15', '2027-06-01', '2027-12-01'];
    const sameAsSql = async () => {
      for (const on of days) {
        const served = await send<FloorPlanResponse>('GET', `/space/floors/${floor.id}/plan?on=${on}`);
        expect(served.status).toBe(200);
        expect(served.body).toEqual(await floorPlanFromSql(db, organisationId, floor.id, on));
      }
    };
    await sameAsSql();

    const leased = [moduleAt(plan, 0, 0), moduleAt(plan, 1, 0)];
    const lease = await send<LeaseResponse>('POST', '/leases', { startupId: startupIds[2], moduleIds: leased, startsOn: '2027-05-01', endsOn: '2027-07-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    expect(lease.status).toBe(201);
    expect((await send<{ status: number }>('POST', `/space/modules/${moduleAt(plan, 2, 1)}/retire`)).status).toBe(204);
    await sameAsSql();

    const renamed = `Renamed ${randomUUID().slice(0, 8)}`;
    expect((await send('PATCH', `/startups/${startupIds[2]}`, { legalName: renamed })).status).toBe(200);
    await sameAsSql();
    const june = await send<FloorPlanResponse>('GET', `/space/floors/${floor.id}/plan?on=2027-06-01`);
    expect(june.body.modules.find((m) => m.id === leased[0])?.lease).toMatchObject({ id: lease.body.id, startupName: renamed });
    expect(june.body.floor.moduleCount).toBe(4);

    const elsewhere = await send<ApiErrorResponse>('GET', `/space/floors/${randomUUID()}/plan?on=2027-06-01`);
    expect(elsewhere.status).toBe(404);
  });

  it('refuses an overlapping lease with 409 naming the lease in the way, but allows back-to-back dates', async () => {
    const { floor, plan } = await newFloor('MM');
    const ids = [moduleAt(plan, 0, 0), moduleAt(plan, 1, 0)];
    const first = await send<LeaseResponse>('POST', '/leases', { startupId: startupIds[0], moduleIds: ids, startsOn: '2027-01-01', endsOn: '2027-07-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    expect(first.status).toBe(201);
    type Conflict = ApiErrorResponse & { code: string; details: { conflictingLeaseId: string; startupName: string } };
    const overlapping = { startupId: startupIds[1], moduleIds: [ids[1]], startsOn: '2027-06-30', programKind: 'accelerator', monthlyPricePerM2Cents: 1000 };
    const overlap = await send<Conflict>('POST', '/leases', overlapping, { ...manager, 'Accept-Language': 'en' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('space.modules_taken');
    expect(overlap.body.details.conflictingLeaseId).toBe(first.body.id);
    expect(overlap.body.message).toContain('until 2027-07-01 (exclusive)');
    // A French caller reads the same conflict in French, the lease in the way named.
    const chevauchement = await send<Conflict>('POST', '/leases', overlapping, { ...manager, 'Accept-Language': 'fr-FR,fr;q=0.9' });
    expect(chevauchement.status).toBe(409);
    expect(chevauchement.body.code).toBe('space.modules_taken');
    expect(chevauchement.body.message).toBe(
      `Déjà loué à ${first.body.startupName} du 2027-01-01 au 2027-07-01 (exclu) (bail ${first.body.id}).`,
    );
    // [2027-01-01, 2027-07-01) and [2027-07-01, …) share no day.
    const next = await send('POST', '/leases', { startupId: startupIds[1], moduleIds: [ids[1]], startsOn: '2027-07-01', programKind: 'accelerator', monthlyPricePerM2Cents: 1000 });
    expect(next.status).toBe(201);
    expect(floor.moduleCount).toBe(2);
  });

  it('lets exactly one of 50 concurrent requests for overlapping modules win; the rest get 409, none 500', async () => {
    const { plan } = await newFloor('MMMMM');
    const row = [0, 1, 2, 3, 4].map((col) => moduleAt(plan, col, 0));
    const requests = Array.from({ length: 50 }, (_, i) =>
      send('POST', '/leases', {
        startupId: startupIds[i % startupIds.length],
        moduleIds: row.slice(i % 3, (i % 3) + 3), // overlapping windows of three modules
        startsOn: `2027-0${1 + (i % 3)}-01`,
        programKind: 'incubator',
        monthlyPricePerM2Cents: 1500,
      }),
    );
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const [{ overlaps }] = await app.get(DataSource).query(
      `SELECT count(*)::int AS overlaps FROM lease_modules a JOIN lease_modules b
       ON a.module_id = b.module_id AND a.lease_id < b.lease_id AND a.period && b.period
       WHERE a.module_id = ANY($1::uuid[])`,
      [row],
    );
    expect(overlaps).toBe(0);
  });

  it('grows a lease by an adjacent module as a new version; refuses a detached one; shrinking to nothing ends it', async () => {
    const { plan } = await newFloor('MMMM');
    const [a, b, c, d] = [0, 1, 2, 3].map((col) => moduleAt(plan, col, 0));
    const lease = (await send<LeaseResponse>('POST', '/leases', { startupId: startupIds[0], moduleIds: [a, b], startsOn: '2027-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 2000 })).body;
    const detached = await send<{ code: string }>('POST', `/leases/${lease.id}/resize`, { effectiveOn: '2027-04-01', addModuleId: d });
    expect(detached).toMatchObject({ status: 409, body: { code: 'space.office_would_split' } });
    const grown = await send<LeaseResponse>('POST', `/leases/${lease.id}/resize`, { effectiveOn: '2027-04-01', addModuleId: c });
    expect(grown.status).toBe(201);
    expect(grown.body).toMatchObject({ areaM2: 72, startsOn: '2027-04-01', previousLeaseId: lease.id, monthlyRentCents: 72 * 2000 });

    const history = (await send<LeaseResponse[]>('GET', `/leases?startupId=${startupIds[0]}`)).body.filter((l) => [lease.id, grown.body.id].includes(l.id));
    expect(history.map((l) => [l.startsOn, l.endsOn, l.areaM2])).toEqual([
      ['2027-01-01', '2027-04-01', 48],
      ['2027-04-01', null, 72],
    ]);
    const march = await send<FloorPlanResponse>('GET', `/space/floors/${plan.floor.id}/plan?on=2027-03-31`);
    const april = await send<FloorPlanResponse>('GET', `/space/floors/${plan.floor.id}/plan?on=2027-04-01`);
    expect(march.body.modules.filter((m) => m.lease).length).toBe(2);
    expect(april.body.modules.filter((m) => m.lease).length).toBe(3);

    expect((await send('POST', `/leases/${lease.id}/resize`, { effectiveOn: '2027-05-01', addModuleId: d })).status).toBe(409);
    let current = grown.body;
    for (const module of [a, b, c]) {
      const shrunk = await send<LeaseResponse>('POST', `/leases/${current.id}/resize`, { effectiveOn: `2027-0${6 + [a, b, c].indexOf(module)}-01`, removeModuleId: module });
      expect(shrunk.status).toBe(201);
      current = shrunk.body;
    }
    expect(current.endsOn).toBe('2027-08-01');
  });

  it('measures occupancy on a day and the month’s rent roll pro rata, in exact cents', async () => {
    const { floor, plan } = await newFloor('MMM.M');
    const [a, b] = [moduleAt(plan, 0, 0), moduleAt(plan, 1, 0)];
    const lease = await send<LeaseResponse>('POST', '/leases', { startupId: startupIds[0], moduleIds: [a, b], startsOn: '2027-03-15', programKind: 'accelerator', monthlyPricePerM2Cents: 1000 });
    expect(lease.status).toBe(201);

    const occupancy = await send<OccupancyResponse>('GET', '/space/occupancy?on=2027-03-20');
    const row = occupancy.body.floors.find((f) => f.floorId === floor.id);
    expect(row).toMatchObject({ leasableM2: 96, leasedM2: 48, occupancyRate: 0.5, vacantModules: 2, largestFreeBlockModules: 1 });
    const before = await send<OccupancyResponse>('GET', '/space/occupancy?on=2027-03-14');
    expect(before.body.floors.find((f) => f.floorId === floor.id)?.leasedM2).toBe(0);
    // The board's series reads the totals of several days in one statement: the same as each day's occupancy.
    const organisationId = (await (await fetch(`${api}/organisation`, { headers: manager })).json()).id;
    const totals = await app.get(OccupancyService).totalsOn(organisationId, ['2027-03-14', '2027-03-20']);
    expect(totals).toEqual([{ on: '2027-03-14', ...before.body.totals }, { on: '2027-03-20', ...occupancy.body.totals }]);
    expect(totals[1].leasedM2 - totals[0].leasedM2).toBe(48);

    const roll = await send<RentRollResponse>('GET', '/space/rent-roll?month=2027-03');
    const line = roll.body.lines.find((l) => l.leaseId === lease.body.id);
    // 48 m² × 10.00 €/m² = 480.00 € a month; 17 of March's 31 days → 263.2258… € → 26 323 cents.
    expect(line).toMatchObject({ areaM2: 48, days: 17, rentCents: 26_323 });
    expect(roll.body.totalCents).toBe(roll.body.lines.reduce((sum, l) => sum + l.rentCents, 0));
    expect((await send('GET', '/space/rent-roll?month=2027-13')).status).toBe(400);

    const csv = await fetch(`${api}/space/rent-roll/export?month=2027-03&format=csv`, { headers: { ...manager, 'Accept-Language': 'en' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split('\n')[0]).toMatch(/^Startup,Program,m²/);
    expect(text).toContain(',48,10.00,17,263.23');
    expect(text).toContain(',Accelerator,48,');
    // French: a UTF-8 BOM (fetch's text() drops it, so the bytes are read), `;`, decimal commas, CRLF, labels.
    const french = await fetch(`${api}/space/rent-roll/export?month=2027-03&format=csv&locale=fr`, { headers: manager });
    const frenchBytes = Buffer.from(await french.arrayBuffer());
    expect([...frenchBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const frenchText = frenchBytes.toString('utf8');
    expect(frenchText.slice(1).split('\r\n')[0]).toMatch(/^Startup;Programme;m²/);
    expect(frenchText).toContain(';Accélérateur;48;10,00;17;263,23\r\n');
    const xlsx = await fetch(`${api}/space/occupancy/export?on=2027-03-20&format=xlsx`, { headers: manager });
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('retires a free module without touching history, and refuses to retire a leased one', async () => {
    const { floor, plan } = await newFloor('MMM');
    const [a, , c] = [0, 1, 2].map((col) => moduleAt(plan, col, 0));
    await send('POST', '/leases', { startupId: startupIds[0], moduleIds: [a], startsOn: '2027-01-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
    const leased = await send<ApiErrorResponse & { code: string }>('POST', `/space/modules/${a}/retire`, undefined, { ...manager, 'Accept-Language': 'en' });
    expect(leased).toMatchObject({ status: 409, body: { code: 'space.module_leased' } });
    expect(leased.body.message).toMatch(/^Leased to .+ \(lease [0-9a-f-]{36}\); end or resize that lease first\.$/);
    expect((await send('POST', `/space/modules/${c}/retire`)).status).toBe(204);
    expect((await send('POST', `/space/modules/${c}/retire`)).status).toBe(409);
    const after = await send<FloorResponse[]>('GET', `/space/floors?buildingId=${floor.buildingId}`);
    expect(after.body[0].moduleCount).toBe(2);
    const proposals = await send<ProposalResponse[]>('POST', '/space/proposals', { areaM2: 24, startsOn: '2027-06-01', floorId: floor.id, limit: 10 });
    expect(proposals.body.flatMap((p) => p.moduleIds)).not.toContain(c);
  });

  it('keeps startup members to their own leases and out of floor plans', async () => {
    const founder = { ...(await signIn(api, 'startup@demo.test')), 'Content-Type': 'application/json' };
    const me = await (await fetch(`${api}/auth/me`, { headers: founder })).json();
    const leases = await send<LeaseResponse[]>('GET', '/leases', undefined, founder);
    expect(leases.status).toBe(200);
    expect(leases.body.every((l) => l.startupId === me.startupId)).toBe(true);
    expect((await send('POST', '/space/proposals', { areaM2: 24, startsOn: '2027-01-01' }, founder)).status).toBe(403);
  });
});
