import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { BuildingResponse } from '@incubator/contracts';

interface BuildingRow {
  id: string;
  site_id: string;
  name: string;
}

/** Every statement on buildings. */
@Injectable()
export class BuildingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, siteId: string | null, db: Queryable = this.dataSource): Promise<BuildingResponse[]> {
    const rows = await db.query<BuildingRow[]>(
      'SELECT id, site_id, name FROM buildings WHERE organisation_id = $1 AND ($2::uuid IS NULL OR site_id = $2) AND archived_at IS NULL ORDER BY lower(name)',
      [organisationId, siteId],
    );
    return rows.map(toBuilding);
  }

  async exists(organisationId: string, buildingId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM buildings WHERE id = $1 AND organisation_id = $2', [buildingId, organisationId]);
    return rows.length > 0;
  }

  /** The new building's id; a name the site already has (any case) fails with a unique violation. */
  async insert(db: Queryable, organisationId: string, siteId: string, name: string): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>('INSERT INTO buildings (organisation_id, site_id, name) VALUES ($1, $2, $3) RETURNING id', [organisationId, siteId, name]);
    return row.id;
  }
}

function toBuilding(row: BuildingRow): BuildingResponse {
  return { id: row.id, siteId: row.site_id, name: row.name };
}
