import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Currency, Locale, LogoContentType, OperatorOrganisation, OrganisationSettings, UpdateOrganisationSettingsRequest } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

interface SettingsRow {
  id: string;
  slug: string;
  name: string;
  legal_name: string | null;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  time_zone: string;
  default_locale: Locale;
  currency: Currency;
  fiscal_year_start_month: number;
  board_suppression_threshold: number;
  board_sees_rounds: boolean;
  has_logo: boolean;
  suspended_at: Date | null;
}

interface OperatorRow {
  id: string;
  slug: string;
  name: string;
  legal_name: string | null;
  siren: string | null;
  members: number;
  admins: number;
  pending_invitations: number;
  created_at: Date;
  suspended_at: Date | null;
}

interface LogoRow {
  content_type: LogoContentType;
  data: Buffer;
  updated_at: Date;
}

export interface OrganisationLogo {
  contentType: LogoContentType;
  data: Buffer;
  updatedAt: Date;
}

/** A new organisation as the operator creates it. */
export interface NewOrganisation {
  slug: string;
  name: string;
  legalName: string;
  siren: string;
  siret: string | null;
  vatNumber: string | null;
  addressLine1: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  timeZone: string;
  defaultLocale: Locale;
  currency: Currency;
}

const SETTINGS_COLUMNS = `o.id, o.slug, o.name, o.legal_name, o.siren, o.siret, o.vat_number, o.address_line1, o.address_line2, o.postcode,
  o.city, o.country, o.time_zone, o.default_locale, o.currency, o.fiscal_year_start_month, o.board_suppression_threshold,
  o.board_sees_rounds, EXISTS (SELECT 1 FROM organisation_logos l WHERE l.organisation_id = o.id) AS has_logo, o.suspended_at`;

/**
 * Every statement on an organisation's profile (legal identity, settings, logo) and its suspension.
 * The operator's list counts members and pending invitations with read-only subqueries on identity's tables.
 */
@Injectable()
export class OrganisationProfileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async settings(organisationId: string, lock = false, db: Queryable = this.dataSource): Promise<OrganisationSettings | null> {
    const [row] = await db.query<SettingsRow[]>(`SELECT ${SETTINGS_COLUMNS} FROM organisations o WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`, [organisationId]);
    return row ? toSettings(row) : null;
  }

  async updateSettings(organisationId: string, next: UpdateOrganisationSettingsRequest, db: Queryable = this.dataSource): Promise<void> {
    await db.query(
      `UPDATE organisations SET name = $2, legal_name = $3, siren = $4, siret = $5, vat_number = $6, address_line1 = $7, address_line2 = $8,
         postcode = $9, city = $10, country = $11, time_zone = $12, default_locale = $13, currency = $14, fiscal_year_start_month = $15,
         board_suppression_threshold = $16, board_sees_rounds = $17, updated_at = now()
       WHERE id = $1`,
      [
        organisationId,
        next.name,
        next.legalName,
        next.siren,
        next.siret,
        next.vatNumber,
        next.addressLine1,
        next.addressLine2,
        next.postcode,
        next.city,
        next.country,
        next.timeZone,
        next.defaultLocale,
        next.currency,
        next.fiscalYearStartMonth,
        next.boardSuppressionThreshold,
        next.boardSeesRounds,
      ],
    );
  }

  /** Inserts a new organisation; null when the slug is taken. */
  async insert(organisation: NewOrganisation, db: Queryable = this.dataSource): Promise<string | null> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO organisations (slug, name, legal_name, siren, siret, vat_number, address_line1, postcode, city, country, time_zone, default_locale, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        organisation.slug,
        organisation.name,
        organisation.legalName,
        organisation.siren,
        organisation.siret,
        organisation.vatNumber,
        organisation.addressLine1,
        organisation.postcode,
        organisation.city,
        organisation.country,
        organisation.timeZone,
        organisation.defaultLocale,
        organisation.currency,
      ],
    );
    return row?.id ?? null;
  }

  /** Every organisation, by name, with its member counts. */
  async operatorList(db: Queryable = this.dataSource): Promise<OperatorOrganisation[]> {
    const rows = await db.query<OperatorRow[]>(
      `SELECT o.id, o.slug, o.name, o.legal_name, o.siren, o.created_at, o.suspended_at,
         (SELECT count(*)::int FROM memberships m WHERE m.organisation_id = o.id AND m.is_active) AS members,
         (SELECT count(*)::int FROM memberships m WHERE m.organisation_id = o.id AND m.is_active AND m.role = 'admin') AS admins,
         (SELECT count(*)::int FROM invitations i WHERE i.organisation_id = o.id AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now())
           AS pending_invitations
       FROM organisations o ORDER BY lower(o.name), o.slug`,
    );
    return rows.map(toOperatorOrganisation);
  }

  async operatorFind(organisationId: string, db: Queryable = this.dataSource): Promise<OperatorOrganisation | null> {
    const all = await this.operatorList(db);
    return all.find((organisation) => organisation.id === organisationId) ?? null;
  }

  /** Sets or clears suspended_at; false when the organisation does not exist. */
  async setSuspended(organisationId: string, suspended: boolean, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ id: string }>>(
      `UPDATE organisations SET suspended_at = ${suspended ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1 RETURNING id`,
      [organisationId],
    );
    return rows.length > 0;
  }

  async isSuspended(organisationId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const [row] = await db.query<Array<{ suspended: boolean }>>('SELECT suspended_at IS NOT NULL AS suspended FROM organisations WHERE id = $1', [organisationId]);
    return row?.suspended ?? false;
  }

  /** PostgreSQL must know the zone: every "today" of the organisation is computed with it. */
  async knownTimeZone(timeZone: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM pg_timezone_names WHERE name = $1', [timeZone]);
    return rows.length > 0;
  }

  async logo(organisationId: string, db: Queryable = this.dataSource): Promise<OrganisationLogo | null> {
    const [row] = await db.query<LogoRow[]>('SELECT content_type, data, updated_at FROM organisation_logos WHERE organisation_id = $1', [organisationId]);
    return row ? { contentType: row.content_type, data: row.data, updatedAt: row.updated_at } : null;
  }

  async putLogo(organisationId: string, contentType: LogoContentType, data: Buffer, db: Queryable = this.dataSource): Promise<void> {
    await db.query(
      `INSERT INTO organisation_logos (organisation_id, content_type, data) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET content_type = EXCLUDED.content_type, data = EXCLUDED.data, updated_at = now()`,
      [organisationId, contentType, data],
    );
  }

  /** True when there was a logo to delete. */
  async deleteLogo(organisationId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await db.query<Array<{ organisation_id: string }>>('DELETE FROM organisation_logos WHERE organisation_id = $1 RETURNING organisation_id', [organisationId]);
    return rows.length > 0;
  }
}

function toSettings(row: SettingsRow): OrganisationSettings {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    legalName: row.legal_name,
    siren: row.siren,
    siret: row.siret,
    vatNumber: row.vat_number,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
    timeZone: row.time_zone,
    defaultLocale: row.default_locale,
    currency: row.currency,
    fiscalYearStartMonth: row.fiscal_year_start_month,
    boardSuppressionThreshold: row.board_suppression_threshold,
    boardSeesRounds: row.board_sees_rounds,
    hasLogo: row.has_logo,
    suspendedAt: row.suspended_at ? row.suspended_at.toISOString() : null,
  };
}

function toOperatorOrganisation(row: OperatorRow): OperatorOrganisation {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    legalName: row.legal_name,
    siren: row.siren,
    members: row.members,
    admins: row.admins,
    pendingInvitations: row.pending_invitations,
    createdAt: row.created_at.toISOString(),
    suspendedAt: row.suspended_at ? row.suspended_at.toISOString() : null,
  };
}
