import { MigrationInterface, QueryRunner } from 'typeorm';

const YEARLY = `'jobs_created', 'active_startups', 'funds_raised_eur'`;
const LONG_TERM = `'total_jobs', 'total_companies', 'total_funds_eur'`;

/**
 * Issue 20: the organisation's long-term targets (e.g. 80,000 jobs and 10,000 companies by 2030) live
 * beside the yearly ones in `organisation_targets`, with their own keys; `year` is then the year to
 * reach them by. Same admin page and routes; the board quarter measures them on the figures since the
 * start and projects the trend.
 */
export class LongTermTargets1763774500000 implements MigrationInterface {
  name = 'LongTermTargets1763774500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisation_targets DROP CONSTRAINT ck_organisation_targets_key`);
    await queryRunner.query(`ALTER TABLE organisation_targets ADD CONSTRAINT ck_organisation_targets_key CHECK (key IN (${YEARLY}, ${LONG_TERM}))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM organisation_targets WHERE key IN (${LONG_TERM})`);
    await queryRunner.query(`ALTER TABLE organisation_targets DROP CONSTRAINT ck_organisation_targets_key`);
    await queryRunner.query(`ALTER TABLE organisation_targets ADD CONSTRAINT ck_organisation_targets_key CHECK (key IN (${YEARLY}))`);
  }
}
