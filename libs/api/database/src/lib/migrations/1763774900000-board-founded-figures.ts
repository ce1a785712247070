import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: how many startups each board cell counts, and when they were founded, from a few thousand
 * rows instead of every startup. `cell_founded_quarters` holds, per cell (startup_board_cells) and
 * calendar quarter of founding ('-infinity': no founding date known), how many startups: a cell's
 * startups are the sum of its rows, those created in a range of whole quarters the sum of its quarters,
 * its founding years the sums by year.
 *
 * Kept by "new − old" in the writing statement: a startup's cells changing (rows of startup_board_cells
 * inserted, updated or deleted — a startup created, its memberships moved, a startup about to go) moves
 * it between cells at its founding quarter; its founding date changing moves it between quarters in its
 * cells. Backfilled here; the property test compares every cell with the raw-value oracle.
 */
export class BoardFoundedFigures1763774900000 implements MigrationInterface {
  name = 'BoardFoundedFigures1763774900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cell_founded_quarters (
        organisation_id uuid NOT NULL CONSTRAINT fk_cell_founded_quarters_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        cell text NOT NULL,
        founded_quarter date NOT NULL,
        startups integer NOT NULL,
        PRIMARY KEY (organisation_id, cell, founded_quarter)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION founded_quarter(founded_on date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(date_trunc('quarter', founded_on::timestamp)::date, '-infinity'::date)
      $$`);
    // Signed (organisation, cells, founding quarter) rows summed into each cell, sorted by key (row locks in
    // one order), the rows it emptied dropped; not re-created for an organisation being deleted.
    const addSigned = (rows: string) => `
      INSERT INTO cell_founded_quarters AS t (organisation_id, cell, founded_quarter, startups)
        SELECT d.organisation_id, u.cell, d.founded_quarter, sum(d.sign)::int
        FROM (${rows}) d (organisation_id, cells, founded_quarter, sign) CROSS JOIN LATERAL unnest(d.cells) u (cell)
        WHERE EXISTS (SELECT 1 FROM organisations o WHERE o.id = d.organisation_id)
        GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (organisation_id, cell, founded_quarter) DO UPDATE SET startups = t.startups + EXCLUDED.startups;
      DELETE FROM cell_founded_quarters t USING (
          SELECT DISTINCT d.organisation_id, u.cell, d.founded_quarter FROM (${rows}) d (organisation_id, cells, founded_quarter) CROSS JOIN LATERAL unnest(d.cells) u (cell)) k
        WHERE t.organisation_id = k.organisation_id AND t.cell = k.cell AND t.founded_quarter = k.founded_quarter AND t.startups = 0;`;
    const founded = (alias: string) => `(SELECT founded_quarter(s.founded_on) FROM startups s WHERE s.id = ${alias}.startup_id)`;
    const events: Record<string, { tables: string; rows: string }> = {
      insert: { tables: 'NEW TABLE AS new_rows', rows: `SELECT n.organisation_id, n.cells, ${founded('n')}, 1 FROM new_rows n` },
      delete: { tables: 'OLD TABLE AS old_rows', rows: `SELECT o.organisation_id, o.cells, ${founded('o')}, -1 FROM old_rows o` },
      update: {
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        rows: `SELECT n.organisation_id, n.cells, ${founded('n')}, 1 FROM new_rows n UNION ALL SELECT o.organisation_id, o.cells, ${founded('o')}, -1 FROM old_rows o`,
      },
    };
    for (const [event, { tables, rows }] of Object.entries(events)) {
      await queryRunner.query(`
        CREATE FUNCTION startup_board_cells_founded_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${addSigned(rows)}
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER tr_startup_board_cells_founded_${event} AFTER ${event.toUpperCase()} ON startup_board_cells REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION startup_board_cells_founded_${event}()`,
      );
    }
    // A founding date changed: the startup moves between quarters, in its cells — in the cells it had
    // before the statement: this trigger's name sorts before tr_startups_board_cells_update's (PostgreSQL
    // fires a table's triggers in name order), so when one statement changes both the founding date and
    // the sector, the date moves first and the cells' own trigger then moves the startup at its new date.
    await queryRunner.query(`
      CREATE FUNCTION startups_founded_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${addSigned(`SELECT b.organisation_id, b.cells, founded_quarter(x.founded_on), x.sign FROM (
            SELECT n.id, n.founded_on, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.founded_on IS DISTINCT FROM n.founded_on
            UNION ALL SELECT o.id, o.founded_on, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.founded_on IS DISTINCT FROM n.founded_on) x
          JOIN startup_board_cells b ON b.startup_id = x.id`)}
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER tr_startups_a_founded_update AFTER UPDATE ON startups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION startups_founded_update()`,
    );
    await queryRunner.query(`
      INSERT INTO cell_founded_quarters (organisation_id, cell, founded_quarter, startups)
      SELECT b.organisation_id, u.cell, founded_quarter(s.founded_on), count(*)
      FROM startup_board_cells b JOIN startups s ON s.id = b.startup_id CROSS JOIN LATERAL unnest(b.cells) u (cell)
      GROUP BY 1, 2, 3`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS tr_startups_a_founded_update ON startups`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS startups_founded_update()`);
    for (const event of ['insert', 'delete', 'update']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_startup_board_cells_founded_${event} ON startup_board_cells`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS startup_board_cells_founded_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS founded_quarter(date)`);
    await queryRunner.query(`DROP TABLE IF EXISTS cell_founded_quarters`);
  }
}
