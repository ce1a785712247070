import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the year to date the board's targets compare with counts distinct startups over the year's
 * quarters — those that reported jobs, those that closed a round: one index range each instead of every
 * row of the organisation's quarters.
 */
export class BoardYearToDateIndexes1763775100000 implements MigrationInterface {
  name = 'BoardYearToDateIndexes1763775100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_kpi_quarter_rollups_definition_quarter ON kpi_quarter_rollups (definition_id, quarter_start) INCLUDE (startup_id)`);
    await queryRunner.query(`CREATE INDEX ix_startup_round_quarters_organisation ON startup_round_quarters (organisation_id, quarter_start) INCLUDE (kind)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ix_startup_round_quarters_organisation`);
    await queryRunner.query(`DROP INDEX IF EXISTS ix_kpi_quarter_rollups_definition_quarter`);
  }
}
