import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Modular office space: buildings → floors → 24 m² modules on a grid; a price list per site and
 * program kind; leases of contiguous modules over half-open date ranges. PostgreSQL itself refuses
 * two leases of one module for overlapping dates (exclusion constraint on module × daterange).
 */
export class CreateSpace1763770000000 implements MigrationInterface {
  name = 'CreateSpace1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE buildings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_buildings_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        site_id uuid NOT NULL CONSTRAINT fk_buildings_site REFERENCES sites (id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_buildings_site_name ON buildings (site_id, lower(name))`);

    await queryRunner.query(`
      CREATE TABLE floors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_floors_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        building_id uuid NOT NULL CONSTRAINT fk_floors_building REFERENCES buildings (id) ON DELETE CASCADE,
        level integer NOT NULL,
        name varchar(120) NOT NULL,
        layout text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_floors_building_level ON floors (building_id, level)`);

    await queryRunner.query(`
      CREATE TABLE modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_modules_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        floor_id uuid NOT NULL CONSTRAINT fk_modules_floor REFERENCES floors (id) ON DELETE CASCADE,
        col integer NOT NULL CONSTRAINT ck_modules_col CHECK (col >= 0),
        "row" integer NOT NULL CONSTRAINT ck_modules_row CHECK ("row" >= 0),
        retired_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_modules_floor_cell ON modules (floor_id, col, "row")`);

    await queryRunner.query(`
      CREATE TABLE space_prices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_space_prices_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        site_id uuid NOT NULL CONSTRAINT fk_space_prices_site REFERENCES sites (id) ON DELETE CASCADE,
        program_kind varchar(16) NOT NULL CONSTRAINT ck_space_prices_kind CHECK (program_kind IN ('incubator', 'accelerator', 'business_centre')),
        -- money in integer euro cents per m² and month, never a float
        monthly_price_per_m2_cents integer NOT NULL CONSTRAINT ck_space_prices_price CHECK (monthly_price_per_m2_cents >= 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_space_prices_site_kind ON space_prices (site_id, program_kind)`);

    await queryRunner.query(`
      CREATE TABLE leases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_leases_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL CONSTRAINT fk_leases_startup REFERENCES startups (id) ON DELETE CASCADE,
        floor_id uuid NOT NULL CONSTRAINT fk_leases_floor REFERENCES floors (id),
        program_kind varchar(16) NOT NULL CONSTRAINT ck_leases_kind CHECK (program_kind IN ('incubator', 'accelerator', 'business_centre')),
        starts_on date NOT NULL,
        ends_on date, -- exclusive; NULL = open-ended: the lease covers [starts_on, ends_on)
        monthly_price_per_m2_cents integer NOT NULL CONSTRAINT ck_leases_price CHECK (monthly_price_per_m2_cents >= 0),
        previous_lease_id uuid CONSTRAINT fk_leases_previous REFERENCES leases (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_leases_dates CHECK (ends_on IS NULL OR ends_on > starts_on)
      )`);
    await queryRunner.query(`CREATE INDEX ix_leases_startup ON leases (startup_id, starts_on)`);
    await queryRunner.query(`CREATE INDEX ix_leases_floor ON leases (floor_id)`);

    await queryRunner.query(`
      CREATE TABLE lease_modules (
        lease_id uuid NOT NULL CONSTRAINT fk_lease_modules_lease REFERENCES leases (id) ON DELETE CASCADE,
        module_id uuid NOT NULL CONSTRAINT fk_lease_modules_module REFERENCES modules (id),
        -- a copy of the lease's [starts_on, ends_on), kept in step by the service, for the constraint below
        period daterange NOT NULL,
        PRIMARY KEY (lease_id, module_id),
        CONSTRAINT ex_lease_modules_no_overlap EXCLUDE USING gist (module_id WITH =, period WITH &&)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['lease_modules', 'leases', 'space_prices', 'modules', 'floors', 'buildings']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
