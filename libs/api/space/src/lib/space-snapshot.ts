import { Injectable } from '@nestjs/common';
import { VersionedCache } from '@incubator/api/sql';
import type { FloorPlanResponse } from '@incubator/contracts';
import type { FloorFreeSpace } from './allocation/propose';
import { floorPlan, floorResponse } from './floor-plan';
import { type FreeModulesScope, SpaceSnapshotRepository } from './space-snapshot.repository';

interface LeasedPeriod {
  leaseId: string;
  startupId: string;
  startupName: string;
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

export interface SnapshotFloor {
  id: string;
  buildingId: string;
  level: number;
  name: string;
  buildingName: string;
  /** Its modules, retired ones included, by row then column. */
  modules: SnapshotModule[];
}

/** [from, to) holds the day; ISO days compare as text. */
const holds = (period: LeasedPeriod, day: string) => period.from <= day && (period.to === null || period.to > day);

/**
 * One organisation's floors, modules (retired ones flagged) and the periods their leases hold them,
 * as of a space version. Read-only: its module objects are handed out as they are.
 */
export class SpaceSnapshot {
  constructor(
    private readonly modules: SnapshotModule[],
    /** The same modules by site, and what each startup holds: the two ways proposals look them up. */
    private readonly bySite: Map<string, SnapshotModule[]>,
    private readonly byStartup: Map<string, Array<{ module: SnapshotModule; period: LeasedPeriod }>>,
    /** The organisation's floors, for plans and for labelling proposals. */
    readonly floors: Map<string, SnapshotFloor>,
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
    const held = (this.byStartup.get(startupId) ?? []).filter(({ period }) => holds(period, on));
    if (!held.length) return undefined;
    const first = held.reduce((a, b) => (b.period.from < a.period.from || (b.period.from === a.period.from && b.period.leaseId < a.period.leaseId) ? b : a));
    const floorId = first.module.floorId;
    return { floorId, cells: held.filter((h) => h.module.floorId === floorId).map(({ module }) => ({ col: module.col, row: module.row })) };
  }

  /** The floor's modules and the lease holding each on the day; undefined when the organisation has no such floor. */
  floorPlan(floorId: string, on: string): FloorPlanResponse | undefined {
    const floor = this.floors.get(floorId);
    if (!floor) return undefined;
    const moduleCount = floor.modules.filter((m) => !m.retired).length;
    return floorPlan(
      floorResponse({ id: floor.id, buildingId: floor.buildingId, level: floor.level, name: floor.name, moduleCount }),
      on,
      floor.modules.map((m) => {
        const lease = m.leased.find((p) => holds(p, on));
        return { id: m.id, col: m.col, row: m.row, retired: m.retired, lease: lease ? { id: lease.leaseId, startupId: lease.startupId, startupName: lease.startupName } : null };
      }),
    );
  }
}

/**
 * Each organisation's space snapshot, kept in memory and reloaded when the space version moves (a
 * counter every write to the space tables, and every rename of a startup, raises in the writing
 * transaction: migrations 1763770500000 and 1763770600000). Allocation proposals then find the free
 * modules of a site in a loop instead of an anti-join over every module and lease of the site (the
 * statement, `freeModulesSql`, kept as the reference and the benchmark's floor, cost ≈ 20–30 ms on a
 * site of 10,000 modules), and floor plans are read from memory instead of two statements
 * (`floorPlanFromSql`, likewise kept): either costs one read of the version unless something changed.
 */
@Injectable()
export class SpaceSnapshots {
  /** One snapshot per organisation (1,000 kept at most, the least recently used dropped). */
  private readonly snapshots: VersionedCache<SpaceSnapshot>;

  constructor(private readonly repository: SpaceSnapshotRepository) {
    this.snapshots = new VersionedCache(repository.version, 1_000);
  }

  /** The organisation's snapshot at the current space version (one read of the version; a reload if it moved). */
  of(organisationId: string): Promise<SpaceSnapshot> {
    return this.snapshots.get(organisationId, () => this.load(organisationId));
  }

  private async load(organisationId: string): Promise<SpaceSnapshot> {
    const floorRows = await this.repository.floors(organisationId);
    const modules = await this.repository.modules(organisationId);
    const periods = await this.repository.leasedPeriods(organisationId);
    const floors = new Map<string, SnapshotFloor & { siteId: string }>();
    for (const f of floorRows) floors.set(f.id, { ...f, modules: [] });
    const byId = new Map<string, SnapshotModule>();
    for (const m of modules) {
      const floor = floors.get(m.floorId);
      if (!floor) continue;
      const module = { id: m.id, floorId: m.floorId, buildingId: floor.buildingId, siteId: floor.siteId, col: m.col, row: m.row, retired: m.retired, leased: [] };
      byId.set(m.id, module);
      floor.modules.push(module);
    }
    const byStartup = new Map<string, Array<{ module: SnapshotModule; period: LeasedPeriod }>>();
    for (const p of periods) {
      const module = byId.get(p.moduleId);
      if (!module) continue;
      const period = { leaseId: p.leaseId, startupId: p.startupId, startupName: p.startupName, from: p.from, to: p.to };
      module.leased.push(period);
      if (!byStartup.has(p.startupId)) byStartup.set(p.startupId, []);
      byStartup.get(p.startupId)?.push({ module, period });
    }
    const bySite = new Map<string, SnapshotModule[]>();
    for (const module of byId.values()) {
      if (!bySite.has(module.siteId)) bySite.set(module.siteId, []);
      bySite.get(module.siteId)?.push(module);
    }
    return new SpaceSnapshot([...byId.values()], bySite, byStartup, floors);
  }
}
