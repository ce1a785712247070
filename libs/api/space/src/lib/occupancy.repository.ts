import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { ProgramKind } from '@incubator/contracts';

interface OccupancyModuleRow {
  floor_id: string;
  floor_name: string;
  building_name: string;
  site_name: string;
  col: number;
  row: number;
  program_kind: ProgramKind | null;
}

/** A rentable module on a day, with where it is and the program kind of the lease holding it (null: vacant). */
export interface OccupancyModule {
  floorId: string;
  floorName: string;
  buildingName: string;
  siteName: string;
  col: number;
  row: number;
  leasedAs: ProgramKind | null;
}

interface ModuleCountsRow {
  day: string;
  modules: number;
  leased: number;
}

/** How many rentable modules an organisation has on a day, and how many of them are leased. */
export interface ModuleCounts {
  on: string;
  modules: number;
  leased: number;
}

interface RentRollRow {
  id: string;
  startup_id: string;
  legal_name: string;
  program_kind: ProgramKind;
  monthly_price_per_m2_cents: number;
  modules: number;
  days: number;
  days_in_month: number;
}

/** A lease overlapping a month: its module count, price and days in the month. */
export interface RentRollLease {
  leaseId: string;
  startupId: string;
  startupName: string;
  programKind: ProgramKind;
  modules: number;
  monthlyPricePerM2Cents: number;
  days: number;
  daysInMonth: number;
}

/** The statements occupancy and the rent roll are computed from (read-only, over modules and leases). */
@Injectable()
export class OccupancyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's rentable modules on the day (of one site or all), by site, building, floor, row and column. */
  async modulesOn(organisationId: string, on: string, siteId: string | null, db: Queryable = this.dataSource): Promise<OccupancyModule[]> {
    const rows = await db.query<OccupancyModuleRow[]>(
      `SELECT f.id AS floor_id, f.name AS floor_name, b.name AS building_name, s.name AS site_name, m.col, m."row", l.program_kind
       FROM modules m JOIN floors f ON f.id = m.floor_id JOIN buildings b ON b.id = f.building_id JOIN sites s ON s.id = b.site_id
       LEFT JOIN lease_modules lm ON lm.module_id = m.id AND lm.period @> $2::date
       LEFT JOIN leases l ON l.id = lm.lease_id
       WHERE m.organisation_id = $1 AND m.retired_at IS NULL AND ($3::uuid IS NULL OR s.id = $3)
       ORDER BY s.name, b.name, f.level, m."row", m.col`,
      [organisationId, on, siteId],
    );
    return rows.map(toOccupancyModule);
  }

  /**
   * The organisation's rentable and leased modules on each of the days, in their order: what the
   * occupancy totals of `modulesOn` count, in one statement for a series of days (the board's quarter ends).
   */
  async moduleCountsOn(organisationId: string, days: string[], db: Queryable = this.dataSource): Promise<ModuleCounts[]> {
    const rows = await db.query<ModuleCountsRow[]>(
      `WITH live AS (SELECT id FROM modules WHERE organisation_id = $1 AND retired_at IS NULL),
            -- the live modules' lease periods that meet the days at all, read once, then counted for each day
            periods AS MATERIALIZED (
              SELECT lm.period FROM lease_modules lm JOIN live ON live.id = lm.module_id
              WHERE lm.period && daterange((SELECT min(d) FROM unnest($2::date[]) d), (SELECT max(d) FROM unnest($2::date[]) d), '[]'))
       SELECT to_char(d, 'YYYY-MM-DD') AS day, (SELECT count(*) FROM live)::int AS modules,
              (SELECT count(*) FROM periods p WHERE p.period @> u.d)::int AS leased
       FROM unnest($2::date[]) WITH ORDINALITY AS u (d, i) ORDER BY i`,
      [organisationId, days],
    );
    return rows.map((row) => ({ on: row.day, modules: row.modules, leased: row.leased }));
  }

  /** Every lease overlapping the month (`YYYY-MM`), by startup name then start. */
  async rentRollLeases(organisationId: string, month: string, db: Queryable = this.dataSource): Promise<RentRollLease[]> {
    const rows = await db.query<RentRollRow[]>(
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
    return rows.map(toRentRollLease);
  }
}

function toOccupancyModule(row: OccupancyModuleRow): OccupancyModule {
  return { floorId: row.floor_id, floorName: row.floor_name, buildingName: row.building_name, siteName: row.site_name, col: row.col, row: row.row, leasedAs: row.program_kind };
}

function toRentRollLease(row: RentRollRow): RentRollLease {
  return {
    leaseId: row.id,
    startupId: row.startup_id,
    startupName: row.legal_name,
    programKind: row.program_kind,
    modules: row.modules,
    monthlyPricePerM2Cents: row.monthly_price_per_m2_cents,
    days: row.days,
    daysInMonth: row.days_in_month,
  };
}
