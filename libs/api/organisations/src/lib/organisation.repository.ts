import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale, SiteResponse } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** An organisation (a tenant) without its sites. */
export interface Organisation {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultLocale: Locale;
}

interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  default_locale: Locale;
}

interface SiteRow {
  id: string;
  slug: string;
  name: string;
  city: string;
  address: string | null;
}

interface TodayRow {
  today: string;
}

/**
 * Today's date (YYYY-MM-DD) in the organisation's time zone: what "future" and "late" are measured against.
 * A plain function as well as a repository method, for the domains that call it with their transaction's manager.
 */
export async function organisationToday(db: Queryable, organisationId: string): Promise<string> {
  const [row] = await db.query<TodayRow[]>(`SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today FROM organisations WHERE id = $1`, [
    organisationId,
  ]);
  return row.today;
}

/** Every statement on `organisations` and `sites`. */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(organisationId: string, db: Queryable = this.dataSource): Promise<Organisation | null> {
    const [row] = await db.query<OrganisationRow[]>('SELECT id, slug, name, time_zone, default_locale FROM organisations WHERE id = $1', [organisationId]);
    return row ? toOrganisation(row) : null;
  }

  /** The organisation's sites, by name. */
  async sites(organisationId: string, db: Queryable = this.dataSource): Promise<SiteResponse[]> {
    const rows = await db.query<SiteRow[]>('SELECT id, slug, name, city, address FROM sites WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY name', [organisationId]);
    return rows.map(toSite);
  }

  today(organisationId: string, db: Queryable = this.dataSource): Promise<string> {
    return organisationToday(db, organisationId);
  }
}

function toOrganisation(row: OrganisationRow): Organisation {
  return { id: row.id, slug: row.slug, name: row.name, timeZone: row.time_zone, defaultLocale: row.default_locale };
}

function toSite(row: SiteRow): SiteResponse {
  return { id: row.id, slug: row.slug, name: row.name, city: row.city, address: row.address };
}
