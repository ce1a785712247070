import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the board's KPI figures of a quarter read from a few hundred rows instead of 40,000.
 *
 * `startup_board_cells` holds, per startup, the cells of the board's table it is counted in — the
 * organisation, its sector, and the sites and programs it has any enrollment in, whatever its status
 * (or 'unassigned' when it has none) — exactly the membership `boardCellsSql` used to compute at read.
 * `kpi_cell_quarters` holds, per cell, calendar quarter and KPI, the sums over the cell's startups of
 * their `kpi_quarter_rollups` row: total, reports, startups with a row, Σ latest. Every one of those is a
 * sum over startups, so both are kept by "new − old" in the writing statement:
 *
 * - a statement on `kpi_quarter_rollups` (itself kept by a trigger on `kpi_rollups`) adds its new rows
 *   and subtracts its old ones in each cell of their startup;
 * - a change of membership (an enrollment created, moved or deleted, a startup's sector, a cohort moved
 *   to another program, a program to another site) recomputes the startup's cells and, where they
 *   changed, moves every one of its quarter rows from the cells it left to the cells it joined;
 * - a startup about to be deleted leaves every cell first (its rows then cascade without a cell).
 *
 * Membership changes lock the startups' rows as `refresh_kpi_quarters` does, so a membership change and a
 * KPI write on one startup run one after the other. Rows that reach zero startups are deleted (a cell
 * without data reads as none, as the statement at read did). Backfilled here. The property test
 * (kpi-rollups.integration.spec) compares every cell with the raw-value oracle after random histories,
 * and `KpiRollupService.drift` compares both tables with a recomputation.
 */
/** The keys of the cell rows a statement left with no startup (plpgsql variables). */
const ZERO_KEYS = 'zero_o uuid[]; zero_q date[]; zero_c text[]; zero_d uuid[];';

/**
 * Continues a plpgsql \`WITH deltas AS (cells, organisation_id, quarter_start, definition_id, total,
 * reports, latest, sign)\`: each signed quarter row (+1 added, −1 subtracted) summed into each of its cells,
 * sorted by key so two statements touching the same cells lock their rows in the same order, and the keys
 * left with no startup collected. A row of a KPI or organisation being deleted is not re-created (its cell
 * rows cascade).
 */
const addDeltas = `summed AS (
          SELECT d.organisation_id, d.quarter_start, c.cell, d.definition_id,
                 sum(d.sign * d.total) AS total, sum(d.sign * d.reports)::int AS reports, sum(d.sign)::int AS startups, sum(d.sign * d.latest) AS latest
          FROM deltas d CROSS JOIN LATERAL unnest(d.cells) c (cell)
          WHERE EXISTS (SELECT 1 FROM kpi_definitions k WHERE k.id = d.definition_id) AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = d.organisation_id)
          GROUP BY 1, 2, 3, 4),
        upserted AS (
          INSERT INTO kpi_cell_quarters AS k (organisation_id, quarter_start, cell, definition_id, total, reports, startups, latest)
          SELECT * FROM summed WHERE total <> 0 OR reports <> 0 OR startups <> 0 OR latest <> 0 ORDER BY 1, 2, 3, 4
          ON CONFLICT (organisation_id, quarter_start, cell, definition_id) DO UPDATE
            SET total = k.total + EXCLUDED.total, reports = k.reports + EXCLUDED.reports, startups = k.startups + EXCLUDED.startups, latest = k.latest + EXCLUDED.latest
          RETURNING k.organisation_id, k.quarter_start, k.cell, k.definition_id, k.startups)
        SELECT array_agg(organisation_id), array_agg(quarter_start), array_agg(cell), array_agg(definition_id) INTO zero_o, zero_q, zero_c, zero_d
        FROM upserted WHERE startups = 0;`;

/** A cell row with no startup left goes: a cell without data reads as none. */
const dropEmptied = `DELETE FROM kpi_cell_quarters k USING unnest(zero_o, zero_q, zero_c, zero_d) AS t (o, q, c, d)
        WHERE k.organisation_id = t.o AND k.quarter_start = t.q AND k.cell = t.c AND k.definition_id = t.d;`;

export class BoardCellFigures1763774600000 implements MigrationInterface {
  name = 'BoardCellFigures1763774600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE startup_board_cells (
        organisation_id uuid NOT NULL,
        startup_id uuid PRIMARY KEY,
        cells text[] NOT NULL,
        CONSTRAINT fk_startup_board_cells_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_startup_board_cells_organisation ON startup_board_cells (organisation_id) INCLUDE (startup_id, cells)`);
    await queryRunner.query(`
      CREATE TABLE kpi_cell_quarters (
        organisation_id uuid NOT NULL CONSTRAINT fk_kpi_cell_quarters_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        quarter_start date NOT NULL,
        cell text NOT NULL,
        definition_id uuid NOT NULL,
        total numeric NOT NULL,
        reports integer NOT NULL,
        startups integer NOT NULL,
        latest numeric NOT NULL,
        PRIMARY KEY (organisation_id, quarter_start, cell, definition_id),
        CONSTRAINT fk_kpi_cell_quarters_definition FOREIGN KEY (organisation_id, definition_id) REFERENCES kpi_definitions (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_kpi_cell_quarters_definition ON kpi_cell_quarters (definition_id)`);

    // The cells of a startup, as boardCellsSql's signature computed them (sorted, no duplicate).
    await queryRunner.query(`
      CREATE FUNCTION board_cells_of(startup uuid) RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT ARRAY['organisation', 'sector:' || s.sector] || coalesce(
          (SELECT array_agg(DISTINCT 'site:' || p.site_id) || array_agg(DISTINCT 'program:' || p.id)
           FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id WHERE e.startup_id = s.id),
          ARRAY['unassigned'])
        FROM startups s WHERE s.id = startup
      $$`);

    // A statement on kpi_quarter_rollups: its new rows added, its old rows subtracted, in their startup's cells.
    const signed: Record<string, string> = {
      insert: 'SELECT n.*, 1 AS sign FROM new_rows n',
      delete: 'SELECT o.*, -1 AS sign FROM old_rows o',
      update: 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o',
    };
    for (const [event, rows] of Object.entries(signed)) {
      await queryRunner.query(`
        CREATE FUNCTION kpi_quarter_rollups_cells_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE ${ZERO_KEYS}
        BEGIN
          WITH deltas AS (
            SELECT b.cells, r.organisation_id, r.quarter_start, r.definition_id, r.total, r.reports, r.latest, r.sign
            FROM (${rows}) r JOIN startup_board_cells b ON b.startup_id = r.startup_id),
          ${addDeltas}
          ${dropEmptied}
          RETURN NULL;
        END $$`);
      const tables = { insert: 'NEW TABLE AS new_rows', delete: 'OLD TABLE AS old_rows', update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' }[event];
      await queryRunner.query(
        `CREATE TRIGGER tr_kpi_quarter_rollups_cells_${event} AFTER ${event.toUpperCase()} ON kpi_quarter_rollups REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION kpi_quarter_rollups_cells_${event}()`,
      );
    }

    // The startups' cells recomputed; where they changed, each quarter row leaves the old cells and joins the new ones.
    await queryRunner.query(`
      CREATE FUNCTION refresh_board_cells(startup_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE ${ZERO_KEYS}
      BEGIN
        IF startup_ids IS NULL OR cardinality(startup_ids) = 0 THEN RETURN; END IF;
        -- One transaction at a time per startup, in id order (as refresh_kpi_quarters).
        PERFORM 1 FROM startups WHERE id = ANY(startup_ids) ORDER BY id FOR NO KEY UPDATE;
        WITH changed AS (
          SELECT s.id AS startup_id, s.organisation_id, b.cells AS old_cells, board_cells_of(s.id) AS new_cells
          FROM startups s LEFT JOIN startup_board_cells b ON b.startup_id = s.id WHERE s.id = ANY(startup_ids)),
        moved AS (SELECT * FROM changed WHERE old_cells IS DISTINCT FROM new_cells),
        saved AS (
          INSERT INTO startup_board_cells (organisation_id, startup_id, cells) SELECT organisation_id, startup_id, new_cells FROM moved
          ON CONFLICT (startup_id) DO UPDATE SET cells = EXCLUDED.cells),
        deltas AS (
          SELECT m.cells, q.organisation_id, q.quarter_start, q.definition_id, q.total, q.reports, q.latest, m.sign
          FROM moved c
          CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT unnest(c.old_cells) EXCEPT SELECT unnest(c.new_cells)) AS cells, -1 AS sign
            UNION ALL SELECT ARRAY(SELECT unnest(c.new_cells) EXCEPT SELECT unnest(c.old_cells)), 1) m
          JOIN kpi_quarter_rollups q ON q.startup_id = c.startup_id),
        ${addDeltas}
        ${dropEmptied}
      END $$`);

    // What changes a startup's cells.
    const membership: Array<{ table: string; event: string; tables: string; startups: string }> = [
      { table: 'startups', event: 'INSERT', tables: 'NEW TABLE AS new_rows', startups: 'SELECT id FROM new_rows' },
      {
        table: 'startups',
        event: 'UPDATE',
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        startups: 'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.sector IS DISTINCT FROM n.sector',
      },
      { table: 'enrollments', event: 'INSERT', tables: 'NEW TABLE AS new_rows', startups: 'SELECT startup_id FROM new_rows' },
      { table: 'enrollments', event: 'DELETE', tables: 'OLD TABLE AS old_rows', startups: 'SELECT startup_id FROM old_rows' },
      {
        table: 'enrollments',
        event: 'UPDATE',
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        startups: `SELECT n.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.cohort_id, o.startup_id) IS DISTINCT FROM (n.cohort_id, n.startup_id)
                   UNION SELECT o.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.startup_id IS DISTINCT FROM n.startup_id`,
      },
      {
        table: 'cohorts',
        event: 'UPDATE',
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        startups: `SELECT e.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN enrollments e ON e.cohort_id = n.id WHERE o.program_id IS DISTINCT FROM n.program_id`,
      },
      {
        table: 'programs',
        event: 'UPDATE',
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        startups: `SELECT e.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN cohorts c ON c.program_id = n.id JOIN enrollments e ON e.cohort_id = c.id
                   WHERE o.site_id IS DISTINCT FROM n.site_id`,
      },
    ];
    for (const m of membership) {
      const name = `${m.table}_board_cells_${m.event.toLowerCase()}`;
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM refresh_board_cells(ARRAY(SELECT DISTINCT x.id FROM (${m.startups}) x (id)));
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER tr_${name} AFTER ${m.event} ON ${m.table} REFERENCING ${m.tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }
    // A startup leaves every cell before it goes (its quarter rows then cascade with no cell to subtract from).
    await queryRunner.query(`
      CREATE FUNCTION startups_board_cells_leave() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ${ZERO_KEYS}
      BEGIN
        WITH deltas AS (
          SELECT b.cells, q.organisation_id, q.quarter_start, q.definition_id, q.total, q.reports, q.latest, -1 AS sign
          FROM startup_board_cells b JOIN kpi_quarter_rollups q ON q.startup_id = b.startup_id WHERE b.startup_id = OLD.id),
        ${addDeltas}
        ${dropEmptied}
        DELETE FROM startup_board_cells WHERE startup_id = OLD.id;
        RETURN OLD;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_startups_board_cells_leave BEFORE DELETE ON startups FOR EACH ROW EXECUTE FUNCTION startups_board_cells_leave()`);

    // Backfill.
    await queryRunner.query(`INSERT INTO startup_board_cells (organisation_id, startup_id, cells) SELECT organisation_id, id, board_cells_of(id) FROM startups`);
    await queryRunner.query(`
      INSERT INTO kpi_cell_quarters (organisation_id, quarter_start, cell, definition_id, total, reports, startups, latest)
      SELECT q.organisation_id, q.quarter_start, c.cell, q.definition_id, sum(q.total), sum(q.reports), count(*), sum(q.latest)
      FROM kpi_quarter_rollups q JOIN startup_board_cells b ON b.startup_id = q.startup_id CROSS JOIN LATERAL unnest(b.cells) c (cell)
      GROUP BY 1, 2, 3, 4`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS tr_startups_board_cells_leave ON startups`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS startups_board_cells_leave()`);
    for (const [table, event] of [
      ['startups', 'insert'],
      ['startups', 'update'],
      ['enrollments', 'insert'],
      ['enrollments', 'delete'],
      ['enrollments', 'update'],
      ['cohorts', 'update'],
      ['programs', 'update'],
    ]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_${table}_board_cells_${event} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${table}_board_cells_${event}()`);
    }
    for (const event of ['insert', 'delete', 'update']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_kpi_quarter_rollups_cells_${event} ON kpi_quarter_rollups`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS kpi_quarter_rollups_cells_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS refresh_board_cells(uuid[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS board_cells_of(uuid)`);
    await queryRunner.query(`DROP TABLE IF EXISTS kpi_cell_quarters`);
    await queryRunner.query(`DROP TABLE IF EXISTS startup_board_cells`);
  }
}
