import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the board's 3-year survival asks, for each of the ~6,000 startups of the cohorts that ended
 * three years before a quarter, whether it was active in the year before it (a validated KPI report or a
 * closed round then) — one index probe into kpi_quarter_rollups per startup, the dashboard's costliest
 * statement. `startup_activity` holds each startup's active calendar quarters as one datemultirange
 * (a quarter with a validated report: a kpi_quarter_rollups row; with a closed round: a
 * startup_round_quarters row of every kind, '*'), so survival is one hash join and an overlap test.
 *
 * Kept by the database in the statement that changes the quarters: both tables only ever gain or lose
 * rows when a startup's set of quarters changes (their refresh functions delete and re-insert the rows
 * they recompute; amounts are never updated in place on a key that changes), so statement-level INSERT
 * and DELETE triggers recompute the startups they touched, only the rows that differ rewritten. The
 * startups are already locked by those refresh functions. Backfilled here; `drift()` compares it with a
 * recomputation.
 */
export class StartupActivity1763775200000 implements MigrationInterface {
  name = 'StartupActivity1763775200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE startup_activity (
        organisation_id uuid NOT NULL,
        startup_id uuid NOT NULL PRIMARY KEY,
        quarters datemultirange NOT NULL,
        CONSTRAINT fk_startup_activity_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE
      )`);
    // The startups given that still exist and have an active quarter, with those quarters.
    await queryRunner.query(`
      CREATE FUNCTION activity_of(startup_ids uuid[])
      RETURNS TABLE (organisation_id uuid, startup_id uuid, quarters datemultirange) LANGUAGE sql STABLE AS $$
        SELECT s.organisation_id, s.id, range_agg(daterange(a.quarter_start, (a.quarter_start + interval '3 months')::date))
        FROM startups s CROSS JOIN LATERAL (
          SELECT quarter_start FROM kpi_quarter_rollups WHERE startup_id = s.id
          UNION SELECT quarter_start FROM startup_round_quarters WHERE startup_id = s.id AND kind = '*') a
        WHERE s.id = ANY(startup_ids)
        GROUP BY s.organisation_id, s.id
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION refresh_startup_activity(startup_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF startup_ids IS NULL OR cardinality(startup_ids) = 0 THEN RETURN; END IF;
        WITH truth AS (SELECT * FROM activity_of(startup_ids)),
             gone AS (
               DELETE FROM startup_activity a WHERE a.startup_id = ANY(startup_ids)
                 AND NOT EXISTS (SELECT 1 FROM truth t WHERE t.startup_id = a.startup_id))
        INSERT INTO startup_activity AS a (organisation_id, startup_id, quarters)
          SELECT organisation_id, startup_id, quarters FROM truth ORDER BY startup_id
        ON CONFLICT (startup_id) DO UPDATE SET quarters = EXCLUDED.quarters WHERE a.quarters IS DISTINCT FROM EXCLUDED.quarters;
      END $$`);
    const sources: Record<string, string> = { kpi_quarter_rollups: 'true', startup_round_quarters: `kind = '*'` };
    for (const [table, relevant] of Object.entries(sources)) {
      for (const [event, rows] of [
        ['insert', 'new_rows'],
        ['delete', 'old_rows'],
      ]) {
        await queryRunner.query(`
          CREATE FUNCTION ${table}_activity_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            PERFORM refresh_startup_activity(ARRAY(SELECT DISTINCT startup_id FROM ${rows} WHERE ${relevant}));
            RETURN NULL;
          END $$`);
        await queryRunner.query(
          `CREATE TRIGGER tr_${table}_activity_${event} AFTER ${event.toUpperCase()} ON ${table} REFERENCING ${event === 'insert' ? 'NEW' : 'OLD'} TABLE AS ${rows} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_activity_${event}()`,
        );
      }
    }
    await queryRunner.query(`SELECT refresh_startup_activity(ARRAY(SELECT id FROM startups WHERE organisation_id = o.id)) FROM organisations o`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['kpi_quarter_rollups', 'startup_round_quarters']) {
      for (const event of ['insert', 'delete']) {
        await queryRunner.query(`DROP TRIGGER IF EXISTS tr_${table}_activity_${event} ON ${table}`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS ${table}_activity_${event}()`);
      }
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS refresh_startup_activity(uuid[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS activity_of(uuid[])`);
    await queryRunner.query(`DROP TABLE IF EXISTS startup_activity`);
  }
}
