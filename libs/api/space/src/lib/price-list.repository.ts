import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { ProgramKind, SpacePriceResponse } from '@incubator/contracts';

const PRICE_SELECT = `
  SELECT p.id, p.site_id, s.name AS site_name, p.program_kind, p.effective_from, p.monthly_price_per_m2_cents, p.created_at
  FROM space_prices p JOIN sites s ON s.id = p.site_id`;

interface PriceRow {
  id: string;
  site_id: string;
  site_name: string;
  program_kind: ProgramKind;
  effective_from: string;
  monthly_price_per_m2_cents: number;
  created_at: Date;
}

/** A dated price to add to a site's list. */
export interface NewSpacePrice {
  siteId: string;
  programKind: ProgramKind;
  effectiveFrom: string;
  monthlyPricePerM2Cents: number;
}

/** The price in force on a day and the date it took effect. */
export interface PriceInForce {
  siteId: string;
  effectiveFrom: string;
  monthlyPricePerM2Cents: number;
}

/** Every statement on the dated price lists (space_prices): one row per site × program kind × effective date. */
@Injectable()
export class PriceListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's prices (of one site or all), history included: by site, kind, then newest first. */
  async list(organisationId: string, siteId: string | null, db: Queryable = this.dataSource): Promise<SpacePriceResponse[]> {
    const rows = await db.query<PriceRow[]>(
      `${PRICE_SELECT} WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.site_id = $2)
       ORDER BY lower(s.name), p.site_id, p.program_kind, p.effective_from DESC`,
      [organisationId, siteId],
    );
    return rows.map(toPrice);
  }

  async get(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<SpacePriceResponse | undefined> {
    const [row] = await db.query<PriceRow[]>(`${PRICE_SELECT} WHERE p.id = $1 AND p.organisation_id = $2`, [id, organisationId]);
    return row && toPrice(row);
  }

  /** Adds a price; undefined when the site already has one for that kind from that date. */
  async insert(db: Queryable, organisationId: string, price: NewSpacePrice): Promise<string | undefined> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO space_prices (organisation_id, site_id, program_kind, effective_from, monthly_price_per_m2_cents)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (site_id, program_kind, effective_from) DO NOTHING RETURNING id`,
      [organisationId, price.siteId, price.programKind, price.effectiveFrom, price.monthlyPricePerM2Cents],
    );
    return row?.id;
  }

  /** The price in force on `on` for the floor's site and the kind (the latest effective on or before it). */
  async inForceForFloor(db: Queryable, organisationId: string, floorId: string, kind: ProgramKind, on: string): Promise<PriceInForce | undefined> {
    const [row] = await db.query<Array<Pick<PriceRow, 'site_id' | 'effective_from' | 'monthly_price_per_m2_cents'>>>(
      `SELECT p.site_id, p.effective_from, p.monthly_price_per_m2_cents
       FROM space_prices p JOIN buildings b ON b.site_id = p.site_id JOIN floors f ON f.building_id = b.id
       WHERE f.id = $1 AND f.organisation_id = $2 AND p.program_kind = $3 AND p.effective_from <= $4::date
       ORDER BY p.effective_from DESC LIMIT 1`,
      [floorId, organisationId, kind, on],
    );
    return row && { siteId: row.site_id, effectiveFrom: row.effective_from, monthlyPricePerM2Cents: row.monthly_price_per_m2_cents };
  }

  /** For each of the floors, the price in force on `on` for its site and the kind (floors whose site lists none are absent). */
  async inForceForFloors(organisationId: string, floorIds: readonly string[], kind: ProgramKind, on: string, db: Queryable = this.dataSource): Promise<Map<string, number>> {
    if (floorIds.length === 0) return new Map();
    const rows = await db.query<Array<{ floor_id: string; monthly_price_per_m2_cents: number }>>(
      `SELECT DISTINCT ON (f.id) f.id AS floor_id, p.monthly_price_per_m2_cents
       FROM floors f JOIN buildings b ON b.id = f.building_id JOIN space_prices p ON p.site_id = b.site_id
       WHERE f.id = ANY($1::uuid[]) AND f.organisation_id = $2 AND p.program_kind = $3 AND p.effective_from <= $4::date
       ORDER BY f.id, p.effective_from DESC`,
      [floorIds, organisationId, kind, on],
    );
    return new Map(rows.map((row) => [row.floor_id, row.monthly_price_per_m2_cents]));
  }

  /** The site of a floor of the organisation; undefined when there is no such floor. */
  async siteOfFloor(organisationId: string, floorId: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    const [row] = await db.query<Array<{ site_id: string }>>(
      'SELECT b.site_id FROM floors f JOIN buildings b ON b.id = f.building_id WHERE f.id = $1 AND f.organisation_id = $2',
      [floorId, organisationId],
    );
    return row?.site_id;
  }
}

function toPrice(row: PriceRow): SpacePriceResponse {
  return {
    id: row.id,
    siteId: row.site_id,
    siteName: row.site_name,
    programKind: row.program_kind,
    effectiveFrom: row.effective_from,
    monthlyPricePerM2Cents: row.monthly_price_per_m2_cents,
    createdAt: row.created_at.toISOString(),
  };
}
