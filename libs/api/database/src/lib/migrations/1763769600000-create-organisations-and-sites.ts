import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisationsAndSites1763769600000 implements MigrationInterface {
  name = 'CreateOrganisationsAndSites1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // gen_random_uuid() is built into PostgreSQL 13+; btree_gist will back the lease exclusion constraints.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        time_zone varchar(64) NOT NULL DEFAULT 'Europe/Paris',
        default_locale varchar(2) NOT NULL DEFAULT 'fr' CONSTRAINT ck_organisations_default_locale CHECK (default_locale IN ('fr', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_organisations_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_organisations_slug ON organisations (slug)`);
    await queryRunner.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_sites_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        slug varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        city varchar(120) NOT NULL,
        address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_sites_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_sites_organisation_slug ON sites (organisation_id, slug)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sites`);
    await queryRunner.query(`DROP TABLE organisations`);
  }
}
