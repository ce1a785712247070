import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';

/**
 * The rows of other domains that space checks a request against: a startup (startups) and a site
 * (sites, of organisations) of the caller's organisation. Kept here until those domains answer it.
 */
@Injectable()
export class SpaceReferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async startupExists(organisationId: string, startupId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [startupId, organisationId]);
    return rows.length > 0;
  }

  async siteExists(organisationId: string, siteId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM sites WHERE id = $1 AND organisation_id = $2', [siteId, organisationId]);
    return rows.length > 0;
  }
}
