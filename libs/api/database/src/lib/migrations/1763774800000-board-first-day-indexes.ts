import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: every board quarter first reads the organisation's first data day (the earliest cohort,
 * report, round or lease). The rounds' and leases' earliest days were a scan of every row of the
 * organisation (50,000 rounds in the bench); with these, each is the first entry of an index.
 */
export class BoardFirstDayIndexes1763774800000 implements MigrationInterface {
  name = 'BoardFirstDayIndexes1763774800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_funding_rounds_organisation_closed_on ON funding_rounds (organisation_id, closed_on)`);
    await queryRunner.query(`CREATE INDEX ix_leases_organisation_starts_on ON leases (organisation_id, starts_on)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ix_leases_organisation_starts_on`);
    await queryRunner.query(`DROP INDEX IF EXISTS ix_funding_rounds_organisation_closed_on`);
  }
}
