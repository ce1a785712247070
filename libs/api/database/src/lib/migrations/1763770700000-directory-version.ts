import { MigrationInterface, QueryRunner } from 'typeorm';

const DIRECTORY_TABLES = ['startups', 'enrollments', 'cohorts', 'programs'];

/**
 * One counter that every write to what the startup list shows (startups, their enrollments, cohort and
 * program names) raises in the writing transaction, like the space version: the API keeps pages of the
 * list it has answered until the counter moves.
 */
export class DirectoryVersion1763770700000 implements MigrationInterface {
  name = 'DirectoryVersion1763770700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_version (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_directory_version_singleton CHECK (singleton),
        version bigint NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`INSERT INTO directory_version DEFAULT VALUES`);
    await queryRunner.query(`
      CREATE FUNCTION bump_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE directory_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of DIRECTORY_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of DIRECTORY_TABLES) await queryRunner.query(`DROP TRIGGER tr_${table}_directory_version ON ${table}`);
    await queryRunner.query(`DROP FUNCTION bump_directory_version()`);
    await queryRunner.query(`DROP TABLE directory_version`);
  }
}
