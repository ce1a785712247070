import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@incubator/api/sql';
import type { FloorFreeSpace } from './allocation/propose';
import type { FreeModulesScope } from './free-modules';

interface LeasedPeriod {
  leaseId: string;
  startupId: string;
  /** Half-open [from, to), ISO days; to null = open-ended. */
  from: string;
  to: string | null;
}

interface SnapshotModule {
  id: string;
  floorId: string;
  buildingId: string;
  siteId: string;
  col: number;
  row: number;
  retired: boolean;
  leased: LeasedPeriod[];
}

/**
 * One organisation's modules (retired ones flagged) and the periods their leases hold them, as of a
 * space version. Read-only: its module objects are handed out as they are.
 */
export class SpaceSnapshot {
  constructor(
    readonly version: string,
    private readonly modules: SnapshotModule[],
    /** The same modules by site, and what each startup holds: the two ways proposals look them up. */
    private readonly bySite: Map<string, SnapshotModule[]>,
    private readonly byStartup: Map<string, Array<{ module: SnapshotModule; period: LeasedPeriod }>>,
    /** Floor and building names of the organisation's floors, for labelling proposals. */
    readonly floorNames: Map<string, { floorName: string; buildingName: string }>,
  ) {}

  /** The modules free for the whole range in the scope, by floor: the same set as `freeModulesSql`. */
  freeSpace(scope: Omit<FreeModulesScope, 'organisationId'>): FloorFreeSpace[] {
    const end = scope.endsOn ?? null;
    const floors = new Map<string, FloorFreeSpace>();
    const candidates = scope.siteId ? (this.bySite.get(scope.siteId) ?? []) : this.modules;
    for (const m of candidates) {
      if (m.retired || (scope.buildingId && m.buildingId !== scope.buildingId) || (scope.floorId && m.floorId !== scope.floorId)) continue;
      // [from, to) overlaps [startsOn, end) when from < end and to > startsOn (null = unbounded); ISO days compare as text.
      if (m.leased.some((p) => (end === null || p.from < end) && (p.to === null || p.to > scope.startsOn))) continue;
      let floor = floors.get(m.floorId);
      if (!floor) floors.set(m.floorId, (floor = { floorId: m.floorId, free: [] }));
      floor.free.push(m);
    }
    return [...floors.values()];
  }

  /**
   * Where the startup sits on the day: the modules it holds then on the floor of its earliest running
   * lease (by start, then id); undefined when it holds none.
   */
  currentOffice(startupId: string, on: string): { floorId: string; cells: Array<{ col: number; row: number }> } | undefined {
    const held = (this.byStartup.get(startupId) ?? []).filter(({ period }) => period.from <= on && (period.to === null || period.to > on));
    if (!held.length) return undefined;
    const first = held.reduce((a, b) => (b.period.from < a.period.from || (b.period.from === a.period.from && b.period.leaseId < a.period.leaseId) ? b : a));
    const floorId = first.module.floorId;
    return { floorId, cells: held.filter((h) => h.module.floorId === floorId).map(({ module }) => ({ col: module.col, row: module.row })) };
  }
}

/**
 * Each organisation's space snapshot, kept in memory and reloaded when the space version moves (a
 * counter every write to the space tables raises in the writing transaction, migration 1763770500000).
 * Allocation proposals then find the free modules of a site in a loop instead of an anti-join over every
 * module and lease of the site: the statement (`freeModulesSql`, kept as the reference and the
 * benchmark's floor) cost ≈ 20–30 ms on a site of 10,000 modules; a proposal now costs one read of the
 * version unless something changed.
 */
@Injectable()
export class SpaceSnapshots {
  private readonly snapshots = new Map<string, Promise<SpaceSnapshot>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's snapshot at the current space version (one read of the version; a reload if it moved). */
  async of(organisationId: string): Promise<SpaceSnapshot> {
    const [{ version }] = await preparedQuery<{ version: string }>(this.dataSource, 'SELECT version::text AS version FROM space_version', []);
    return this.at(organisationId, version);
  }

  private async at(organisationId: string, version: string): Promise<SpaceSnapshot> {
    const cached = this.snapshots.get(organisationId);
    if (cached) {
      const snapshot = await cached.catch(() => null);
      if (snapshot?.version === version) return snapshot;
      if (this.snapshots.get(organisationId) !== cached) return this.of(organisationId); // another caller is reloading
    }
    // Loaded after reading the version: the data is at least as new as the version it is kept under.
    const loading = this.load(organisationId, version);
    this.snapshots.set(organisationId, loading);
    loading.catch(() => {
      if (this.snapshots.get(organisationId) === loading) this.snapshots.delete(organisationId);
    });
    return loading;
  }

  private async load(organisationId: string, version: string): Promise<SpaceSnapshot> {
    const modules: Array<{ id: string; floor_id: string; building_id: string; site_id: string; col: number; row: number; retired: boolean; floor_name: string; building_name: string }> =
      await this.dataSource.query(
        `SELECT m.id, m.floor_id, f.building_id, b.site_id, m.col, m."row", m.retired_at IS NOT NULL AS retired, f.name AS floor_name, b.name AS building_name
         FROM modules m JOIN floors f ON f.id = m.floor_id JOIN buildings b ON b.id = f.building_id
         WHERE m.organisation_id = $1`,
        [organisationId],
      );
    const periods: Array<{ module_id: string; lease_id: string; startup_id: string; from: string; to: string | null }> = await this.dataSource.query(
      `SELECT lm.module_id, lm.lease_id, l.startup_id, to_char(lower(lm.period), 'YYYY-MM-DD') AS "from", to_char(upper(lm.period), 'YYYY-MM-DD') AS "to"
       FROM lease_modules lm JOIN leases l ON l.id = lm.lease_id WHERE l.organisation_id = $1`,
      [organisationId],
    );
    const byId = new Map<string, SnapshotModule>();
    const floorNames = new Map<string, { floorName: string; buildingName: string }>();
    for (const m of modules) {
      byId.set(m.id, { id: m.id, floorId: m.floor_id, buildingId: m.building_id, siteId: m.site_id, col: m.col, row: m.row, retired: m.retired, leased: [] });
      if (!floorNames.has(m.floor_id)) floorNames.set(m.floor_id, { floorName: m.floor_name, buildingName: m.building_name });
    }
    const byStartup = new Map<string, Array<{ module: SnapshotModule; period: LeasedPeriod }>>();
    for (const p of periods) {
      const module = byId.get(p.module_id);
      if (!module) continue;
      const period = { leaseId: p.lease_id, startupId: p.startup_id, from: p.from, to: p.to };
      module.leased.push(period);
      if (!byStartup.has(p.startup_id)) byStartup.set(p.startup_id, []);
      byStartup.get(p.startup_id)?.push({ module, period });
    }
    const bySite = new Map<string, SnapshotModule[]>();
    for (const module of byId.values()) {
      if (!bySite.has(module.siteId)) bySite.set(module.siteId, []);
      bySite.get(module.siteId)?.push(module);
    }
    return new SpaceSnapshot(version, [...byId.values()], bySite, byStartup, floorNames);
  }
}
