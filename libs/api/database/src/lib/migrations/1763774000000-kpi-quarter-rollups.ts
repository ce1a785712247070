import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: a board quarter reads one row per startup and KPI (40,000 at 10,000 startups) instead of
 * one per report and KPI (120,000): `kpi_quarter_rollups` holds, per startup, calendar quarter and KPI,
 * the sum of its validated values, how many reports gave one and the latest value (by period start) —
 * exactly what the aggregation statement's per-startup step computes. Every reporting period (a month
 * or a quarter) lies inside one calendar quarter, so a range of whole quarters (a quarter, a year, a
 * year to date) is exactly the union of its quarters' rows.
 *
 * Kept by the database itself, in the statement that changes `kpi_rollups` (a report validated,
 * corrected, returned, imported, a rebuild, a cascade from a startup, report or KPI going): a
 * statement-level trigger recomputes the (startup, quarter) pairs the statement touched from
 * `kpi_rollups`, after locking those startups' rows so two transactions on the same startup recompute
 * one after the other (each then sees the other's committed rows). Backfilled here.
 */
/** Beyond this many (startup, quarter) pairs in one statement, recompute the startups' every quarter in one pass. */
const BULK_PAIRS = 2000;

export class KpiQuarterRollups1763774000000 implements MigrationInterface {
  name = 'KpiQuarterRollups1763774000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kpi_quarter_rollups (
        organisation_id uuid NOT NULL CONSTRAINT fk_kpi_quarter_rollups_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL,
        quarter_start date NOT NULL,
        definition_id uuid NOT NULL,
        total numeric NOT NULL,
        reports integer NOT NULL,
        latest numeric NOT NULL,
        PRIMARY KEY (startup_id, quarter_start, definition_id),
        CONSTRAINT fk_kpi_quarter_rollups_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_kpi_quarter_rollups_definition FOREIGN KEY (organisation_id, definition_id) REFERENCES kpi_definitions (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_kpi_quarter_rollups_organisation ON kpi_quarter_rollups (organisation_id, quarter_start) INCLUDE (startup_id, definition_id, total, reports, latest)`,
    );
    await queryRunner.query(`CREATE INDEX ix_kpi_quarter_rollups_definition ON kpi_quarter_rollups (definition_id)`);
    // The (startup, quarter) pairs given, recomputed from kpi_rollups; for a bulk write (a rebuild, an
    // import of thousands of lines), every quarter of the startups touched, in one grouped pass instead.
    await queryRunner.query(`
      CREATE FUNCTION refresh_kpi_quarters(startup_ids uuid[], quarter_starts date[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF startup_ids IS NULL THEN RETURN; END IF;
        -- One transaction at a time per startup; in id order, so two of them cannot wait for each other.
        PERFORM 1 FROM startups WHERE id IN (SELECT DISTINCT unnest(startup_ids)) ORDER BY id FOR NO KEY UPDATE;
        IF cardinality(startup_ids) > ${BULK_PAIRS} THEN
          DELETE FROM kpi_quarter_rollups WHERE startup_id IN (SELECT DISTINCT unnest(startup_ids));
          INSERT INTO kpi_quarter_rollups (organisation_id, startup_id, quarter_start, definition_id, total, reports, latest)
            SELECT organisation_id, startup_id, date_trunc('quarter', period_start)::date, definition_id, sum(value), count(*), (array_agg(value ORDER BY period_start DESC))[1]
            FROM kpi_rollups WHERE startup_id IN (SELECT DISTINCT unnest(startup_ids))
            GROUP BY organisation_id, startup_id, date_trunc('quarter', period_start)::date, definition_id
            ON CONFLICT (startup_id, quarter_start, definition_id) DO UPDATE SET total = EXCLUDED.total, reports = EXCLUDED.reports, latest = EXCLUDED.latest;
          RETURN;
        END IF;
        DELETE FROM kpi_quarter_rollups q USING unnest(startup_ids, quarter_starts) AS t (startup_id, quarter_start)
          WHERE q.startup_id = t.startup_id AND q.quarter_start = t.quarter_start;
        INSERT INTO kpi_quarter_rollups (organisation_id, startup_id, quarter_start, definition_id, total, reports, latest)
          SELECT r.organisation_id, r.startup_id, t.quarter_start, r.definition_id, sum(r.value), count(*), (array_agg(r.value ORDER BY r.period_start DESC))[1]
          FROM unnest(startup_ids, quarter_starts) AS t (startup_id, quarter_start)
          JOIN kpi_rollups r ON r.startup_id = t.startup_id AND r.period_start >= t.quarter_start AND r.period_start < (t.quarter_start + interval '3 months')::date
          GROUP BY r.organisation_id, r.startup_id, t.quarter_start, r.definition_id
          ON CONFLICT (startup_id, quarter_start, definition_id) DO UPDATE SET total = EXCLUDED.total, reports = EXCLUDED.reports, latest = EXCLUDED.latest;
      END $$`);
    const touched: Record<string, string> = {
      insert: 'SELECT startup_id, period_start FROM new_rows',
      delete: 'SELECT startup_id, period_start FROM old_rows',
      update: 'SELECT startup_id, period_start FROM old_rows UNION ALL SELECT startup_id, period_start FROM new_rows',
    };
    for (const [event, rows] of Object.entries(touched)) {
      await queryRunner.query(`
        CREATE FUNCTION kpi_rollups_quarters_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE startup_ids uuid[]; quarter_starts date[];
        BEGIN
          SELECT array_agg(startup_id), array_agg(quarter_start) INTO startup_ids, quarter_starts
          FROM (SELECT DISTINCT startup_id, date_trunc('quarter', period_start)::date AS quarter_start FROM (${rows}) r) pairs;
          PERFORM refresh_kpi_quarters(startup_ids, quarter_starts);
          RETURN NULL;
        END $$`);
      const tables = { insert: 'NEW TABLE AS new_rows', delete: 'OLD TABLE AS old_rows', update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' }[event];
      await queryRunner.query(
        `CREATE TRIGGER tr_kpi_rollups_quarters_${event} AFTER ${event.toUpperCase()} ON kpi_rollups REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION kpi_rollups_quarters_${event}()`,
      );
    }
    await queryRunner.query(`
      INSERT INTO kpi_quarter_rollups (organisation_id, startup_id, quarter_start, definition_id, total, reports, latest)
      SELECT organisation_id, startup_id, date_trunc('quarter', period_start)::date, definition_id, sum(value), count(*), (array_agg(value ORDER BY period_start DESC))[1]
      FROM kpi_rollups GROUP BY organisation_id, startup_id, date_trunc('quarter', period_start)::date, definition_id
      ORDER BY 1, 3`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete', 'update']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_kpi_rollups_quarters_${event} ON kpi_rollups`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS kpi_rollups_quarters_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS refresh_kpi_quarters(uuid[], date[])`);
    await queryRunner.query(`DROP TABLE IF EXISTS kpi_quarter_rollups`);
  }
}
