import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';

/**
 * Every statement on `kpi_rollups` (see the migration KpiRollups1763773000000): one row per validated
 * report and KPI, what every board read aggregates instead of the raw values.
 */
@Injectable()
export class KpiRollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Recomputes the rows of these reports from their current status and values (none unless validated). */
  async refreshReports(db: Queryable, reportIds: readonly string[]): Promise<void> {
    if (!reportIds.length) return;
    await db.query('DELETE FROM kpi_rollups WHERE report_id = ANY($1::uuid[])', [reportIds]);
    await db.query(
      `INSERT INTO kpi_rollups (organisation_id, startup_id, report_id, definition_id, period_start, period_end, value)
       SELECT r.organisation_id, r.startup_id, r.id, v.definition_id, r.period_start, r.period_end, v.value
       FROM kpi_reports r JOIN kpi_values v ON v.report_id = r.id WHERE r.id = ANY($1::uuid[]) AND r.status = 'validated'`,
      [reportIds],
    );
  }

  /** Recomputes an organisation's rows from scratch (the backfill; bulk writers: the demo seed, the data generator). */
  rebuild(db: Queryable, organisationId: string): Promise<void> {
    return rebuildKpiRollups(db, organisationId);
  }

  /** Rows of kpi_rollups, kpi_quarter_rollups, the board cells', the seats', the rounds', the activity and the first cohorts' tables that differ from a recomputation (0 when current): what the property test and a health check compare. */
  async drift(organisationId: string, db: Queryable = this.dataSource): Promise<number> {
    const [{ n }] = await db.query<Array<{ n: number }>>(
      `WITH truth AS (
         SELECT r.organisation_id, r.startup_id, r.id AS report_id, v.definition_id, r.period_start, r.period_end, v.value
         FROM kpi_reports r JOIN kpi_values v ON v.report_id = r.id WHERE r.organisation_id = $1 AND r.status = 'validated'),
       kept AS (SELECT organisation_id, startup_id, report_id, definition_id, period_start, period_end, value FROM kpi_rollups WHERE organisation_id = $1),
       -- kpi_quarter_rollups (kept by a trigger on kpi_rollups) against a recomputation from the raw values.
       quarters_truth AS (
         SELECT startup_id, date_trunc('quarter', period_start)::date AS quarter_start, definition_id, sum(value) AS total, count(*)::int AS reports,
                (array_agg(value ORDER BY period_start DESC))[1] AS latest
         FROM truth GROUP BY startup_id, date_trunc('quarter', period_start)::date, definition_id),
       quarters_kept AS (SELECT startup_id, quarter_start, definition_id, total, reports, latest FROM kpi_quarter_rollups WHERE organisation_id = $1),
       -- startup_board_cells and kpi_cell_quarters (BoardCellFigures1763774600000) against the same recomputation.
       cells_truth AS (SELECT id AS startup_id, board_cells_of(id) AS cells FROM startups WHERE organisation_id = $1),
       cells_kept AS (SELECT startup_id, cells FROM startup_board_cells WHERE organisation_id = $1),
       cell_figures_truth AS (
         SELECT q.quarter_start, c.cell, q.definition_id, sum(q.total) AS total, sum(q.reports)::int AS reports, count(*)::int AS startups, sum(q.latest) AS latest
         FROM quarters_truth q JOIN cells_truth b ON b.startup_id = q.startup_id CROSS JOIN LATERAL unnest(b.cells) c (cell) GROUP BY 1, 2, 3),
       cell_figures_kept AS (SELECT quarter_start, cell, definition_id, total, reports, startups, latest FROM kpi_cell_quarters WHERE organisation_id = $1),
       -- the seats (BoardSeatFigures1763774700000) against seat_months_of / seat_quarters_of over every startup.
       ids AS (SELECT array_agg(id) AS ids FROM startups WHERE organisation_id = $1),
       months_truth AS (SELECT f.startup_id, f.month, f.cells, f.done FROM ids, seat_months_of(ids.ids) f),
       months_kept AS (SELECT startup_id, month, cells, done FROM startup_seat_months WHERE organisation_id = $1),
       seat_quarters_truth AS (SELECT f.startup_id, f.quarter_start, f.cells FROM ids, seat_quarters_of(ids.ids) f),
       seat_quarters_kept AS (SELECT startup_id, quarter_start, cells FROM startup_seat_quarters WHERE organisation_id = $1),
       cell_months_truth AS (
         SELECT t.month, u.cell, count(*)::int AS seated, (count(*) FILTER (WHERE t.done))::int AS done
         FROM months_truth t CROSS JOIN LATERAL unnest(t.cells) u (cell) GROUP BY 1, 2),
       cell_months_kept AS (SELECT month, cell, seated, done FROM cell_seat_months WHERE organisation_id = $1),
       cell_quarters_truth AS (
         SELECT t.quarter_start, u.cell, count(*)::int AS startups FROM seat_quarters_truth t CROSS JOIN LATERAL unnest(t.cells) u (cell) GROUP BY 1, 2),
       cell_quarters_kept AS (SELECT quarter_start, cell, startups FROM cell_seat_quarters WHERE organisation_id = $1),
       -- cell_founded_quarters (BoardFoundedFigures1763774900000) against the startups' cells and founding dates.
       founded_truth AS (
         SELECT u.cell, founded_quarter(s.founded_on) AS founded_quarter, count(*)::int AS startups
         FROM cells_truth t JOIN startups s ON s.id = t.startup_id CROSS JOIN LATERAL unnest(t.cells) u (cell) GROUP BY 1, 2),
       founded_kept AS (SELECT cell, founded_quarter, startups FROM cell_founded_quarters WHERE organisation_id = $1),
       -- the rounds (BoardRoundFigures1763775000000) against round_quarters_of over every startup.
       rounds_truth AS (SELECT f.startup_id, f.quarter_start, f.kind::text, f.rounds, f.cents FROM ids, round_quarters_of(ids.ids) f),
       rounds_kept AS (SELECT startup_id, quarter_start, kind::text, rounds, cents FROM startup_round_quarters WHERE organisation_id = $1),
       cell_rounds_truth AS (
         SELECT t.quarter_start, u.cell, t.kind, sum(t.rounds)::int AS rounds, sum(t.cents)::bigint AS cents, count(*)::int AS startups
         FROM rounds_truth t JOIN cells_truth c ON c.startup_id = t.startup_id CROSS JOIN LATERAL unnest(c.cells) u (cell) GROUP BY 1, 2, 3),
       cell_rounds_kept AS (SELECT quarter_start, cell, kind::text, rounds, cents, startups FROM cell_round_quarters WHERE organisation_id = $1),
       -- startup_activity (StartupActivity1763775200000): the quarters with a validated report or a closed round, recomputed from the raw values.
       activity_truth AS (
         SELECT startup_id, range_agg(daterange(quarter_start, (quarter_start + interval '3 months')::date)) AS quarters
         FROM (SELECT startup_id, quarter_start FROM quarters_truth
               UNION SELECT startup_id, date_trunc('quarter', closed_on::timestamp)::date FROM funding_rounds
               WHERE organisation_id = $1 AND status = 'closed' AND closed_on IS NOT NULL) q GROUP BY startup_id),
       activity_kept AS (SELECT startup_id, quarters FROM startup_activity WHERE organisation_id = $1),
       -- startup_first_cohorts (StartupFirstCohorts1763775300000): each admitted startup's first cohort start.
       first_cohorts_truth AS (
         SELECT e.startup_id, min(c.starts_on) AS starts_on FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
         WHERE c.organisation_id = $1 AND e.status <> 'applied' GROUP BY e.startup_id),
       first_cohorts_kept AS (SELECT startup_id, starts_on FROM startup_first_cohorts WHERE organisation_id = $1)
       SELECT ((SELECT count(*) FROM (SELECT * FROM truth EXCEPT ALL SELECT * FROM kept) a) + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM truth) b)
             + (SELECT count(*) FROM (SELECT * FROM quarters_truth EXCEPT ALL SELECT * FROM quarters_kept) c)
             + (SELECT count(*) FROM (SELECT * FROM quarters_kept EXCEPT ALL SELECT * FROM quarters_truth) d)
             + (SELECT count(*) FROM (SELECT * FROM cells_truth EXCEPT ALL SELECT * FROM cells_kept) e)
             + (SELECT count(*) FROM (SELECT * FROM cells_kept EXCEPT ALL SELECT * FROM cells_truth) f)
             + (SELECT count(*) FROM (SELECT * FROM cell_figures_truth EXCEPT ALL SELECT * FROM cell_figures_kept) g)
             + (SELECT count(*) FROM (SELECT * FROM cell_figures_kept EXCEPT ALL SELECT * FROM cell_figures_truth) h)
             + (SELECT count(*) FROM (SELECT * FROM months_truth EXCEPT ALL SELECT * FROM months_kept) i)
             + (SELECT count(*) FROM (SELECT * FROM months_kept EXCEPT ALL SELECT * FROM months_truth) j)
             + (SELECT count(*) FROM (SELECT * FROM seat_quarters_truth EXCEPT ALL SELECT * FROM seat_quarters_kept) k)
             + (SELECT count(*) FROM (SELECT * FROM seat_quarters_kept EXCEPT ALL SELECT * FROM seat_quarters_truth) l)
             + (SELECT count(*) FROM (SELECT * FROM cell_months_truth EXCEPT ALL SELECT * FROM cell_months_kept) m)
             + (SELECT count(*) FROM (SELECT * FROM cell_months_kept EXCEPT ALL SELECT * FROM cell_months_truth) n)
             + (SELECT count(*) FROM (SELECT * FROM cell_quarters_truth EXCEPT ALL SELECT * FROM cell_quarters_kept) o)
             + (SELECT count(*) FROM (SELECT * FROM cell_quarters_kept EXCEPT ALL SELECT * FROM cell_quarters_truth) p)
             + (SELECT count(*) FROM (SELECT * FROM founded_truth EXCEPT ALL SELECT * FROM founded_kept) q)
             + (SELECT count(*) FROM (SELECT * FROM founded_kept EXCEPT ALL SELECT * FROM founded_truth) r)
             + (SELECT count(*) FROM (SELECT * FROM rounds_truth EXCEPT ALL SELECT * FROM rounds_kept) s)
             + (SELECT count(*) FROM (SELECT * FROM rounds_kept EXCEPT ALL SELECT * FROM rounds_truth) t)
             + (SELECT count(*) FROM (SELECT * FROM cell_rounds_truth EXCEPT ALL SELECT * FROM cell_rounds_kept) u)
             + (SELECT count(*) FROM (SELECT * FROM cell_rounds_kept EXCEPT ALL SELECT * FROM cell_rounds_truth) v)
             + (SELECT count(*) FROM (SELECT * FROM activity_truth EXCEPT ALL SELECT * FROM activity_kept) w)
             + (SELECT count(*) FROM (SELECT * FROM activity_kept EXCEPT ALL SELECT * FROM activity_truth) x)
             + (SELECT count(*) FROM (SELECT * FROM first_cohorts_truth EXCEPT ALL SELECT * FROM first_cohorts_kept) y)
             + (SELECT count(*) FROM (SELECT * FROM first_cohorts_kept EXCEPT ALL SELECT * FROM first_cohorts_truth) z))::int AS n`,
      [organisationId],
    );
    return n;
  }
}

/** An organisation's rollups recomputed from scratch (exported for bulk writers without Nest: the demo seed, the data generator). */
export async function rebuildKpiRollups(db: Queryable, organisationId: string): Promise<void> {
  await db.query('DELETE FROM kpi_rollups WHERE organisation_id = $1', [organisationId]);
  await db.query(
    `INSERT INTO kpi_rollups (organisation_id, startup_id, report_id, definition_id, period_start, period_end, value)
     SELECT r.organisation_id, r.startup_id, r.id, v.definition_id, r.period_start, r.period_end, v.value
     FROM kpi_reports r JOIN kpi_values v ON v.report_id = r.id WHERE r.organisation_id = $1 AND r.status = 'validated'
     ORDER BY r.period_start`,
    [organisationId],
  );
}
