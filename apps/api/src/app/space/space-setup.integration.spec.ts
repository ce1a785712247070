import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { ApiErrorResponse, FloorGridResponse, FloorPlanResponse, FloorResponse, FloorUpdateResponse, LeaseResponse, OccupancyResponse, SetupSiteResponse } from '@incubator/contracts';
import { signIn, startTestApi } from '../../test/test-app';

describe('space set-up: sites, buildings, floors edited from the grid (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Record<string, string>;
  let startupId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json', 'Accept-Language': 'en' };
    startupId = (await (await fetch(`${api}/startups?limit=1`, { headers: manager })).json()).items[0].id;
  });

  afterAll(() => app.close());

  const send = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, { method, headers: manager, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  async function newSite(): Promise<SetupSiteResponse> {
    const site = await send<SetupSiteResponse>('POST', '/space/sites', { name: `Lille — Bois Blancs ${randomUUID().slice(0, 8)}`, city: 'Lille', kind: 'campus' });
    expect(site.status).toBe(201);
    return site.body;
  }

  it('creates, edits and archives a site: archived ones leave the lists but keep their buildings', async () => {
    const site = await newSite();
    expect(site).toMatchObject({ city: 'Lille', kind: 'campus', address: null, archivedAt: null });
    expect(site.slug).toMatch(/^lille-bois-blancs-/);
    const duplicate = await send<ApiErrorResponse & { code: string }>('POST', '/space/sites', { name: site.name, city: 'Lille', kind: 'campus' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('space.site_name_taken');

    const edited = await send<SetupSiteResponse>('PATCH', `/space/sites/${site.id}`, { address: '165 avenue de Bretagne', kind: 'business_centre' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: site.name, address: '165 avenue de Bretagne', kind: 'business_centre' });
    const building = await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: 'Le Blan-Lafont' });
    expect(building.status).toBe(201);

    expect((await send('POST', `/space/sites/${site.id}/archive`)).status).toBe(200);
    const listed = (await send<SetupSiteResponse[]>('GET', '/space/sites')).body.map((s) => s.id);
    expect(listed).not.toContain(site.id);
    // …nor among the organisation's sites that every page's site picker reads.
    expect((await send<{ sites: Array<{ id: string }> }>('GET', '/organisation')).body.sites.map((s) => s.id)).not.toContain(site.id);
    const all = (await send<SetupSiteResponse[]>('GET', '/space/sites?includeArchived=true')).body;
    expect(all.find((s) => s.id === site.id)?.archivedAt).toEqual(expect.any(String));
    expect((await send<unknown[]>('GET', `/space/buildings?siteId=${site.id}`)).body).toHaveLength(1);
    expect((await send('PATCH', `/space/sites/${randomUUID()}`, { city: 'Roubaix' })).status).toBe(404);
  });

  it('renames and archives a building and its floors', async () => {
    const site = await newSite();
    const building = (await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: 'A' })).body;
    expect((await send<{ name: string }>('PATCH', `/space/buildings/${building.id}`, { name: 'Bâtiment A' })).body.name).toBe('Bâtiment A');
    const floor = (await send<FloorResponse>('POST', '/space/floors', { buildingId: building.id, level: 0, name: 'RDC', layout: 'MM' })).body;
    expect((await send('POST', `/space/buildings/${building.id}/archive`)).status).toBe(200);
    expect((await send<unknown[]>('GET', `/space/buildings?siteId=${site.id}`)).body).toHaveLength(0);
    expect((await send<unknown[]>('GET', `/space/setup/buildings?siteId=${site.id}&includeArchived=true`)).body).toHaveLength(1);
    expect((await send<FloorResponse[]>('GET', `/space/floors?buildingId=${building.id}`)).body).toHaveLength(0);
    expect((await send<FloorGridResponse>('GET', `/space/floors/${floor.id}/grid`)).body.archivedAt).toEqual(expect.any(String));
  });

  it('edits a leased floor: adds modules, refuses to remove a leased one, retires a free one (kept ids, plan and occupancy follow)', async () => {
    const site = await newSite();
    const building = (await send<{ id: string }>('POST', '/space/buildings', { siteId: site.id, name: 'B' })).body;
    const floor = (await send<FloorResponse>('POST', '/space/floors', { buildingId: building.id, level: 1, name: 'Un', layout: 'MMM\n...' })).body;
    const before = (await send<FloorGridResponse>('GET', `/space/floors/${floor.id}/grid`)).body;
    expect(before.layout).toBe('MMM\n...');
    const at = (grid: FloorGridResponse, col: number, row: number) => grid.modules.find((m) => m.col === col && m.row === row);
    const lease = await send<LeaseResponse>('POST', '/leases', {
      startupId,
      moduleIds: [at(before, 0, 0)?.id],
      startsOn: '2020-01-01',
      programKind: 'incubator',
      monthlyPricePerM2Cents: 1500,
    });
    expect(lease.status).toBe(201);

    const grown = await send<FloorUpdateResponse>('PUT', `/space/floors/${floor.id}/grid`, {
      name: 'Un',
      level: 1,
      layout: 'MMM\n.#.\nMMM',
      zones: [{ col: 0, row: 2, zone: 'Nord' }],
    });
    expect(grown.status).toBe(200);
    expect(grown.body).toEqual({ added: 3, retired: 0, moduleCount: 6 });
    const after = (await send<FloorGridResponse>('GET', `/space/floors/${floor.id}/grid`)).body;
    expect(after.layout).toBe('MMM\n.#.\nMMM');
    expect(after.zones).toEqual([{ col: 0, row: 2, zone: 'Nord' }]);
    expect(at(after, 0, 0)).toEqual({ ...at(before, 0, 0), leasedBy: lease.body.startupName });
    expect(at(after, 1, 0)?.id).toBe(at(before, 1, 0)?.id);

    const refused = await send<ApiErrorResponse & { code: string }>('PUT', `/space/floors/${floor.id}/grid`, { name: 'Un', level: 1, layout: '.MM\n...\nMMM' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('space.floor_module_leased');
    expect(refused.body.message).toContain(`row 1, column 1 is leased to ${lease.body.startupName}`);

    const freeId = at(after, 2, 2)?.id as string;
    const shrunk = await send<FloorUpdateResponse>('PUT', `/space/floors/${floor.id}/grid`, { name: 'Un', level: 1, layout: 'MMM\n...\nMM.' });
    expect(shrunk.body).toEqual({ added: 0, retired: 1, moduleCount: 5 });
    const plan = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.id}/plan?on=2030-01-01`)).body;
    expect(plan.floor.moduleCount).toBe(5);
    expect(plan.modules.filter((m) => !m.retired).map((m) => m.id)).not.toContain(freeId);
    const occupancy = (await send<OccupancyResponse>('GET', `/space/occupancy?on=2030-01-01&siteId=${site.id}`)).body;
    expect(occupancy.floors.find((f) => f.floorId === floor.id)).toMatchObject({ leasableM2: 120, leasedM2: 24, vacantModules: 4 });

    // Repainting the cell gives it a new module; the retired one keeps its id and history.
    const repainted = await send<FloorUpdateResponse>('PUT', `/space/floors/${floor.id}/grid`, { name: 'Un', level: 1, layout: 'MMM\n...\nMMM' });
    expect(repainted.body).toEqual({ added: 1, retired: 0, moduleCount: 6 });
    const newId = at((await send<FloorGridResponse>('GET', `/space/floors/${floor.id}/grid`)).body, 2, 2)?.id;
    expect(newId).not.toBe(freeId);
    const replan = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.id}/plan?on=2030-01-01`)).body;
    expect(replan.modules.filter((m) => m.col === 2 && m.row === 2).map((m) => m.id)).toEqual([newId]);

    for (const zones of [[[]], [{ toString: {} }], [null], 'Nord']) {
      expect((await send('PUT', `/space/floors/${floor.id}/grid`, { name: 'Un', level: 1, layout: 'MMM', zones })).status).toBe(400);
    }
    expect((await send<ApiErrorResponse & { code: string }>('POST', `/space/floors/${floor.id}/archive`)).body.code).toBe('space.floor_module_leased');
    expect((await send<ApiErrorResponse & { code: string }>('PUT', `/space/floors/${floor.id}/grid`, { name: 'Un', level: 1, layout: 'MMX' })).body.code).toBe(
      'space.layout_unreadable',
    );
  });
});
