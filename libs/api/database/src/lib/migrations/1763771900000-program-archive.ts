import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs and cohorts can be archived: an archived one leaves the lists (unless asked for) but keeps its
 * cohorts, enrollments and milestones — history is never deleted.
 */
export class ProgramArchive1763771900000 implements MigrationInterface {
  name = 'ProgramArchive1763771900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE programs ADD COLUMN archived_at timestamptz`);
    await queryRunner.query(`ALTER TABLE cohorts ADD COLUMN archived_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cohorts DROP COLUMN archived_at`);
    await queryRunner.query(`ALTER TABLE programs DROP COLUMN archived_at`);
  }
}
