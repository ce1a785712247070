import { MigrationInterface, QueryRunner } from 'typeorm';

/** The kind of the rows that sum every kind (what GROUP BY ROLLUP gives as kind NULL). */
const ALL_KINDS = '*';

/**
 * Issue 20: the board's funds raised of a quarter — per cell and round kind: rounds, amount, startups —
 * and the funds of each year since the start, from a few hundred rows instead of every closed round.
 *
 * - `startup_round_quarters`: per startup, calendar quarter of closing and kind (and '*': every kind),
 *   its closed rounds and their amount in euro cents; recomputed for the startups a statement on
 *   `funding_rounds` touches, only the rows that differ rewritten.
 * - `cell_round_quarters`: their sums per board cell (startup_board_cells), with how many startups —
 *   kept by "new − old": a startup's rows changing add and subtract in its cells; its cells changing
 *   (startup_board_cells updated, or deleted as the startup goes) move its rows between cells.
 *
 * Ranges of several quarters keep the statement at read for the startups count (a startup with rounds in
 * two quarters counts once). Backfilled here; the property test compares every cell with the oracle.
 */
export class BoardRoundFigures1763775000000 implements MigrationInterface {
  name = 'BoardRoundFigures1763775000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE startup_round_quarters (
        organisation_id uuid NOT NULL,
        startup_id uuid NOT NULL,
        quarter_start date NOT NULL,
        kind varchar(16) NOT NULL,
        rounds integer NOT NULL,
        cents bigint NOT NULL,
        PRIMARY KEY (startup_id, quarter_start, kind),
        CONSTRAINT fk_startup_round_quarters_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE cell_round_quarters (
        organisation_id uuid NOT NULL CONSTRAINT fk_cell_round_quarters_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        quarter_start date NOT NULL,
        cell text NOT NULL,
        kind varchar(16) NOT NULL,
        rounds integer NOT NULL,
        cents bigint NOT NULL,
        startups integer NOT NULL,
        PRIMARY KEY (organisation_id, quarter_start, cell, kind)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION round_quarters_of(startup_ids uuid[])
      RETURNS TABLE (organisation_id uuid, startup_id uuid, quarter_start date, kind varchar, rounds integer, cents bigint) LANGUAGE sql STABLE AS $$
        SELECT f.organisation_id, f.startup_id, date_trunc('quarter', f.closed_on::timestamp)::date, coalesce(f.kind, '${ALL_KINDS}'),
               count(*)::int, sum(f.amount_eur_cents)::bigint
        FROM funding_rounds f WHERE f.startup_id = ANY(startup_ids) AND f.status = 'closed' AND f.closed_on IS NOT NULL
        GROUP BY f.organisation_id, f.startup_id, date_trunc('quarter', f.closed_on::timestamp)::date, ROLLUP (f.kind)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION refresh_round_quarters(startup_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF startup_ids IS NULL OR cardinality(startup_ids) = 0 THEN RETURN; END IF;
        -- One transaction at a time per startup, in id order (as refresh_kpi_quarters).
        PERFORM 1 FROM startups WHERE id = ANY(startup_ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM startup_round_quarters o WHERE o.startup_id = ANY(startup_ids) AND NOT EXISTS (
          SELECT 1 FROM round_quarters_of(startup_ids) f
          WHERE f.startup_id = o.startup_id AND f.quarter_start = o.quarter_start AND f.kind = o.kind AND f.rounds = o.rounds AND f.cents = o.cents);
        INSERT INTO startup_round_quarters (organisation_id, startup_id, quarter_start, kind, rounds, cents)
          SELECT f.* FROM round_quarters_of(startup_ids) f
          WHERE NOT EXISTS (SELECT 1 FROM startup_round_quarters o WHERE o.startup_id = f.startup_id AND o.quarter_start = f.quarter_start AND o.kind = f.kind);
      END $$`);

    // Signed (organisation, cells, quarter, kind, rounds, cents, sign) rows summed into each cell, sorted by key
    // (row locks in one order), the rows it emptied dropped; not re-created for an organisation being deleted.
    const addSigned = (rows: string) => `
      INSERT INTO cell_round_quarters AS t (organisation_id, quarter_start, cell, kind, rounds, cents, startups)
        SELECT d.organisation_id, d.quarter_start, u.cell, d.kind, sum(d.sign * d.rounds)::int, sum(d.sign * d.cents)::bigint, sum(d.sign)::int
        FROM (${rows}) d (organisation_id, cells, quarter_start, kind, rounds, cents, sign) CROSS JOIN LATERAL unnest(d.cells) u (cell)
        WHERE EXISTS (SELECT 1 FROM organisations o WHERE o.id = d.organisation_id)
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (organisation_id, quarter_start, cell, kind) DO UPDATE
        SET rounds = t.rounds + EXCLUDED.rounds, cents = t.cents + EXCLUDED.cents, startups = t.startups + EXCLUDED.startups;
      DELETE FROM cell_round_quarters t USING (
          SELECT DISTINCT d.organisation_id, d.quarter_start, u.cell, d.kind FROM (${rows}) d (organisation_id, cells, quarter_start, kind) CROSS JOIN LATERAL unnest(d.cells) u (cell)) k
        WHERE t.organisation_id = k.organisation_id AND t.quarter_start = k.quarter_start AND t.cell = k.cell AND t.kind = k.kind AND t.startups = 0;`;

    // A startup's rows changing, in its cells.
    const own: Record<string, { tables: string; rows: string }> = {
      insert: { tables: 'NEW TABLE AS new_rows', rows: 'SELECT r.organisation_id, b.cells, r.quarter_start, r.kind, r.rounds, r.cents, 1 FROM new_rows r JOIN startup_board_cells b ON b.startup_id = r.startup_id' },
      delete: { tables: 'OLD TABLE AS old_rows', rows: 'SELECT r.organisation_id, b.cells, r.quarter_start, r.kind, r.rounds, r.cents, -1 FROM old_rows r JOIN startup_board_cells b ON b.startup_id = r.startup_id' },
    };
    for (const [event, { tables, rows }] of Object.entries(own)) {
      await queryRunner.query(`
        CREATE FUNCTION startup_round_quarters_cells_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${addSigned(rows)}
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER tr_startup_round_quarters_cells_${event} AFTER ${event.toUpperCase()} ON startup_round_quarters REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION startup_round_quarters_cells_${event}()`,
      );
    }
    // A startup's cells changing (or going, before the startup does): its rows move between cells.
    const moved: Record<string, { tables: string; rows: string }> = {
      update: {
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        rows: `SELECT r.organisation_id, n.cells, r.quarter_start, r.kind, r.rounds, r.cents, 1 FROM new_rows n JOIN startup_round_quarters r ON r.startup_id = n.startup_id
               UNION ALL SELECT r.organisation_id, o.cells, r.quarter_start, r.kind, r.rounds, r.cents, -1 FROM old_rows o JOIN startup_round_quarters r ON r.startup_id = o.startup_id`,
      },
      delete: {
        tables: 'OLD TABLE AS old_rows',
        rows: 'SELECT r.organisation_id, o.cells, r.quarter_start, r.kind, r.rounds, r.cents, -1 FROM old_rows o JOIN startup_round_quarters r ON r.startup_id = o.startup_id',
      },
    };
    for (const [event, { tables, rows }] of Object.entries(moved)) {
      await queryRunner.query(`
        CREATE FUNCTION startup_board_cells_rounds_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${addSigned(rows)}
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER tr_startup_board_cells_rounds_${event} AFTER ${event.toUpperCase()} ON startup_board_cells REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION startup_board_cells_rounds_${event}()`,
      );
    }
    // What changes a startup's closed rounds.
    const writes: Record<string, { tables: string; startups: string }> = {
      insert: { tables: 'NEW TABLE AS new_rows', startups: 'SELECT startup_id FROM new_rows' },
      delete: { tables: 'OLD TABLE AS old_rows', startups: 'SELECT startup_id FROM old_rows' },
      update: {
        tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        startups: `SELECT n.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                   WHERE (o.startup_id, o.status, o.closed_on, o.kind, o.amount_eur_cents) IS DISTINCT FROM (n.startup_id, n.status, n.closed_on, n.kind, n.amount_eur_cents)
                   UNION SELECT o.startup_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.startup_id IS DISTINCT FROM n.startup_id`,
      },
    };
    for (const [event, { tables, startups }] of Object.entries(writes)) {
      await queryRunner.query(`
        CREATE FUNCTION funding_rounds_quarters_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM refresh_round_quarters(ARRAY(SELECT DISTINCT x.id FROM (${startups}) x (id) JOIN startups s ON s.id = x.id));
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER tr_funding_rounds_quarters_${event} AFTER ${event.toUpperCase()} ON funding_rounds REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION funding_rounds_quarters_${event}()`,
      );
    }
    // Backfill (the cells' sums come with the per-startup rows, through the trigger above).
    await queryRunner.query(`SELECT refresh_round_quarters(ARRAY(SELECT id FROM startups WHERE organisation_id = o.id)) FROM organisations o`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete', 'update']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_funding_rounds_quarters_${event} ON funding_rounds`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS funding_rounds_quarters_${event}()`);
    }
    for (const event of ['update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_startup_board_cells_rounds_${event} ON startup_board_cells`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS startup_board_cells_rounds_${event}()`);
    }
    for (const event of ['insert', 'delete']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_startup_round_quarters_cells_${event} ON startup_round_quarters`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS startup_round_quarters_cells_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS refresh_round_quarters(uuid[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS round_quarters_of(uuid[])`);
    await queryRunner.query(`DROP TABLE IF EXISTS cell_round_quarters`);
    await queryRunner.query(`DROP TABLE IF EXISTS startup_round_quarters`);
  }
}
