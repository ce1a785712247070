import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery, Queryable, SqlFilter } from '@incubator/api/sql';
import { KPI_REPORT_DUE_DAYS } from '@incubator/contracts';
import type { KpiAggregatesQuery } from '@incubator/contracts';

/** Enrollment statuses that make a startup active while its cohort runs. */
const ACTIVE_STATUSES = `('admitted', 'active', 'graduated')`;

/** A scope as the API takes it, plus the startups enrolled nowhere (what a site or program partition leaves out). */
export type AggregateScope = KpiAggregatesQuery & { unassigned?: boolean };

/** The aggregation statement's result, before anything is withheld. */
export interface RawAggregates {
  startups: number;
  active: number;
  kpis: Array<{ key: string; label_fr: string; label_en: string; unit: string; aggregation: string; value: string | null; startups: number }>;
  rounds: Array<{ kind: string | null; rounds: number; cents: string; startups: number }>;
  years: Array<{ year: number; startups: number }>;
  created: number;
  milestones_due: number;
  milestones_achieved: number;
  expected: number;
  completed: number;
}

/**
 * The organisation's figures the yearly targets compare with, over whole quarters (a year to date),
 * before anything is withheld: what `aggregatesSql` gives for that range, for these figures only.
 */
export interface YearToDateFigures {
  /** Σ of the validated jobs-created values (null: none), and how many startups gave one (counted up to `startupsAtMost`). */
  jobsCreated: { total: string | null; startups: number };
  activeStartups: number;
  /** Closed rounds' amount in euro cents, and how many startups closed one (counted up to `startupsAtMost`). */
  funds: { cents: string; startups: number };
}

interface YearToDateRow {
  jobs_total: string | null;
  jobs_startups: number;
  active: number;
  funds_cents: string;
  funds_startups: number;
}

/**
 * The analytics read model: the aggregation statement over kpi_reports, kpi_values and kpi_definitions
 * and, of other domains, organisations (time zone), startups, enrollments, cohorts, programs,
 * funding_rounds and milestones. Tuned (see the comments in the SQL) and measured by the bench.
 */
@Injectable()
export class KpiAggregatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async raw(organisationId: string, scope: AggregateScope, db: Queryable = this.dataSource): Promise<RawAggregates> {
    const { text, params } = aggregatesSql(organisationId, scope);
    const [{ result }] = await db.query<Array<{ result: RawAggregates }>>(text, params);
    return result;
  }

  /** The figures version (FiguresVersion1763774100000) and the minute: what an answer is kept under. */
  async figuresVersion(): Promise<string> {
    const [{ version }] = await preparedQuery<{ version: string }>(
      this.dataSource,
      `SELECT version::text || '/' || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS version FROM figures_version`,
      [],
    );
    return version;
  }

  /** The organisation's figures for each of these single quarters (see organisationQuartersSql), in their order. */
  async organisationQuarters(organisationId: string, quarters: ReadonlyArray<{ from: string; to: string }>, db: Queryable = this.dataSource): Promise<RawAggregates[]> {
    if (!quarters.length) return [];
    const { text, params } = organisationQuartersSql(organisationId, quarters);
    const rows = await db.query<Array<{ i: number; result: RawAggregates }>>(text, params);
    return rows.map((row) => row.result);
  }

  /** The year-to-date figures of these whole quarters (see yearToDateSql). */
  async yearToDate(organisationId: string, quarterStarts: string[], startupsAtMost: number, db: Queryable = this.dataSource): Promise<YearToDateFigures> {
    const { text, params } = yearToDateSql(organisationId, quarterStarts, startupsAtMost);
    const [row] = await db.query<YearToDateRow[]>(text, params);
    return { jobsCreated: { total: row.jobs_total, startups: row.jobs_startups }, activeStartups: row.active, funds: { cents: row.funds_cents, startups: row.funds_startups } };
  }

  /** Every cell of the board's table for a range of whole quarters (see boardCellsSql), by cell id. */
  async boardCells(organisationId: string, range: { from: string; to: string }, db: Queryable = this.dataSource): Promise<Map<string, RawAggregates>> {
    const { text, params } = boardCellsSql(organisationId, range);
    const rows = await db.query<Array<{ cell: string; result: RawAggregates }>>(text, params);
    return new Map(rows.map((row) => [row.cell, row.result]));
  }
}

/**
 * The one SQL statement behind the aggregates (exported so benchmarks can run exactly the same SQL
 * directly as the floor). Every value is a parameter.
 */
export function aggregatesSql(organisationId: string, query: AggregateScope): { text: string; params: unknown[] } {
  return aggregatesStatement(organisationId, query, 'rollups');
}

/**
 * The statement as it was before the rollups (issue 20), reading every raw KPI value of the range: the
 * oracle the rollup property test compares with, and the "before" of the bench. No product read uses it.
 */
export function aggregatesSqlFromValues(organisationId: string, query: AggregateScope): { text: string; params: unknown[] } {
  return aggregatesStatement(organisationId, query, 'values');
}

function aggregatesStatement(organisationId: string, query: AggregateScope, source: 'rollups' | 'values'): { text: string; params: unknown[] } {
    const filter = new SqlFilter();
    const org = filter.placeholder(organisationId);
    const from = filter.placeholder(query.from);
    const to = filter.placeholder(query.to);
    const dueDays = filter.placeholder(KPI_REPORT_DUE_DAYS);
    // The program-side filters apply to the enrollment that puts a startup in scope.
    const program: string[] = [];
    if (query.cohortId) program.push(`c.id = ${filter.placeholder(query.cohortId)}`);
    if (query.programId) program.push(`p.id = ${filter.placeholder(query.programId)}`);
    if (query.siteId) program.push(`p.site_id = ${filter.placeholder(query.siteId)}`);
    const programWhere = program.length ? program.join(' AND ') : 'true';
    const sector = query.sector ? `AND s.sector = ${filter.placeholder(query.sector)}` : '';
    // Startups enrolled in no program: the remainder of the site and program partitions.
    const unassigned = query.unassigned ? 'AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.startup_id = s.id)' : '';
    const narrowed = program.length > 0 || !!query.sector || !!query.unassigned;

  const text =
      `WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organisations WHERE id = ${org}),
        scope AS (
          SELECT s.id, s.founded_on FROM startups s
          WHERE s.organisation_id = ${org} ${sector} ${unassigned}
            AND (${program.length ? 'false' : 'true'} OR EXISTS (
              SELECT 1 FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id
              WHERE e.startup_id = s.id AND ${programWhere}))),
        seats AS (
          SELECT e.startup_id, c.starts_on, c.ends_on FROM scope
          JOIN enrollments e ON e.startup_id = scope.id AND e.status IN ${ACTIVE_STATUSES}
          JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id
          WHERE c.starts_on < ${to}::date AND c.ends_on > ${from}::date AND ${programWhere}),
        ${source === 'values' ? valuesPerStartup(org, from, to) : quarterAligned(query) ? quartersPerStartup(org, from, to, narrowed, singleQuarter(query)) : rollupsPerStartup(org, from, to, narrowed)}
        per_definition AS (
          SELECT definition_id, sum(total) AS total, round(sum(total) / sum(reports), 2) AS average, count(*) AS startups, sum(latest) AS latest
          FROM per_startup GROUP BY definition_id),
        months AS (
          SELECT m::date AS start, to_char(m, 'YYYY-MM') AS period, (m + interval '1 month')::date AS "end"
          FROM generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') m
          WHERE m >= ${from}::date AND m + interval '1 month' <= ${to}::date
            AND (m + interval '1 month')::date + ${dueDays}::int < (SELECT d FROM today)),
        expected AS (
          SELECT DISTINCT seats.startup_id, months.period FROM months JOIN seats ON seats.starts_on < months."end" AND seats.ends_on > months.start)
      SELECT json_build_object(
        'startups', (SELECT count(*) FROM scope),
        'active', (SELECT count(DISTINCT startup_id) FROM seats),
        'kpis', coalesce((
          SELECT json_agg(json_build_object('key', d.key, 'label_fr', d.label_fr, 'label_en', d.label_en, 'unit', d.unit, 'aggregation', d.aggregation,
            'value', CASE d.aggregation WHEN 'latest' THEN p.latest WHEN 'sum' THEN p.total ELSE p.average END::text,
            'startups', coalesce(p.startups, 0))
            ORDER BY d.standard DESC, d.created_at, d.key)
          FROM kpi_definitions d LEFT JOIN per_definition p ON p.definition_id = d.id
          WHERE d.organisation_id = ${org}), '[]'),
        'rounds', coalesce((
          SELECT json_agg(json_build_object('kind', kind, 'rounds', rounds, 'cents', cents::text, 'startups', startups))
          FROM (SELECT f.kind, count(*) AS rounds, coalesce(sum(f.amount_eur_cents), 0) AS cents, count(DISTINCT f.startup_id) AS startups
                FROM funding_rounds f JOIN scope ON scope.id = f.startup_id
                WHERE f.organisation_id = ${org} AND f.status = 'closed' AND f.closed_on >= ${from}::date AND f.closed_on < ${to}::date
                GROUP BY ROLLUP (f.kind)) k), '[]'),
        'years', coalesce((
          SELECT json_agg(json_build_object('year', year, 'startups', n) ORDER BY year)
          FROM (SELECT extract(year FROM founded_on)::int AS year, count(*) AS n FROM scope WHERE founded_on IS NOT NULL GROUP BY 1) y), '[]'),
        'created', (SELECT count(*) FROM scope WHERE founded_on >= ${from}::date AND founded_on < ${to}::date),
        'milestones_due', (SELECT count(*) FROM milestones m JOIN scope ON scope.id = m.startup_id WHERE m.due_on >= ${from}::date AND m.due_on < ${to}::date),
        'milestones_achieved', (SELECT count(*) FROM milestones m JOIN scope ON scope.id = m.startup_id
                                WHERE m.due_on >= ${from}::date AND m.due_on < ${to}::date AND m.status = 'achieved'),
        'expected', (SELECT count(*) FROM expected),
        'completed', (SELECT count(*) FROM expected x JOIN kpi_reports r ON r.startup_id = x.startup_id AND r.period = x.period AND r.status IN ('submitted', 'validated'))
      ) AS result`;
  return { text, params: filter.params };
}

/** The first day of a calendar quarter (YYYY-01/04/07/10-01). */
const QUARTER_START = /^\d{4}-(01|04|07|10)-01$/;

/** A range of whole calendar quarters: exactly the union of its quarters' rows of kpi_quarter_rollups (every reporting period lies inside one quarter). */
export function quarterAligned(range: { from: string; to: string }): boolean {
  return QUARTER_START.test(range.from) && QUARTER_START.test(range.to);
}

function singleQuarter(range: { from: string; to: string }): boolean {
  const [y, m] = range.from.split('-').map(Number);
  const next = m === 10 ? `${y + 1}-01-01` : `${y}-${String(m + 3).padStart(2, '0')}-01`;
  return range.to === next;
}

/** Per (KPI, startup): sum, number of reports and latest value, from the raw values (the oracle). */
function valuesPerStartup(org: string, from: string, to: string): string {
  return `reports AS (
          SELECT r.id, r.startup_id, r.period_start FROM kpi_reports r JOIN scope ON scope.id = r.startup_id
          WHERE r.organisation_id = ${org} AND r.status = 'validated' AND r.period_start >= ${from}::date AND r.period_start < ${to}::date AND r.period_end <= ${to}::date),
        -- A lateral lookup per report on the primary key rather than a scan of every value ever reported
        -- (OFFSET 0 keeps the planner from flattening it back into a hash join over the whole table).
        vals AS (SELECT rp.startup_id, rp.period_start, v.definition_id, v.value
                 FROM reports rp CROSS JOIN LATERAL (SELECT definition_id, value FROM kpi_values WHERE report_id = rp.id OFFSET 0) v),
        ${perStartupOfVals}`;
}

const perStartupOfVals = `per_startup AS (
          SELECT definition_id, startup_id, sum(value) AS total, count(*) AS reports, (array_agg(value ORDER BY period_start DESC))[1] AS latest
          FROM vals GROUP BY definition_id, startup_id),`;

/** The same from kpi_rollups (one row per validated report and KPI): any range. */
function rollupsPerStartup(org: string, from: string, to: string, narrowed: boolean): string {
  return narrowed
    ? // each startup's validated values of the range, one covering index range per startup
      // (OFFSET 0 keeps the planner from turning it into a scan of the whole organisation's range).
      `vals AS (
          SELECT scope.id AS startup_id, k.period_start, k.definition_id, k.value FROM scope CROSS JOIN LATERAL (
            SELECT period_start, definition_id, value FROM kpi_rollups
            WHERE startup_id = scope.id AND period_start >= ${from}::date AND period_start < ${to}::date AND period_end <= ${to}::date OFFSET 0) k),
        ${perStartupOfVals}`
    : // The whole organisation: its range of the covering index, read once.
      `vals AS (
          SELECT k.startup_id, k.period_start, k.definition_id, k.value FROM kpi_rollups k
          WHERE k.organisation_id = ${org} AND k.period_start >= ${from}::date AND k.period_start < ${to}::date AND k.period_end <= ${to}::date),
        ${perStartupOfVals}`;
}

/**
 * A startup's latest value over several quarters: that of its latest quarter with one. The greatest
 * [day number, value] pair (arrays compare element by element; a startup has one row per quarter, so no
 * ties) — a hash aggregate, where array_agg(… ORDER BY) would sort every row. The value keeps its scale.
 */
const LATEST_QUARTER = `(max(ARRAY[(quarter_start - DATE '2000-01-01')::numeric, latest]))[2]`;

/** The same from kpi_quarter_rollups (one row per startup, quarter and KPI): ranges of whole quarters only. */
function quartersPerStartup(org: string, from: string, to: string, narrowed: boolean, single: boolean): string {
  const rows = (where: string) =>
    single
      ? `SELECT definition_id, startup_id, total, reports, latest FROM kpi_quarter_rollups WHERE ${where} AND quarter_start = ${from}::date`
      : `SELECT definition_id, startup_id, sum(total) AS total, sum(reports) AS reports, ${LATEST_QUARTER} AS latest
             FROM kpi_quarter_rollups WHERE ${where} AND quarter_start >= ${from}::date AND quarter_start < ${to}::date GROUP BY definition_id, startup_id`;
  return narrowed
    ? `per_startup AS (SELECT k.* FROM scope CROSS JOIN LATERAL (${rows('startup_id = scope.id')} OFFSET 0) k),`
    : `per_startup AS (${rows(`organisation_id = ${org}`)}),`;
}

/**
 * The submitted or validated reports of the startups expected to report (the CTE \`expected\`: startup,
 * month) over the expected months: one range of the (startup, period) index per startup rather than a
 * lookup per startup and month. 'YYYY-Qn' periods fall inside such a text range too; the join on the
 * exact month leaves them out.
 */
const DONE = `done AS (
      SELECT r.startup_id, r.period FROM (SELECT startup_id, min(period) AS first, max(period) AS last FROM expected GROUP BY startup_id) x
      CROSS JOIN LATERAL (
        SELECT startup_id, period FROM kpi_reports
        WHERE startup_id = x.startup_id AND period >= x.first AND period <= x.last AND status IN ('submitted', 'validated') OFFSET 0) r),`;

/**
 * Every cell of the board's table for a range of whole quarters — the organisation, the startups
 * enrolled nowhere, each site, program and sector — in one statement, each cell's result exactly what
 * `aggregatesSql` gives for that scope (the property test compares them): each startup's figures are
 * computed once, then summed into every cell the startup belongs to (its memberships, GROUP BY cell).
 * Cell ids as BoardAggregates names them ('organisation', 'unassigned', 'site:<id>', 'program:<id>',
 * 'sector:<code>'); sectors are those of the organisation's startups.
 */
export function boardCellsSql(organisationId: string, range: { from: string; to: string }): { text: string; params: unknown[] } {
  if (!quarterAligned(range)) throw new Error(`Not a range of whole quarters: ${range.from}..${range.to}`);
  const filter = new SqlFilter();
  const org = filter.placeholder(organisationId);
  const from = filter.placeholder(range.from);
  const to = filter.placeholder(range.to);
  const dueDays = filter.placeholder(KPI_REPORT_DUE_DAYS);
  // A single quarter: each cell's KPI figures as kept by the database (kpi_cell_quarters, BoardCellFigures1763774600000).
  // Several quarters (a year): each startup's figures over them first, then summed into its cells.
  const perCell = singleQuarter(range)
    ? `per_cell AS (
      SELECT cell, definition_id, total, round(total / reports, 2) AS average, startups, latest
      FROM kpi_cell_quarters WHERE organisation_id = ${org} AND quarter_start = ${from}::date),`
    : `per_startup AS (
      SELECT startup_id, definition_id, sum(total) AS total, sum(reports) AS reports, ${LATEST_QUARTER} AS latest
      FROM kpi_quarter_rollups WHERE organisation_id = ${org} AND quarter_start >= ${from}::date AND quarter_start < ${to}::date GROUP BY startup_id, definition_id),
    per_group AS (
      SELECT s.cells, ps.definition_id, sum(ps.total) AS total, sum(ps.reports) AS reports, count(*) AS startups, sum(ps.latest) AS latest
      FROM per_startup ps JOIN sig s ON s.startup_id = ps.startup_id GROUP BY s.cells, ps.definition_id),
    per_cell AS (
      SELECT c.cell, g.definition_id, sum(g.total) AS total, round(sum(g.total) / sum(g.reports), 2) AS average, sum(g.startups) AS startups, sum(g.latest) AS latest
      FROM per_group g CROSS JOIN LATERAL unnest(g.cells) c (cell) GROUP BY c.cell, g.definition_id),`;
  // A single quarter: active startups and report completion per cell as the database keeps them
  // (cell_seat_quarters, cell_seat_months: BoardSeatFigures1763774700000), only the due months chosen here.
  // Several quarters: from the seats themselves.
  const dueMonth = (month: string) => `(${month} + interval '1 month')::date + ${dueDays}::int < (SELECT d FROM today)`;
  const seatsAndCompletion = singleQuarter(range)
    ? `active AS (SELECT cell, startups AS n FROM cell_seat_quarters WHERE organisation_id = ${org} AND quarter_start = ${from}::date),
    completion AS (
      SELECT cell, sum(seated) AS expected, sum(done) AS completed FROM cell_seat_months
      WHERE organisation_id = ${org} AND month >= ${from}::date AND month < ${to}::date AND ${dueMonth('month')} GROUP BY cell),`
    : `-- Seats (an active enrollment in a cohort running in the range) count in the organisation, the sector and their own program and site.
    seats AS (
      SELECT e.startup_id, c.starts_on, c.ends_on, ARRAY['organisation', 'sector:' || st.sector, 'site:' || p.site_id, 'program:' || p.id] AS cells FROM st
      JOIN enrollments e ON e.startup_id = st.id AND e.status IN ${ACTIVE_STATUSES}
      JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id
      WHERE c.starts_on < ${to}::date AND c.ends_on > ${from}::date),
    active AS (SELECT u.cell, count(DISTINCT s.startup_id) AS n FROM seats s CROSS JOIN LATERAL unnest(s.cells) u (cell) GROUP BY u.cell),
    months AS (
      SELECT m::date AS start, to_char(m, 'YYYY-MM') AS period, (m + interval '1 month')::date AS "end"
      FROM generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') m
      WHERE m >= ${from}::date AND m + interval '1 month' <= ${to}::date
        AND (m + interval '1 month')::date + ${dueDays}::int < (SELECT d FROM today)),
    -- Each (startup, due month) with a seat is looked up once, then counted in each cell of its seats.
    seat_months AS (SELECT s.startup_id, m.period, s.cells FROM months m JOIN seats s ON s.starts_on < m."end" AND s.ends_on > m.start),
    expected AS (SELECT DISTINCT startup_id, period FROM seat_months),
    ${DONE}
    flagged AS (SELECT x.startup_id, x.period, d.startup_id IS NOT NULL AS done FROM expected x LEFT JOIN done d ON d.startup_id = x.startup_id AND d.period = x.period),
    completion AS (
      SELECT x.cell, count(*) AS expected, count(*) FILTER (WHERE f.done) AS completed
      FROM (SELECT DISTINCT sm.startup_id, sm.period, u.cell FROM seat_months sm CROSS JOIN LATERAL unnest(sm.cells) u (cell)) x
      JOIN flagged f ON f.startup_id = x.startup_id AND f.period = x.period GROUP BY x.cell),`;
  // A single quarter: each cell's rounds by kind ('*': every kind) as the database keeps them
  // (cell_round_quarters, BoardRoundFigures1763775000000). Several quarters: from the rounds (a startup
  // with rounds in two quarters counts once).
  const rounds = singleQuarter(range)
    ? `rounds AS (
      SELECT cell, json_agg(json_build_object('kind', nullif(kind, '*'), 'rounds', rounds, 'cents', cents::text, 'startups', startups) ORDER BY nullif(kind, '*') NULLS FIRST) AS rounds
      FROM cell_round_quarters WHERE organisation_id = ${org} AND quarter_start = ${from}::date GROUP BY cell),`
    : `rounds AS (
      SELECT cell, json_agg(json_build_object('kind', kind, 'rounds', rounds, 'cents', cents::text, 'startups', startups) ORDER BY kind NULLS FIRST) AS rounds
      FROM (SELECT c.cell, g.kind, sum(g.rounds) AS rounds, sum(g.cents) AS cents, sum(g.startups) AS startups
            FROM (SELECT s.cells, f.kind, count(*) AS rounds, coalesce(sum(f.amount_eur_cents), 0) AS cents, count(DISTINCT f.startup_id) AS startups
                  FROM funding_rounds f JOIN startup_board_cells s ON s.startup_id = f.startup_id AND s.organisation_id = ${org}
                  WHERE f.organisation_id = ${org} AND f.status = 'closed' AND f.closed_on >= ${from}::date AND f.closed_on < ${to}::date
                  GROUP BY s.cells, ROLLUP (f.kind)) g
            CROSS JOIN LATERAL unnest(g.cells) c (cell) GROUP BY c.cell, g.kind) k
      GROUP BY cell),`;
  const text = `WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organisations WHERE id = ${org}),
    st AS (SELECT id, sector, founded_on FROM startups WHERE organisation_id = ${org}),
    -- The cells each startup is counted in, as the database keeps them (startup_board_cells: a site or
    -- program, any enrollment in it, whatever its status; enrolled nowhere: 'unassigned'). Startups with
    -- the same cells are summed together first (a few hundred groups), then each group into its cells:
    -- every figure below is a sum over disjoint sets of startups, so the order does not change it.
    sig AS (SELECT st.id AS startup_id, st.founded_on, b.cells FROM st JOIN startup_board_cells b ON b.startup_id = st.id),
    cells AS (
      SELECT 'organisation'::text AS cell UNION ALL SELECT 'unassigned'
      UNION ALL SELECT 'site:' || id FROM sites WHERE organisation_id = ${org}
      UNION ALL SELECT 'program:' || id FROM programs WHERE organisation_id = ${org}
      UNION ALL SELECT DISTINCT cell FROM cell_founded_quarters WHERE organisation_id = ${org} AND cell LIKE 'sector:%'),
    ${seatsAndCompletion}
    ${perCell}
    kpis AS (
      SELECT c.cell, json_agg(json_build_object('key', d.key, 'label_fr', d.label_fr, 'label_en', d.label_en, 'unit', d.unit, 'aggregation', d.aggregation,
          'value', CASE d.aggregation WHEN 'latest' THEN k.latest WHEN 'sum' THEN k.total ELSE k.average END::text,
          'startups', coalesce(k.startups, 0))
        ORDER BY d.standard DESC, d.created_at, d.key) AS kpis
      FROM cells c CROSS JOIN kpi_definitions d LEFT JOIN per_cell k ON k.cell = c.cell AND k.definition_id = d.id
      WHERE d.organisation_id = ${org} GROUP BY c.cell),
    ${rounds}
    -- Each cell's startups by founding quarter, as the database keeps them (cell_founded_quarters,
    -- BoardFoundedFigures1763774900000; '-infinity': no founding date): the counts, those created in the
    -- range (whole quarters) and the founding years.
    years AS (
      SELECT cell, json_agg(json_build_object('year', year, 'startups', n) ORDER BY year) AS years
      FROM (SELECT cell, extract(year FROM founded_quarter)::int AS year, sum(startups) AS n FROM cell_founded_quarters
            WHERE organisation_id = ${org} AND founded_quarter <> '-infinity' GROUP BY 1, 2) y
      GROUP BY cell),
    counts AS (
      SELECT cell, sum(startups) AS startups, coalesce(sum(startups) FILTER (WHERE founded_quarter >= ${from}::date AND founded_quarter < ${to}::date), 0) AS created
      FROM cell_founded_quarters WHERE organisation_id = ${org} GROUP BY cell),
    milestones AS (
      SELECT c.cell, sum(g.due) AS due, sum(g.achieved) AS achieved
      FROM (SELECT s.cells, count(*) AS due, count(*) FILTER (WHERE ms.status = 'achieved') AS achieved
            FROM milestones ms JOIN startup_board_cells s ON s.startup_id = ms.startup_id AND s.organisation_id = ${org} WHERE ms.due_on >= ${from}::date AND ms.due_on < ${to}::date GROUP BY s.cells) g
      CROSS JOIN LATERAL unnest(g.cells) c (cell) GROUP BY c.cell)
    SELECT c.cell, json_build_object(
      'startups', coalesce(n.startups, 0),
      'active', coalesce(a.n, 0),
      'kpis', coalesce(k.kpis, '[]'),
      -- No round at all: the grand total row alone, as GROUP BY ROLLUP gives it for no rows.
      'rounds', coalesce(r.rounds, '[{"kind": null, "rounds": 0, "cents": "0", "startups": 0}]'::json),
      'years', coalesce(y.years, '[]'),
      'created', coalesce(n.created, 0),
      'milestones_due', coalesce(ms.due, 0),
      'milestones_achieved', coalesce(ms.achieved, 0),
      'expected', coalesce(x.expected, 0),
      'completed', coalesce(x.completed, 0)) AS result
    FROM cells c
    LEFT JOIN counts n ON n.cell = c.cell LEFT JOIN active a ON a.cell = c.cell LEFT JOIN kpis k ON k.cell = c.cell
    LEFT JOIN rounds r ON r.cell = c.cell LEFT JOIN years y ON y.cell = c.cell LEFT JOIN milestones ms ON ms.cell = c.cell
    LEFT JOIN completion x ON x.cell = c.cell`;
  return { text, params: filter.params };
}

/**
 * The organisation's figures for several single quarters (a board quarter's series) in one statement,
 * each row's result exactly what `aggregatesSql` gives for the organisation and that quarter (the
 * property test compares them): what does not depend on the quarter (the startups, their founding
 * years) is computed once, the rest per quarter from kpi_quarter_rollups, seats and rounds.
 */
export function organisationQuartersSql(organisationId: string, quarters: ReadonlyArray<{ from: string; to: string }>): { text: string; params: unknown[] } {
  for (const q of quarters) if (!quarterAligned(q) || !singleQuarter(q)) throw new Error(`Not a single quarter: ${q.from}..${q.to}`);
  const filter = new SqlFilter();
  const org = filter.placeholder(organisationId);
  const froms = filter.placeholder(quarters.map((q) => q.from));
  const tos = filter.placeholder(quarters.map((q) => q.to));
  const dueDays = filter.placeholder(KPI_REPORT_DUE_DAYS);
  const text = `WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organisations WHERE id = ${org}),
    ranges AS (SELECT i::int AS i, f AS "from", t AS "to" FROM unnest(${froms}::date[], ${tos}::date[]) WITH ORDINALITY AS r (f, t, i)),
    -- The organisation's startups by founding quarter as the database keeps them (cell_founded_quarters,
    -- BoardFoundedFigures1763774900000; '-infinity': no founding date): the count, the founding years and
    -- those founded in each quarter, from a few dozen rows instead of every startup.
    founded AS (SELECT founded_quarter, startups FROM cell_founded_quarters WHERE organisation_id = ${org} AND cell = 'organisation'),
    -- Per quarter, the organisation's active startups and report completion as the database keeps them
    -- (cell_seat_quarters, cell_seat_months: BoardSeatFigures1763774700000), only the due months chosen here.
    active AS (
      SELECT r.i, q.startups AS n FROM ranges r
      JOIN cell_seat_quarters q ON q.organisation_id = ${org} AND q.quarter_start = r."from" AND q.cell = 'organisation'),
    completion AS (
      SELECT r.i, sum(m.seated) AS expected, sum(m.done) AS completed FROM ranges r
      JOIN cell_seat_months m ON m.organisation_id = ${org} AND m.cell = 'organisation' AND m.month >= r."from" AND m.month < r."to"
      WHERE (m.month + interval '1 month')::date + ${dueDays}::int < (SELECT d FROM today) GROUP BY r.i),
    -- Per quarter, the organisation's KPI figures as the database keeps them (kpi_cell_quarters).
    per_definition AS (
      SELECT r.i, k.definition_id, k.total, round(k.total / k.reports, 2) AS average, k.startups, k.latest
      FROM ranges r JOIN kpi_cell_quarters k ON k.organisation_id = ${org} AND k.quarter_start = r."from" AND k.cell = 'organisation'),
    kpis AS (
      SELECT r.i, json_agg(json_build_object('key', d.key, 'label_fr', d.label_fr, 'label_en', d.label_en, 'unit', d.unit, 'aggregation', d.aggregation,
          'value', CASE d.aggregation WHEN 'latest' THEN p.latest WHEN 'sum' THEN p.total ELSE p.average END::text,
          'startups', coalesce(p.startups, 0))
        ORDER BY d.standard DESC, d.created_at, d.key) AS kpis
      FROM ranges r CROSS JOIN kpi_definitions d LEFT JOIN per_definition p ON p.i = r.i AND p.definition_id = d.id
      WHERE d.organisation_id = ${org} GROUP BY r.i),
    -- Per quarter, the organisation's rounds by kind ('*': every kind) as the database keeps them (cell_round_quarters).
    rounds AS (
      SELECT r.i, json_agg(json_build_object('kind', nullif(q.kind, '*'), 'rounds', q.rounds, 'cents', q.cents::text, 'startups', q.startups) ORDER BY nullif(q.kind, '*') NULLS FIRST) AS rounds
      FROM ranges r JOIN cell_round_quarters q ON q.organisation_id = ${org} AND q.quarter_start = r."from" AND q.cell = 'organisation'
      GROUP BY r.i),
    years AS (
      SELECT coalesce(json_agg(json_build_object('year', year, 'startups', n) ORDER BY year), '[]') AS years
      FROM (SELECT extract(year FROM founded_quarter)::int AS year, sum(startups) AS n FROM founded WHERE founded_quarter <> '-infinity' GROUP BY 1) y),
    created AS (SELECT r.i, coalesce(f.startups, 0) AS n FROM ranges r LEFT JOIN founded f ON f.founded_quarter = r."from"),
    milestones AS (
      SELECT r.i, count(*) AS due, count(*) FILTER (WHERE m.status = 'achieved') AS achieved FROM ranges r
      JOIN milestones m ON m.due_on >= r."from" AND m.due_on < r."to" JOIN startups s ON s.id = m.startup_id AND s.organisation_id = ${org} GROUP BY r.i)
    SELECT r.i, json_build_object(
      'startups', (SELECT coalesce(sum(startups), 0) FROM founded),
      'active', coalesce(a.n, 0),
      'kpis', coalesce(k.kpis, '[]'),
      'rounds', coalesce(ro.rounds, '[{"kind": null, "rounds": 0, "cents": "0", "startups": 0}]'::json),
      'years', (SELECT years FROM years),
      'created', coalesce(c.n, 0),
      'milestones_due', coalesce(ms.due, 0),
      'milestones_achieved', coalesce(ms.achieved, 0),
      'expected', coalesce(x.expected, 0),
      'completed', coalesce(x.completed, 0)) AS result
    FROM ranges r
    LEFT JOIN active a ON a.i = r.i LEFT JOIN kpis k ON k.i = r.i LEFT JOIN rounds ro ON ro.i = r.i LEFT JOIN created c ON c.i = r.i
    LEFT JOIN milestones ms ON ms.i = r.i LEFT JOIN completion x ON x.i = r.i
    ORDER BY r.i`;
  return { text, params: filter.params };
}

/**
 * The year-to-date figures (YearToDateFigures) of the organisation over these quarters (their first
 * days), from what the database keeps: sums from the organisation's cell of kpi_cell_quarters and
 * cell_round_quarters, distinct startups from the per-startup rows (kpi_quarter_rollups,
 * startup_seat_quarters, startup_round_quarters). The property test compares it with `aggregatesSql`.
 * How many startups gave the jobs or closed a round is only ever compared with the board's suppression
 * threshold, so it is counted up to `startupsAtMost` (the threshold) and stops there: at 10,000 startups a
 * year's 30,000 rows need not be made distinct to learn that "at least 3" stand behind a figure.
 */
export function yearToDateSql(organisationId: string, quarterStarts: string[], startupsAtMost: number): { text: string; params: unknown[] } {
  if (!Number.isInteger(startupsAtMost) || startupsAtMost < 1) throw new Error(`startupsAtMost must be a positive integer: ${startupsAtMost}`);
  for (const q of quarterStarts) if (!QUARTER_START.test(q)) throw new Error(`Not the first day of a quarter: ${q}`);
  const text = `WITH jobs AS (SELECT id FROM kpi_definitions WHERE organisation_id = $1 AND key = 'jobs_created')
    SELECT
      (SELECT sum(k.total)::text FROM kpi_cell_quarters k JOIN jobs ON jobs.id = k.definition_id
       WHERE k.organisation_id = $1 AND k.cell = 'organisation' AND k.quarter_start = ANY($2::date[])) AS jobs_total,
      (SELECT count(*)::int FROM (SELECT DISTINCT r.startup_id FROM kpi_quarter_rollups r JOIN jobs ON jobs.id = r.definition_id
                                  WHERE r.quarter_start = ANY($2::date[]) LIMIT $3) x) AS jobs_startups,
      (SELECT count(DISTINCT startup_id)::int FROM startup_seat_quarters WHERE organisation_id = $1 AND quarter_start = ANY($2::date[])) AS active,
      (SELECT coalesce(sum(cents), 0)::text FROM cell_round_quarters
       WHERE organisation_id = $1 AND cell = 'organisation' AND kind = '*' AND quarter_start = ANY($2::date[])) AS funds_cents,
      (SELECT count(*)::int FROM (SELECT DISTINCT startup_id FROM startup_round_quarters WHERE organisation_id = $1 AND kind = '*' AND quarter_start = ANY($2::date[])
                                  LIMIT $3) y) AS funds_startups`;
  return { text, params: [organisationId, quarterStarts, startupsAtMost] };
}
