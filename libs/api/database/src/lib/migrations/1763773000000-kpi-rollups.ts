import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the board's figures read `kpi_rollups`, never the raw KPI values. One row per validated
 * report and KPI, with what the aggregates filter on (organisation, startup, period) beside the value,
 * clustered for a range read by organisation and period start (a covering index: no heap visit, no
 * lookup per report in kpi_values). Kept current in the same transaction as every write that changes a
 * report's status or values (KpiRollupService); the slicing dimensions — site, program, cohort, sector,
 * enrollment status — are joined at read from their small tables, so enrollment transitions and sector
 * changes need no rollup write and cannot leave it stale. Backfilled here from the existing reports.
 */
export class KpiRollups1763773000000 implements MigrationInterface {
  name = 'KpiRollups1763773000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kpi_rollups (
        organisation_id uuid NOT NULL CONSTRAINT fk_kpi_rollups_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL,
        report_id uuid NOT NULL,
        definition_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        value numeric(20, 4) NOT NULL,
        PRIMARY KEY (report_id, definition_id),
        -- Tenant-safe links, like every table's: a rollup's startup, report and KPI are its organisation's.
        CONSTRAINT fk_kpi_rollups_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_kpi_rollups_report FOREIGN KEY (organisation_id, report_id) REFERENCES kpi_reports (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_kpi_rollups_definition FOREIGN KEY (organisation_id, definition_id) REFERENCES kpi_definitions (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_kpi_rollups_organisation_period ON kpi_rollups (organisation_id, period_start) INCLUDE (startup_id, period_end, definition_id, value)`,
    );
    await queryRunner.query(`CREATE INDEX ix_kpi_rollups_startup_period ON kpi_rollups (startup_id, period_start) INCLUDE (period_end, definition_id, value)`);
    await queryRunner.query(`CREATE INDEX ix_kpi_rollups_definition ON kpi_rollups (definition_id)`);
    // Backfill: every validated report's values (the same statement as KpiRollupRepository.rebuild).
    await queryRunner.query(`
      INSERT INTO kpi_rollups (organisation_id, startup_id, report_id, definition_id, period_start, period_end, value)
      SELECT r.organisation_id, r.startup_id, r.id, v.definition_id, r.period_start, r.period_end, v.value
      FROM kpi_reports r JOIN kpi_values v ON v.report_id = r.id WHERE r.status = 'validated'
      ORDER BY r.organisation_id, r.period_start`);
    // Closed rounds by organisation and closing day, covering what the aggregates read.
    await queryRunner.query(
      `CREATE INDEX ix_funding_rounds_closed_covering ON funding_rounds (organisation_id, closed_on) INCLUDE (startup_id, kind, amount_eur_cents) WHERE status = 'closed'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ix_funding_rounds_closed_covering`);
    await queryRunner.query(`DROP TABLE IF EXISTS kpi_rollups`);
  }
}
