import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: report completion (how many of the months a startup was expected to report on have a
 * submitted or validated report) looks up thousands of (startup, month) pairs per board quarter. This
 * partial index answers each from the index alone (no visit to the report's row for its status).
 */
export class KpiReportsDone1763774200000 implements MigrationInterface {
  name = 'KpiReportsDone1763774200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_kpi_reports_done ON kpi_reports (startup_id, period) WHERE status IN ('submitted', 'validated')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ix_kpi_reports_done`);
  }
}
