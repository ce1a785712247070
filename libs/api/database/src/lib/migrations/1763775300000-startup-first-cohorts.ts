import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: "companies supported since the start" counts the startups admitted to a cohort (any
 * enrollment but a mere application) by the year of their first such cohort's start — at read, every
 * enrollment grouped by startup (19,000 at 10,000 startups). `startup_first_cohorts` holds each such
 * startup's first cohort start, so the figure is one pass over one row per startup.
 *
 * A cohort that started before a day D is the first one before D exactly when it is the first one at
 * all and starts before D, so the first start alone answers "by `to`" for every `to`.
 *
 * Kept by the database in the writing statement: enrollments inserted, deleted or updated (cohort,
 * startup or status) and cohorts re-dated recompute their startups, after locking those startups'
 * rows in id order (as the other board refresh functions do, so that two transactions on one startup
 * recompute one after the other). Backfilled here; `drift()` compares it with a recomputation.
 */
export class StartupFirstCohorts1763775300000 implements MigrationInterface {
  name = 'StartupFirstCohorts1763775300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE startup_first_cohorts (
        organisation_id uuid NOT NULL,
        startup_id uuid NOT NULL PRIMARY KEY,
        starts_on date NOT NULL,
        CONSTRAINT fk_startup_first_cohorts_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_startup_first_cohorts_organisation ON startup_first_cohorts (organisation_id, starts_on)`);
    await queryRunner.query(`
      CREATE FUNCTION first_cohorts_of(startup_ids uuid[])
      RETURNS TABLE (organisation_id uuid, startup_id uuid, starts_on date) LANGUAGE sql STABLE AS $$
        SELECT s.organisation_id, s.id, min(c.starts_on)
        FROM startups s JOIN enrollments e ON e.startup_id = s.id JOIN cohorts c ON c.id = e.cohort_id AND c.organisation_id = s.organisation_id
        WHERE s.id = ANY(startup_ids) AND e.status <> 'applied'
        GROUP BY s.organisation_id, s.id
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION refresh_first_cohorts(startup_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF startup_ids IS NULL OR cardinality(startup_ids) = 0 THEN RETURN; END IF;
        PERFORM 1 FROM startups WHERE id = ANY(startup_ids) ORDER BY id FOR NO KEY UPDATE;
        WITH truth AS (SELECT * FROM first_cohorts_of(startup_ids)),
             gone AS (
               DELETE FROM startup_first_cohorts f WHERE f.startup_id = ANY(startup_ids)
                 AND NOT EXISTS (SELECT 1 FROM truth t WHERE t.startup_id = f.startup_id))
        INSERT INTO startup_first_cohorts AS f (organisation_id, startup_id, starts_on)
          SELECT organisation_id, startup_id, starts_on FROM truth ORDER BY startup_id
        ON CONFLICT (startup_id) DO UPDATE SET starts_on = EXCLUDED.starts_on WHERE f.starts_on IS DISTINCT FROM EXCLUDED.starts_on;
      END $$`);
    const writes = [
      { table: 'enrollments', event: 'insert', tables: 'NEW TABLE AS new_rows', startups: 'SELECT startup_id FROM new_rows' },
      { table: 'enrollments', event: 'delete', tables: 'OLD TABLE AS old_rows', startups: 'SELECT startup_id FROM old_rows' },
      {
        table: 'enrollments',
        event: 'update',
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        startups: `SELECT n.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.cohort_id, o.startup_id, o.status) IS DISTINCT FROM (n.cohort_id, n.startup_id, n.status)
                   UNION SELECT o.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.startup_id IS DISTINCT FROM n.startup_id`,
      },
      {
        table: 'cohorts',
        event: 'update',
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        startups: `SELECT e.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN enrollments e ON e.cohort_id = n.id WHERE o.starts_on IS DISTINCT FROM n.starts_on`,
      },
    ];
    for (const w of writes) {
      const name = `${w.table}_first_cohorts_${w.event}`;
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM refresh_first_cohorts(ARRAY(SELECT DISTINCT x.id FROM (${w.startups}) x (id) JOIN startups s ON s.id = x.id));
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER tr_${name} AFTER ${w.event.toUpperCase()} ON ${w.table} REFERENCING ${w.tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }
    await queryRunner.query(`SELECT refresh_first_cohorts(ARRAY(SELECT id FROM startups WHERE organisation_id = o.id)) FROM organisations o`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, event] of [
      ['enrollments', 'insert'],
      ['enrollments', 'delete'],
      ['enrollments', 'update'],
      ['cohorts', 'update'],
    ]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_${table}_first_cohorts_${event} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${table}_first_cohorts_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS refresh_first_cohorts(uuid[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS first_cohorts_of(uuid[])`);
    await queryRunner.query(`DROP TABLE IF EXISTS startup_first_cohorts`);
  }
}
