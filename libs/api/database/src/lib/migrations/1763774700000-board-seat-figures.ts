import { MigrationInterface, QueryRunner } from 'typeorm';

/** Enrollment statuses that give a startup a seat while its cohort runs (as the aggregation statement counts them). */
const SEATED = `('admitted', 'active', 'graduated')`;

/**
 * Issue 20: the board's active startups and report completion of a quarter read from a few hundred rows
 * instead of every enrollment, cohort and due report.
 *
 * - `startup_seat_months`: per startup and month in which it holds a seat (an admitted, active or
 *   graduated enrollment in a cohort running that month), the cells its seats count in (the
 *   organisation, its sector, each seat's program and site) and whether that month's report is in
 *   (submitted or validated) — one row per (startup, month) the statement at read used to build.
 * - `startup_seat_quarters`: the same per calendar quarter (the cells of any of its months).
 * - `cell_seat_months` (seated, done) and `cell_seat_quarters` (startups): their sums per cell, kept by
 *   "new − old" in the statement writing the per-startup rows.
 *
 * The per-startup rows are recomputed for the startups a statement touches — an enrollment created,
 * moved, re-statused or deleted, a cohort's dates or program, a program's site, a startup's sector, a KPI
 * report created, re-statused, moved or deleted — and only the rows that differ are rewritten (a report
 * submitted touches one month's row). Which months are due depends on the day: that filter stays at read.
 * Ranges of several quarters (a year) keep the statement at read. Backfilled here; the property test
 * compares every cell with the raw-value oracle, `KpiRollupService.drift` every row with a recomputation.
 */
export class BoardSeatFigures1763774700000 implements MigrationInterface {
  name = 'BoardSeatFigures1763774700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, key, columns] of [
      ['startup_seat_months', 'month', 'done boolean NOT NULL'],
      ['startup_seat_quarters', 'quarter_start', ''],
    ]) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          organisation_id uuid NOT NULL,
          startup_id uuid NOT NULL,
          ${key} date NOT NULL,
          cells text[] NOT NULL,
          ${columns ? `${columns},` : ''}
          PRIMARY KEY (startup_id, ${key}),
          CONSTRAINT fk_${table}_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE
        )`);
      await queryRunner.query(`CREATE INDEX ix_${table}_organisation ON ${table} (organisation_id, ${key})`);
    }
    await queryRunner.query(`
      CREATE TABLE cell_seat_months (
        organisation_id uuid NOT NULL CONSTRAINT fk_cell_seat_months_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        month date NOT NULL,
        cell text NOT NULL,
        seated integer NOT NULL,
        done integer NOT NULL,
        PRIMARY KEY (organisation_id, month, cell)
      )`);
    await queryRunner.query(`
      CREATE TABLE cell_seat_quarters (
        organisation_id uuid NOT NULL CONSTRAINT fk_cell_seat_quarters_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        quarter_start date NOT NULL,
        cell text NOT NULL,
        startups integer NOT NULL,
        PRIMARY KEY (organisation_id, quarter_start, cell)
      )`);

    // What the rows of these startups should be, from the enrollments, cohorts, programs and reports.
    await queryRunner.query(`
      CREATE FUNCTION seat_months_of(startup_ids uuid[])
      RETURNS TABLE (organisation_id uuid, startup_id uuid, month date, cells text[], done boolean) LANGUAGE sql STABLE AS $$
        SELECT s.organisation_id, s.id, m.month::date, array_agg(DISTINCT u.cell ORDER BY u.cell),
               EXISTS (SELECT 1 FROM kpi_reports r WHERE r.startup_id = s.id AND r.period = to_char(m.month, 'YYYY-MM') AND r.status IN ('submitted', 'validated'))
        FROM startups s
        JOIN enrollments e ON e.startup_id = s.id AND e.status IN ${SEATED}
        JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id
        -- every month overlapping the cohort's [starts_on, ends_on)
        CROSS JOIN LATERAL generate_series(date_trunc('month', c.starts_on::timestamp), (c.ends_on - 1)::timestamp, interval '1 month') m (month)
        CROSS JOIN LATERAL unnest(ARRAY['organisation', 'sector:' || s.sector, 'site:' || p.site_id, 'program:' || p.id]) u (cell)
        WHERE s.id = ANY(startup_ids)
        GROUP BY s.organisation_id, s.id, m.month
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION seat_quarters_of(startup_ids uuid[])
      RETURNS TABLE (organisation_id uuid, startup_id uuid, quarter_start date, cells text[]) LANGUAGE sql STABLE AS $$
        SELECT m.organisation_id, m.startup_id, date_trunc('quarter', m.month::timestamp)::date, array_agg(DISTINCT u.cell ORDER BY u.cell)
        FROM seat_months_of(startup_ids) m CROSS JOIN LATERAL unnest(m.cells) u (cell)
        GROUP BY 1, 2, 3
      $$`);

    // The startups' rows brought to what they should be: rows that differ go, missing rows come.
    await queryRunner.query(`
      CREATE FUNCTION refresh_seats(startup_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF startup_ids IS NULL OR cardinality(startup_ids) = 0 THEN RETURN; END IF;
        -- One transaction at a time per startup, in id order (as refresh_kpi_quarters).
        PERFORM 1 FROM startups WHERE id = ANY(startup_ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM startup_seat_months o WHERE o.startup_id = ANY(startup_ids) AND NOT EXISTS (
          SELECT 1 FROM seat_months_of(startup_ids) f WHERE f.startup_id = o.startup_id AND f.month = o.month AND f.cells = o.cells AND f.done = o.done);
        INSERT INTO startup_seat_months (organisation_id, startup_id, month, cells, done)
          SELECT f.* FROM seat_months_of(startup_ids) f
          WHERE NOT EXISTS (SELECT 1 FROM startup_seat_months o WHERE o.startup_id = f.startup_id AND o.month = f.month);
        DELETE FROM startup_seat_quarters o WHERE o.startup_id = ANY(startup_ids) AND NOT EXISTS (
          SELECT 1 FROM seat_quarters_of(startup_ids) f WHERE f.startup_id = o.startup_id AND f.quarter_start = o.quarter_start AND f.cells = o.cells);
        INSERT INTO startup_seat_quarters (organisation_id, startup_id, quarter_start, cells)
          SELECT f.* FROM seat_quarters_of(startup_ids) f
          WHERE NOT EXISTS (SELECT 1 FROM startup_seat_quarters o WHERE o.startup_id = f.startup_id AND o.quarter_start = f.quarter_start);
      END $$`);

    // The per-cell sums: each statement's new rows added, its old rows subtracted, sorted by key (row locks
    // in one order), the rows it emptied dropped; not re-created for an organisation being deleted.
    const sums = [
      {
        source: 'startup_seat_months',
        target: 'cell_seat_months',
        key: 'month',
        columns: ['seated', 'done'],
        values: (sign: string) => [sign, `${sign} * r.done::int`],
      },
      { source: 'startup_seat_quarters', target: 'cell_seat_quarters', key: 'quarter_start', columns: ['startups'], values: (sign: string) => [sign] },
    ];
    for (const sum of sums) {
      for (const [event, rows] of [
        ['insert', `SELECT r.organisation_id, r.${sum.key}, u.cell, ${sum.values('1').join(', ')} FROM new_rows r CROSS JOIN LATERAL unnest(r.cells) u (cell)`],
        ['delete', `SELECT r.organisation_id, r.${sum.key}, u.cell, ${sum.values('-1').join(', ')} FROM old_rows r CROSS JOIN LATERAL unnest(r.cells) u (cell)`],
      ]) {
        const name = `${sum.source}_cells_${event}`;
        const list = sum.columns.join(', ');
        await queryRunner.query(`
          CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO ${sum.target} AS t (organisation_id, ${sum.key}, cell, ${list})
              SELECT organisation_id, ${sum.key}, cell, ${sum.columns.map((c) => `sum(${c})::int`).join(', ')}
              FROM (${rows}) d (organisation_id, ${sum.key}, cell, ${list})
              WHERE EXISTS (SELECT 1 FROM organisations o WHERE o.id = d.organisation_id)
              GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (organisation_id, ${sum.key}, cell) DO UPDATE SET ${sum.columns.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')};
            ${event === 'insert' ? '' : `DELETE FROM ${sum.target} t USING (SELECT DISTINCT r.organisation_id, r.${sum.key}, u.cell FROM old_rows r CROSS JOIN LATERAL unnest(r.cells) u (cell)) k
              WHERE t.organisation_id = k.organisation_id AND t.${sum.key} = k.${sum.key} AND t.cell = k.cell AND t.${sum.columns[0]} = 0;`}
            RETURN NULL;
          END $$`);
        const table = event === 'insert' ? 'NEW TABLE AS new_rows' : 'OLD TABLE AS old_rows';
        await queryRunner.query(`CREATE TRIGGER tr_${name} AFTER ${event.toUpperCase()} ON ${sum.source} REFERENCING ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
      }
    }

    // What changes a startup's seats or whether a month's report is in.
    const writes: Array<{ table: string; event: string; startups: string }> = [
      { table: 'enrollments', event: 'INSERT', startups: 'SELECT startup_id FROM new_rows' },
      { table: 'enrollments', event: 'DELETE', startups: 'SELECT startup_id FROM old_rows' },
      {
        table: 'enrollments',
        event: 'UPDATE',
        startups: `SELECT n.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.cohort_id, o.startup_id, o.status) IS DISTINCT FROM (n.cohort_id, n.startup_id, n.status)
                   UNION SELECT o.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.startup_id IS DISTINCT FROM n.startup_id`,
      },
      {
        table: 'cohorts',
        event: 'UPDATE',
        startups: `SELECT e.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN enrollments e ON e.cohort_id = n.id
                   WHERE (o.program_id, o.starts_on, o.ends_on) IS DISTINCT FROM (n.program_id, n.starts_on, n.ends_on)`,
      },
      {
        table: 'programs',
        event: 'UPDATE',
        startups: `SELECT e.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN cohorts c ON c.program_id = n.id JOIN enrollments e ON e.cohort_id = c.id
                   WHERE o.site_id IS DISTINCT FROM n.site_id`,
      },
      { table: 'startups', event: 'UPDATE', startups: 'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.sector IS DISTINCT FROM n.sector' },
      { table: 'kpi_reports', event: 'INSERT', startups: 'SELECT startup_id FROM new_rows' },
      { table: 'kpi_reports', event: 'DELETE', startups: 'SELECT startup_id FROM old_rows' },
      {
        table: 'kpi_reports',
        event: 'UPDATE',
        startups: `SELECT n.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.startup_id, o.period, o.status) IS DISTINCT FROM (n.startup_id, n.period, n.status)
                   UNION SELECT o.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.startup_id IS DISTINCT FROM n.startup_id`,
      },
    ];
    for (const w of writes) {
      const name = `${w.table}_seats_${w.event.toLowerCase()}`;
      const tables = { INSERT: 'NEW TABLE AS new_rows', DELETE: 'OLD TABLE AS old_rows', UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' }[w.event];
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM refresh_seats(ARRAY(SELECT DISTINCT x.id FROM (${w.startups}) x (id) JOIN startups s ON s.id = x.id));
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER tr_${name} AFTER ${w.event} ON ${w.table} REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }

    // Backfill, one organisation at a time.
    await queryRunner.query(`SELECT refresh_seats(ARRAY(SELECT id FROM startups WHERE organisation_id = o.id)) FROM organisations o`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, event] of [
      ['enrollments', 'insert'],
      ['enrollments', 'delete'],
      ['enrollments', 'update'],
      ['cohorts', 'update'],
      ['programs', 'update'],
      ['startups', 'update'],
      ['kpi_reports', 'insert'],
      ['kpi_reports', 'delete'],
      ['kpi_reports', 'update'],
    ]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_${table}_seats_${event} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${table}_seats_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS refresh_seats(uuid[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS seat_quarters_of(uuid[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS seat_months_of(uuid[])`);
    for (const table of ['startup_seat_months', 'startup_seat_quarters']) {
      for (const event of ['insert', 'delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS tr_${table}_cells_${event} ON ${table}`);
      for (const event of ['insert', 'delete']) await queryRunner.query(`DROP FUNCTION IF EXISTS ${table}_cells_${event}()`);
    }
    for (const table of ['cell_seat_quarters', 'cell_seat_months', 'startup_seat_quarters', 'startup_seat_months']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
