import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A park sets up its space in the browser: sites get a kind and can be archived, buildings and floors
 * can be archived, a floor keeps a zone name per cell of its grid. Archiving only hides a row from the
 * lists: leases, programs and prices keep pointing at it. A module retired by a floor edit keeps its
 * cell and its history; a new module may then be painted on the same cell, so the one-module-per-cell
 * rule now holds for live modules only.
 */
export class SpaceSetup1763771600000 implements MigrationInterface {
  name = 'SpaceSetup1763771600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sites
        ADD COLUMN kind varchar(32) NOT NULL DEFAULT 'other' CONSTRAINT ck_sites_kind CHECK (kind IN ('campus', 'business_centre', 'other')),
        ADD COLUMN archived_at timestamptz`);
    await queryRunner.query(`ALTER TABLE buildings ADD COLUMN archived_at timestamptz`);
    await queryRunner.query(`ALTER TABLE floors ADD COLUMN archived_at timestamptz, ADD COLUMN zones jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await queryRunner.query(`DROP INDEX uq_modules_floor_cell`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_modules_floor_cell ON modules (floor_id, col, "row") WHERE retired_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_modules_floor_cell`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_modules_floor_cell ON modules (floor_id, col, "row")`);
    await queryRunner.query(`ALTER TABLE floors DROP COLUMN zones, DROP COLUMN archived_at`);
    await queryRunner.query(`ALTER TABLE buildings DROP COLUMN archived_at`);
    await queryRunner.query(`ALTER TABLE sites DROP COLUMN archived_at, DROP COLUMN kind`);
  }
}
