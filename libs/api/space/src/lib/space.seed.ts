import type { EntityManager } from 'typeorm';
import type { ProgramKind } from '@incubator/contracts';
import { parseLayout } from './allocation/layout';

/** A building with floors of 24 m² modules (`M`; `.` corridors) and the site's price list in cents/m²/month. */
export interface SpaceSeed {
  organisationId: string;
  siteId: string;
  building: string;
  prices: Record<ProgramKind, number>;
  floors: Array<{ level: number; name: string; layout: string }>;
}

/** Writes (or updates) a site's building, its floors with their modules, and its price list. */
export async function seedSpace(manager: EntityManager, data: SpaceSeed): Promise<{ buildingId: string }> {
  const { organisationId, siteId } = data;
  const [building] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO buildings (organisation_id, site_id, name) VALUES ($1, $2, $3)
     ON CONFLICT (site_id, lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [organisationId, siteId, data.building],
  );
  for (const [kind, cents] of Object.entries(data.prices)) {
    await manager.query(
      `INSERT INTO space_prices (organisation_id, site_id, program_kind, effective_from, monthly_price_per_m2_cents) VALUES ($1, $2, $3, DATE '2000-01-01', $4)
       ON CONFLICT (site_id, program_kind, effective_from) DO UPDATE SET monthly_price_per_m2_cents = EXCLUDED.monthly_price_per_m2_cents`,
      [organisationId, siteId, kind, cents],
    );
  }
  for (const floor of data.floors) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO floors (organisation_id, building_id, level, name, layout) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (building_id, level) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [organisationId, building.id, floor.level, floor.name, floor.layout],
    );
    const cells = parseLayout(floor.layout);
    await manager.query(
      `INSERT INTO modules (organisation_id, floor_id, col, "row")
       SELECT $1, $2, c.col, c.row FROM jsonb_to_recordset($3::jsonb) AS c(col int, "row" int)
       ON CONFLICT (floor_id, col, "row") WHERE retired_at IS NULL DO NOTHING`,
      [organisationId, row.id, JSON.stringify(cells)],
    );
  }
  return { buildingId: building.id };
}
