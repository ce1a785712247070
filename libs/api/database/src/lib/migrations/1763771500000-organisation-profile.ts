import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's legal identity and settings, edited by its admins, and its suspension by the
 * platform operator (a suspended organisation's members cannot sign in or refresh; its data is kept).
 * SIREN: 9 digits (the Luhn check digit is the API's rule); SIRET: the SIREN plus a 5-digit NIC; a French
 * VAT number: FR, a 2-character key, the SIREN. The logo lives in a table of its own (PNG or JPEG up
 * to 512 kB) so that reading the organisation never drags it along.
 */
export class OrganisationProfile1763771500000 implements MigrationInterface {
  name = 'OrganisationProfile1763771500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organisations
        ADD COLUMN legal_name varchar(200),
        ADD COLUMN siren char(9) CONSTRAINT ck_organisations_siren CHECK (siren ~ '^[0-9]{9}$'),
        ADD COLUMN siret char(14) CONSTRAINT ck_organisations_siret CHECK (siret ~ '^[0-9]{14}$'),
        ADD COLUMN vat_number varchar(13) CONSTRAINT ck_organisations_vat_number CHECK (vat_number ~ '^FR[0-9A-Z]{2}[0-9]{9}$'),
        ADD COLUMN address_line1 varchar(200),
        ADD COLUMN address_line2 varchar(200),
        ADD COLUMN postcode varchar(16),
        ADD COLUMN city varchar(120),
        ADD COLUMN country char(2) NOT NULL DEFAULT 'FR' CONSTRAINT ck_organisations_country CHECK (country ~ '^[A-Z]{2}$'),
        ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR' CONSTRAINT ck_organisations_currency CHECK (currency ~ '^[A-Z]{3}$'),
        ADD COLUMN fiscal_year_start_month smallint NOT NULL DEFAULT 1
          CONSTRAINT ck_organisations_fiscal_year_start_month CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
        ADD COLUMN suspended_at timestamptz,
        ADD CONSTRAINT ck_organisations_siret_siren CHECK (siret IS NULL OR (siren IS NOT NULL AND left(siret, 9) = siren))`);
    await queryRunner.query(`
      CREATE TABLE organisation_logos (
        organisation_id uuid PRIMARY KEY CONSTRAINT fk_organisation_logos_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        content_type varchar(16) NOT NULL CONSTRAINT ck_organisation_logos_content_type CHECK (content_type IN ('image/png', 'image/jpeg')),
        data bytea NOT NULL CONSTRAINT ck_organisation_logos_size CHECK (octet_length(data) BETWEEN 1 AND 524288),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organisation_logos`);
    await queryRunner.query(`
      ALTER TABLE organisations
        DROP CONSTRAINT ck_organisations_siret_siren,
        DROP COLUMN suspended_at, DROP COLUMN fiscal_year_start_month, DROP COLUMN currency, DROP COLUMN country,
        DROP COLUMN city, DROP COLUMN postcode, DROP COLUMN address_line2, DROP COLUMN address_line1,
        DROP COLUMN vat_number, DROP COLUMN siret, DROP COLUMN siren, DROP COLUMN legal_name`);
  }
}
