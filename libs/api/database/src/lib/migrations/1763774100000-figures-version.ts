import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table an ecosystem figure (GET /kpi-aggregates, the board's tables) is computed from. */
const FIGURES_TABLES = [
  'organisations',
  'sites',
  'programs',
  'cohorts',
  'startups',
  'enrollments',
  'kpi_definitions',
  'kpi_reports',
  'kpi_values',
  'kpi_rollups',
  'funding_rounds',
  'milestones',
];

/**
 * Issue 20: one counter that every write to what the ecosystem figures are computed from raises in the
 * writing transaction, like the directory and space versions: the API keeps the figures it has answered
 * until the counter moves (or the day changes: which months' reports are due depends on it).
 */
export class FiguresVersion1763774100000 implements MigrationInterface {
  name = 'FiguresVersion1763774100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE figures_version (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_figures_version_singleton CHECK (singleton),
        version bigint NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`INSERT INTO figures_version DEFAULT VALUES`);
    await queryRunner.query(`
      CREATE FUNCTION bump_figures_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE figures_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of FIGURES_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_figures_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_version()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of FIGURES_TABLES) await queryRunner.query(`DROP TRIGGER tr_${table}_figures_version ON ${table}`);
    await queryRunner.query(`DROP FUNCTION bump_figures_version()`);
    await queryRunner.query(`DROP TABLE figures_version`);
  }
}
