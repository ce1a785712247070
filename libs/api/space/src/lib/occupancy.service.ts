import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OccupancyResponse, OccupancyRow, RentRollResponse } from '@incubator/contracts';
import { connectedComponents, MODULE_AREA_M2 } from './allocation/grid';

/** Occupancy on a day and the rent roll of a month, computed from leases: never stored, always exact. */
@Injectable()
export class OccupancyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async occupancy(organisationId: string, on: string, siteId?: string): Promise<OccupancyResponse> {
    const modules: Array<{ floor_id: string; floor_name: string; building_name: string; site_name: string; col: number; row: number; program_kind: string | null }> =
      await this.dataSource.query(
        `SELECT f.id AS floor_id, f.name AS floor_name, b.name AS building_name, s.name AS site_name, m.col, m."row", l.program_kind
         FROM modules m JOIN floors f ON f.id = m.floor_id JOIN buildings b ON b.id = f.building_id JOIN sites s ON s.id = b.site_id
         LEFT JOIN lease_modules lm ON lm.module_id = m.id AND lm.period @> $2::date
         LEFT JOIN leases l ON l.id = lm.lease_id
         WHERE m.organisation_id = $1 AND m.retired_at IS NULL AND ($3::uuid IS NULL OR s.id = $3)
         ORDER BY s.name, b.name, f.level, m."row", m.col`,
        [organisationId, on, siteId ?? null],
      );
    const floors = new Map<string, { row: OccupancyRow; free: Array<{ col: number; row: number }> }>();
    const byKind = new Map<string, number>();
    for (const m of modules) {
      let floor = floors.get(m.floor_id);
      if (!floor) {
        floor = {
          row: { siteName: m.site_name, buildingName: m.building_name, floorId: m.floor_id, floorName: m.floor_name, leasableM2: 0, leasedM2: 0, occupancyRate: 0, vacantModules: 0, largestFreeBlockModules: 0 },
          free: [],
        };
        floors.set(m.floor_id, floor);
      }
      floor.row.leasableM2 += MODULE_AREA_M2;
      if (m.program_kind) {
        floor.row.leasedM2 += MODULE_AREA_M2;
        byKind.set(m.program_kind, (byKind.get(m.program_kind) ?? 0) + MODULE_AREA_M2);
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
      byProgramKind: [...byKind.entries()].map(([programKind, m2]) => ({ programKind: programKind as OccupancyResponse['byProgramKind'][number]['programKind'], leasedM2: m2 })),
    };
  }

  /** Every lease overlapping the month, its days in the month and its rent pro rata, in exact cents. */
  async rentRoll(organisationId: string, month: string): Promise<RentRollResponse> {
    const rows = await this.dataSource.query(
      `WITH month AS (SELECT daterange($2::date, ($2::date + interval '1 month')::date, '[)') AS span)
       SELECT l.id, l.startup_id, s.legal_name, l.program_kind, l.monthly_price_per_m2_cents,
              (SELECT count(*)::int FROM lease_modules lm WHERE lm.lease_id = l.id) AS modules,
              upper(daterange(l.starts_on, l.ends_on, '[)') * month.span) - lower(daterange(l.starts_on, l.ends_on, '[)') * month.span) AS days,
              upper(month.span) - lower(month.span) AS days_in_month
       FROM leases l JOIN startups s ON s.id = l.startup_id, month
       WHERE l.organisation_id = $1 AND daterange(l.starts_on, l.ends_on, '[)') && month.span
       ORDER BY lower(s.legal_name), l.starts_on`,
      [organisationId, `${month}-01`],
    );
    const daysInMonth = rows[0]?.days_in_month ?? new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const lines = rows.map((row: Record<string, unknown>) => {
      const areaM2 = (row['modules'] as number) * MODULE_AREA_M2;
      const price = row['monthly_price_per_m2_cents'] as number;
      const days = row['days'] as number;
      return {
        leaseId: row['id'] as string,
        startupId: row['startup_id'] as string,
        startupName: row['legal_name'] as string,
        programKind: row['program_kind'] as RentRollResponse['lines'][number]['programKind'],
        areaM2,
        monthlyPricePerM2Cents: price,
        days,
        rentCents: proRataCents(areaM2 * price, days, daysInMonth),
      };
    });
    return { month, daysInMonth, lines, totalCents: lines.reduce((sum: number, l: { rentCents: number }) => sum + l.rentCents, 0) };
  }
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/** Integer arithmetic: monthly cents × days / days in month, rounded half up, no float drift. */
export function proRataCents(monthlyCents: number, days: number, daysInMonth: number): number {
  return Math.floor((monthlyCents * days * 2 + daysInMonth) / (2 * daysInMonth));
}
