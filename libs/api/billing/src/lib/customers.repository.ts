import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { BillingCustomer, Locale, PaymentMethod, SepaMandate } from '@incubator/contracts';

interface CustomerRow {
  startup_id: string;
  startup_name: string;
  legal_name: string;
  siren: string | null;
  vat_number: string | null;
  address_line1: string;
  address_line2: string | null;
  postcode: string;
  city: string;
  country: string;
  recipients: string[];
  payment_method: PaymentMethod;
  locale: Locale;
}

interface StartupCustomerRow {
  startup_id: string;
  startup_name: string;
  startup_siren: string | null;
  has_profile: boolean;
}

interface MandateRow {
  id: string;
  startup_id: string;
  reference: string;
  signed_on: string;
  iban: string;
  bic: string | null;
  revoked_on: string | null;
}

/** A startup of the organisation and whether it has a billing profile. */
export interface StartupRef {
  startupId: string;
  startupName: string;
  siren: string | null;
  hasProfile: boolean;
}

export type CustomerProfile = Omit<BillingCustomer, 'mandate'>;
export type CustomerWrite = Omit<BillingCustomer, 'startupId' | 'startupName' | 'mandate'>;

const CUSTOMER_SELECT = `SELECT c.*, s.legal_name AS startup_name FROM billing_customers c JOIN startups s ON s.id = c.startup_id`;

/** billing_customers and sepa_mandates (a startup's billing profile and its direct-debit mandates). */
@Injectable()
export class CustomerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every startup of the organisation, by name, with whether it has a profile. */
  async startups(organisationId: string, db: Queryable = this.dataSource): Promise<StartupRef[]> {
    const rows = await db.query<StartupCustomerRow[]>(
      `SELECT s.id AS startup_id, s.legal_name AS startup_name, s.siren AS startup_siren, (c.startup_id IS NOT NULL) AS has_profile
       FROM startups s LEFT JOIN billing_customers c ON c.organisation_id = s.organisation_id AND c.startup_id = s.id
       WHERE s.organisation_id = $1 ORDER BY lower(s.legal_name), s.id`,
      [organisationId],
    );
    return rows.map((r) => ({ startupId: r.startup_id, startupName: r.startup_name, siren: r.startup_siren, hasProfile: r.has_profile }));
  }

  async startup(organisationId: string, startupId: string, db: Queryable = this.dataSource): Promise<StartupRef | undefined> {
    const rows = await db.query<StartupCustomerRow[]>(
      `SELECT s.id AS startup_id, s.legal_name AS startup_name, s.siren AS startup_siren, (c.startup_id IS NOT NULL) AS has_profile
       FROM startups s LEFT JOIN billing_customers c ON c.organisation_id = s.organisation_id AND c.startup_id = s.id
       WHERE s.organisation_id = $1 AND s.id = $2`,
      [organisationId, startupId],
    );
    return rows.map((r) => ({ startupId: r.startup_id, startupName: r.startup_name, siren: r.startup_siren, hasProfile: r.has_profile }))[0];
  }

  async list(organisationId: string, db: Queryable = this.dataSource): Promise<CustomerProfile[]> {
    const rows = await db.query<CustomerRow[]>(`${CUSTOMER_SELECT} WHERE c.organisation_id = $1`, [organisationId]);
    return rows.map(toCustomer);
  }

  async get(organisationId: string, startupId: string, db: Queryable = this.dataSource): Promise<CustomerProfile | undefined> {
    const [row] = await db.query<CustomerRow[]>(`${CUSTOMER_SELECT} WHERE c.organisation_id = $1 AND c.startup_id = $2`, [organisationId, startupId]);
    return row && toCustomer(row);
  }

  async upsert(db: Queryable, organisationId: string, startupId: string, c: CustomerWrite): Promise<void> {
    await db.query(
      `INSERT INTO billing_customers (organisation_id, startup_id, legal_name, siren, vat_number, address_line1, address_line2, postcode, city, country, recipients, payment_method, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (organisation_id, startup_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, siren = EXCLUDED.siren, vat_number = EXCLUDED.vat_number,
         address_line1 = EXCLUDED.address_line1, address_line2 = EXCLUDED.address_line2, postcode = EXCLUDED.postcode, city = EXCLUDED.city,
         country = EXCLUDED.country, recipients = EXCLUDED.recipients, payment_method = EXCLUDED.payment_method, locale = EXCLUDED.locale, updated_at = now()`,
      [organisationId, startupId, c.legalName, c.siren, c.vatNumber, c.addressLine1, c.addressLine2, c.postcode, c.city, c.country, c.recipients, c.paymentMethod, c.locale],
    );
  }

  /** Inserts a profile unless one exists (a billing run drafting one for a startup without). */
  async insertIfAbsent(db: Queryable, organisationId: string, startupId: string, c: CustomerWrite): Promise<void> {
    await db.query(
      `INSERT INTO billing_customers (organisation_id, startup_id, legal_name, siren, vat_number, address_line1, address_line2, postcode, city, country, recipients, payment_method, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (organisation_id, startup_id) DO NOTHING`,
      [organisationId, startupId, c.legalName, c.siren, c.vatNumber, c.addressLine1, c.addressLine2, c.postcode, c.city, c.country, c.recipients, c.paymentMethod, c.locale],
    );
  }

  async activeMandates(organisationId: string, db: Queryable = this.dataSource): Promise<SepaMandate[]> {
    const rows = await db.query<MandateRow[]>(
      `SELECT id, startup_id, reference, to_char(signed_on, 'YYYY-MM-DD') AS signed_on, iban, bic, NULL AS revoked_on
       FROM sepa_mandates WHERE organisation_id = $1 AND revoked_on IS NULL`,
      [organisationId],
    );
    return rows.map(toMandate);
  }

  async activeMandate(organisationId: string, startupId: string, db: Queryable = this.dataSource): Promise<SepaMandate | undefined> {
    const [row] = await db.query<MandateRow[]>(
      `SELECT id, startup_id, reference, to_char(signed_on, 'YYYY-MM-DD') AS signed_on, iban, bic, NULL AS revoked_on
       FROM sepa_mandates WHERE organisation_id = $1 AND startup_id = $2 AND revoked_on IS NULL`,
      [organisationId, startupId],
    );
    return row && toMandate(row);
  }

  async mandateForUpdate(db: Queryable, organisationId: string, mandateId: string): Promise<SepaMandate | undefined> {
    const [row] = await db.query<MandateRow[]>(
      `SELECT id, startup_id, reference, to_char(signed_on, 'YYYY-MM-DD') AS signed_on, iban, bic, to_char(revoked_on, 'YYYY-MM-DD') AS revoked_on
       FROM sepa_mandates WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, mandateId],
    );
    return row && toMandate(row);
  }

  async referenceTaken(db: Queryable, organisationId: string, reference: string): Promise<boolean> {
    const rows = await db.query<Array<{ id: string }>>('SELECT id FROM sepa_mandates WHERE organisation_id = $1 AND reference = $2', [organisationId, reference]);
    return rows.length > 0;
  }

  async insertMandate(db: Queryable, organisationId: string, m: Omit<SepaMandate, 'id' | 'revokedOn'>): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>(
      'INSERT INTO sepa_mandates (organisation_id, startup_id, reference, signed_on, iban, bic) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [organisationId, m.startupId, m.reference, m.signedOn, m.iban, m.bic],
    );
    return row.id;
  }

  /** Revokes on the organisation's today (never before the signature day). */
  async revokeMandate(db: Queryable, organisationId: string, mandateId: string): Promise<void> {
    await db.query(
      `UPDATE sepa_mandates m SET revoked_on = GREATEST(m.signed_on, (now() AT TIME ZONE o.time_zone)::date)
       FROM organisations o WHERE o.id = m.organisation_id AND m.organisation_id = $1 AND m.id = $2`,
      [organisationId, mandateId],
    );
  }
}

function toCustomer(row: CustomerRow): CustomerProfile {
  return {
    startupId: row.startup_id,
    startupName: row.startup_name,
    legalName: row.legal_name,
    siren: row.siren,
    vatNumber: row.vat_number,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
    recipients: row.recipients,
    paymentMethod: row.payment_method,
    locale: row.locale,
  };
}

function toMandate(row: MandateRow): SepaMandate {
  return { id: row.id, startupId: row.startup_id, reference: row.reference, signedOn: row.signed_on, iban: row.iban, bic: row.bic, revokedOn: row.revoked_on };
}
