import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { CreateSiteRequest, SetupSiteResponse, SiteKind } from '@incubator/contracts';

interface SiteRow {
  id: string;
  slug: string;
  name: string;
  address: string | null;
  city: string;
  kind: SiteKind;
  archived_at: Date | null;
}

const SITE_COLUMNS = 'id, slug, name, address, city, kind, archived_at';

/** The statements of the site set-up on `sites` (a table of organisations; its reads for the organisation page stay there). */
@Injectable()
export class SiteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's sites by name; archived ones only when asked. */
  async list(organisationId: string, includeArchived: boolean, db: Queryable = this.dataSource): Promise<SetupSiteResponse[]> {
    const rows = await db.query<SiteRow[]>(
      `SELECT ${SITE_COLUMNS} FROM sites WHERE organisation_id = $1 AND ($2::boolean OR archived_at IS NULL) ORDER BY lower(name), id`,
      [organisationId, includeArchived],
    );
    return rows.map(toSite);
  }

  /** The organisation's site, locked for the transaction. */
  async forUpdate(db: Queryable, organisationId: string, siteId: string): Promise<SetupSiteResponse | undefined> {
    const [row] = await db.query<SiteRow[]>(`SELECT ${SITE_COLUMNS} FROM sites WHERE id = $1 AND organisation_id = $2 FOR UPDATE`, [siteId, organisationId]);
    return row && toSite(row);
  }

  /** The new site; a slug the organisation already has fails with a unique violation. */
  async insert(db: Queryable, organisationId: string, slug: string, site: CreateSiteRequest): Promise<SetupSiteResponse> {
    const [row] = await db.query<SiteRow[]>(
      `INSERT INTO sites (organisation_id, slug, name, address, city, kind) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SITE_COLUMNS}`,
      [organisationId, slug, site.name, site.address ?? null, site.city, site.kind],
    );
    return toSite(row);
  }

  async update(db: Queryable, siteId: string, site: Omit<SetupSiteResponse, 'id' | 'archivedAt'>): Promise<SetupSiteResponse> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[row]] = await db.query<[SiteRow[], number]>(
      `UPDATE sites SET slug = $2, name = $3, address = $4, city = $5, kind = $6, updated_at = now() WHERE id = $1 RETURNING ${SITE_COLUMNS}`,
      [siteId, site.slug, site.name, site.address, site.city, site.kind],
    );
    return toSite(row);
  }

  async setArchived(db: Queryable, siteId: string, archived: boolean): Promise<SetupSiteResponse> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[row]] = await db.query<[SiteRow[], number]>(
      `UPDATE sites SET archived_at = CASE WHEN $2::boolean THEN coalesce(archived_at, now()) END, updated_at = now() WHERE id = $1 RETURNING ${SITE_COLUMNS}`,
      [siteId, archived],
    );
    return toSite(row);
  }
}

function toSite(row: SiteRow): SetupSiteResponse {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    address: row.address,
    city: row.city,
    kind: row.kind,
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
  };
}
