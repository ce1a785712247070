import { MigrationInterface, QueryRunner } from 'typeorm';

const SPACE_TABLES = ['buildings', 'floors', 'modules', 'leases', 'lease_modules'];

/**
 * One counter that every write to the space tables raises, in the writing transaction (statement-level
 * triggers). The API keeps each organisation's modules and lease periods in memory for allocation
 * proposals and reloads them only when the counter has moved: a reader sees a new value only once
 * the writes behind it are committed. Space writes are a handful a day, so one row for every
 * organisation costs nothing but a reload elsewhere.
 */
export class SpaceVersion1763770500000 implements MigrationInterface {
  name = 'SpaceVersion1763770500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE space_version (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_space_version_singleton CHECK (singleton),
        version bigint NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`INSERT INTO space_version DEFAULT VALUES`);
    await queryRunner.query(`
      CREATE FUNCTION bump_space_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE space_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of SPACE_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_space_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_space_version()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of SPACE_TABLES) await queryRunner.query(`DROP TRIGGER tr_${table}_space_version ON ${table}`);
    await queryRunner.query(`DROP FUNCTION bump_space_version()`);
    await queryRunner.query(`DROP TABLE space_version`);
  }
}
