import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Queryable, SqlFilter } from '@incubator/api/sql';
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
        ${
          source === 'rollups'
            ? narrowed
              ? // kpi_rollups: each startup's validated values of the range, one covering index range per startup
                // (OFFSET 0 keeps the planner from turning it into a scan of the whole organisation's range).
                `vals AS (
          SELECT scope.id AS startup_id, k.period_start, k.definition_id, k.value FROM scope CROSS JOIN LATERAL (
            SELECT period_start, definition_id, value FROM kpi_rollups
            WHERE startup_id = scope.id AND period_start >= ${from}::date AND period_start < ${to}::date AND period_end <= ${to}::date OFFSET 0) k),`
              : // The whole organisation: its range of the covering index, read once.
                `vals AS (
          SELECT k.startup_id, k.period_start, k.definition_id, k.value FROM kpi_rollups k
          WHERE k.organisation_id = ${org} AND k.period_start >= ${from}::date AND k.period_start < ${to}::date AND k.period_end <= ${to}::date),`
            : `reports AS (
          SELECT r.id, r.startup_id, r.period_start FROM kpi_reports r JOIN scope ON scope.id = r.startup_id
          WHERE r.organisation_id = ${org} AND r.status = 'validated' AND r.period_start >= ${from}::date AND r.period_start < ${to}::date AND r.period_end <= ${to}::date),
        -- A lateral lookup per report on the primary key rather than a scan of every value ever reported
        -- (OFFSET 0 keeps the planner from flattening it back into a hash join over the whole table).
        vals AS (SELECT rp.startup_id, rp.period_start, v.definition_id, v.value
                 FROM reports rp CROSS JOIN LATERAL (SELECT definition_id, value FROM kpi_values WHERE report_id = rp.id OFFSET 0) v),`
        }
        -- One pass per (KPI, startup), then per KPI: sum, average, startups, and the sum of each startup's latest value.
        per_startup AS (
          SELECT definition_id, startup_id, sum(value) AS total, count(*) AS reports, (array_agg(value ORDER BY period_start DESC))[1] AS latest
          FROM vals GROUP BY definition_id, startup_id),
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
