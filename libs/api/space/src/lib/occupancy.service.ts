import { Injectable } from '@nestjs/common';
import type { OccupancyResponse, OccupancyRow, ProgramKind, RentRollResponse } from '@incubator/contracts';
import { connectedComponents, MODULE_AREA_M2 } from './allocation/grid';
import { OccupancyRepository } from './occupancy.repository';

/** Occupancy on a day and the rent roll of a month, computed from leases: never stored, always exact. */
@Injectable()
export class OccupancyService {
  constructor(private readonly repository: OccupancyRepository) {}

  async occupancy(organisationId: string, on: string, siteId?: string): Promise<OccupancyResponse> {
    const modules = await this.repository.modulesOn(organisationId, on, siteId ?? null);
    const floors = new Map<string, { row: OccupancyRow; free: Array<{ col: number; row: number }> }>();
    const byKind = new Map<ProgramKind, number>();
    for (const m of modules) {
      let floor = floors.get(m.floorId);
      if (!floor) {
        floor = {
          row: { siteName: m.siteName, buildingName: m.buildingName, floorId: m.floorId, floorName: m.floorName, leasableM2: 0, leasedM2: 0, occupancyRate: 0, vacantModules: 0, largestFreeBlockModules: 0 },
          free: [],
        };
        floors.set(m.floorId, floor);
      }
      floor.row.leasableM2 += MODULE_AREA_M2;
      if (m.leasedAs) {
        floor.row.leasedM2 += MODULE_AREA_M2;
        byKind.set(m.leasedAs, (byKind.get(m.leasedAs) ?? 0) + MODULE_AREA_M2);
      } else {
        floor.free.push({ col: m.col, row: m.row });
      }
    }
    const rows = [...floors.values()].map(({ row, free }) => ({
      ...row,
      occupancyRate: rate(row.leasedM2, row.leasableM2),
      vacantModules: free.length,
      largestFreeBlockModules: Math.max(0, ...connectedComponents(free).map((c) => c.length)),
    }));
    const leasableM2 = rows.reduce((sum, r) => sum + r.leasableM2, 0);
    const leasedM2 = rows.reduce((sum, r) => sum + r.leasedM2, 0);
    return {
      on,
      floors: rows,
      totals: { leasableM2, leasedM2, occupancyRate: rate(leasedM2, leasableM2), vacantModules: rows.reduce((sum, r) => sum + r.vacantModules, 0) },
      byProgramKind: [...byKind.entries()].map(([programKind, m2]) => ({ programKind, leasedM2: m2 })),
    };
  }

  /** The organisation's occupancy totals on each of the days (the same figures as `occupancy(…).totals`, read in one statement). */
  async totalsOn(organisationId: string, days: string[]): Promise<Array<OccupancyResponse['totals'] & { on: string }>> {
    if (!days.length) return [];
    const counts = await this.repository.moduleCountsOn(organisationId, days);
    return counts.map((c) => {
      const leasableM2 = c.modules * MODULE_AREA_M2;
      const leasedM2 = c.leased * MODULE_AREA_M2;
      return { on: c.on, leasableM2, leasedM2, occupancyRate: rate(leasedM2, leasableM2), vacantModules: c.modules - c.leased };
    });
  }

  /** Every lease overlapping the month, its days in the month and its rent pro rata, in exact cents. */
  async rentRoll(organisationId: string, month: string): Promise<RentRollResponse> {
    const leases = await this.repository.rentRollLeases(organisationId, month);
    const daysInMonth = leases[0]?.daysInMonth ?? new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const lines = leases.map((lease) => {
      const areaM2 = lease.modules * MODULE_AREA_M2;
      return {
        leaseId: lease.leaseId,
        startupId: lease.startupId,
        startupName: lease.startupName,
        programKind: lease.programKind,
        areaM2,
        monthlyPricePerM2Cents: lease.monthlyPricePerM2Cents,
        days: lease.days,
        rentCents: proRataCents(areaM2 * lease.monthlyPricePerM2Cents, lease.days, daysInMonth),
      };
    });
    return { month, daysInMonth, lines, totalCents: lines.reduce((sum, l) => sum + l.rentCents, 0) };
  }
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/** Integer arithmetic: monthly cents × days / days in month, rounded half up, no float drift. */
export function proRataCents(monthlyCents: number, days: number, daysInMonth: number): number {
  return Math.floor((monthlyCents * days * 2 + daysInMonth) / (2 * daysInMonth));
}
