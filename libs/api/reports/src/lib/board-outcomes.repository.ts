import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';

/** One survival cell: a cohort, a program (each startup once, at its last such cohort) or the organisation. */
export interface SurvivalCount {
  level: 'cohort' | 'program' | 'organisation';
  id: string | null;
  name: string | null;
  programId: string | null;
  programName: string | null;
  endsOn: string | null;
  startups: number;
  surviving: number;
}

interface SurvivalRowDb {
  level: 'cohort' | 'program' | 'organisation';
  id: string | null;
  name: string | null;
  program_id: string | null;
  program_name: string | null;
  ends_on: string | null;
  startups: number;
  surviving: number;
}

export interface CallConversion {
  id: string;
  titleFr: string;
  titleEn: string;
  cohortName: string;
  programName: string;
  closesOn: string;
  submitted: number;
  admitted: number;
  enrolled: number;
}

interface CallConversionRow {
  id: string;
  title_fr: string;
  title_en: string;
  cohort_name: string;
  program_name: string;
  closes_on: string;
  submitted: number;
  admitted: number;
  enrolled: number;
}

/** A calendar year's closed rounds, in euro cents. */
export interface YearlyFunds {
  year: number;
  cents: string;
}

interface YearlyFundsRow {
  year: number;
  cents: string;
}

export interface YearlyCompanies {
  year: number;
  companies: number;
}

/**
 * The statements behind the board's long-run figures: survival, conversion of calls, funds raised and
 * companies supported since the start. Each is one indexed statement over small tables (cohorts,
 * enrollments, calls, applications) or a table the database keeps (closed rounds per quarter,
 * each startup's active quarters) — no scan of KPI values.
 */
@Injectable()
export class BoardOutcomesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Startups of the cohorts that ended (half-open end) on or before `endsOnAtMost` and took part
   * (enrollment active, graduated or withdrawn), and how many are still active at `to`: a validated KPI
   * report for a period starting in [activeFrom, to), or a round closed then: a startup's, whichever its
   * enrollment; per cohort, and per program and for the organisation each startup once.
   * `activeFrom` and `to` are first days of calendar quarters (a quarter's end, a year before it), so
   * "active then" is an overlap with the startup's active quarters as the database keeps them
   * (startup_activity: quarters with a validated report or a closed round), one hash join per enrollment —
   * cheaper than deciding each startup once first and joining that back to its enrollments.
   */
  async survival(organisationId: string, endsOnAtMost: string, activeFrom: string, to: string, db: Queryable = this.dataSource): Promise<SurvivalCount[]> {
    const rows = await db.query<SurvivalRowDb[]>(
      `WITH flagged AS MATERIALIZED (
         SELECT c.id AS cohort_id, c.program_id, e.startup_id, coalesce(a.quarters && daterange($4::date, $2::date), false) AS alive
         FROM cohorts c JOIN enrollments e ON e.cohort_id = c.id LEFT JOIN startup_activity a ON a.startup_id = e.startup_id
         WHERE c.organisation_id = $1 AND c.ends_on <= $3::date AND e.status IN ('active', 'graduated', 'withdrawn')
       )
       SELECT 'cohort' AS level, c.id::text AS id, c.name, p.id::text AS program_id, p.name AS program_name, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, x.startups, x.surviving
       FROM (SELECT cohort_id, count(*)::int AS startups, (count(*) FILTER (WHERE alive))::int AS surviving FROM flagged GROUP BY cohort_id) x
       JOIN cohorts c ON c.id = x.cohort_id JOIN programs p ON p.id = c.program_id
       UNION ALL
       SELECT 'program', p.id::text, p.name, p.id::text, p.name, NULL, x.startups, x.surviving
       FROM (SELECT program_id, count(*)::int AS startups, (count(*) FILTER (WHERE alive))::int AS surviving
             FROM (SELECT DISTINCT program_id, startup_id, alive FROM flagged) d GROUP BY program_id) x
       JOIN programs p ON p.id = x.program_id
       UNION ALL
       SELECT 'organisation', NULL, NULL, NULL, NULL, NULL, count(*)::int, (count(*) FILTER (WHERE alive))::int FROM (SELECT DISTINCT startup_id, alive FROM flagged) o`,
      [organisationId, to, endsOnAtMost, activeFrom],
    );
    return rows.map(toSurvivalCount);
  }

  /**
   * Every call opened before `to`: its applications submitted before `to`, those admitted, and those
   * whose startup then took part in the cohort (enrollment active or graduated). Decisions as they stand.
   */
  async conversion(organisationId: string, to: string, db: Queryable = this.dataSource): Promise<CallConversion[]> {
    const rows = await db.query<CallConversionRow[]>(
      `SELECT ac.id::text AS id, ac.title_fr, ac.title_en, c.name AS cohort_name, p.name AS program_name, to_char(ac.closes_on, 'YYYY-MM-DD') AS closes_on,
              (count(a.id) FILTER (WHERE a.status <> 'draft'))::int AS submitted,
              (count(a.id) FILTER (WHERE a.status <> 'draft' AND a.decision = 'admit'))::int AS admitted,
              (count(a.id) FILTER (WHERE a.status <> 'draft' AND a.decision = 'admit' AND e.status IN ('active', 'graduated')))::int AS enrolled
       FROM application_calls ac JOIN cohorts c ON c.id = ac.cohort_id JOIN programs p ON p.id = c.program_id
       LEFT JOIN applications a ON a.call_id = ac.id AND a.submitted_at < $2::date
       LEFT JOIN enrollments e ON e.id = a.enrollment_id
       WHERE ac.organisation_id = $1 AND ac.opens_on < $2::date AND ac.status <> 'draft'
       GROUP BY ac.id, c.name, p.name
       ORDER BY ac.opens_on, ac.title_en, ac.id`,
      [organisationId, to],
    );
    return rows.map(toCallConversion);
  }

  /** Closed rounds before `to` (the first day of a quarter), per calendar year. */
  async fundsByYear(organisationId: string, to: string, db: Queryable = this.dataSource): Promise<YearlyFunds[]> {
    const rows = await db.query<YearlyFundsRow[]>(
      // The organisation's closed rounds per quarter as the database keeps them (cell_round_quarters,
      // every kind: '*'); `to` is the first day of a quarter, so its quarters before it are exactly the rounds before it.
      `SELECT extract(year FROM quarter_start)::int AS year, sum(cents)::text AS cents
       FROM cell_round_quarters
       WHERE organisation_id = $1 AND cell = 'organisation' AND kind = '*' AND quarter_start < $2::date
       GROUP BY 1 ORDER BY 1`,
      [organisationId, to],
    );
    return rows.map((row) => ({ year: Number(row.year), cents: row.cents }));
  }

  /**
   * How many startups closed a round before `to`, counted up to `atMost` (the suppression threshold):
   * enough to know whether the total may be shown, and it stops as soon as it knows.
   */
  async fundedStartups(organisationId: string, to: string, atMost: number, db: Queryable = this.dataSource): Promise<number> {
    const [row] = await db.query<Array<{ startups: number }>>(
      `SELECT count(*)::int AS startups FROM (
         SELECT 1 FROM startups s
         WHERE s.organisation_id = $1
           AND EXISTS (SELECT 1 FROM funding_rounds f WHERE f.startup_id = s.id AND f.status = 'closed' AND f.closed_on < $2::date)
         LIMIT $3) x`,
      [organisationId, to, atMost],
    );
    return Number(row.startups);
  }

  /**
   * Companies supported: distinct startups admitted to a cohort that started before `to`, by the year of
   * their first such cohort — each startup's first cohort start as the database keeps it (startup_first_cohorts).
   */
  async companiesByYear(organisationId: string, to: string, db: Queryable = this.dataSource): Promise<YearlyCompanies[]> {
    const rows = await db.query<YearlyCompanies[]>(
      `SELECT extract(year FROM starts_on)::int AS year, count(*)::int AS companies
       FROM startup_first_cohorts WHERE organisation_id = $1 AND starts_on < $2::date
       GROUP BY 1 ORDER BY 1`,
      [organisationId, to],
    );
    return rows.map((row) => ({ year: Number(row.year), companies: Number(row.companies) }));
  }
}

function toSurvivalCount(row: SurvivalRowDb): SurvivalCount {
  return {
    level: row.level,
    id: row.id,
    name: row.name,
    programId: row.program_id,
    programName: row.program_name,
    endsOn: row.ends_on,
    startups: Number(row.startups),
    surviving: Number(row.surviving),
  };
}

function toCallConversion(row: CallConversionRow): CallConversion {
  return {
    id: row.id,
    titleFr: row.title_fr,
    titleEn: row.title_en,
    cohortName: row.cohort_name,
    programName: row.program_name,
    closesOn: row.closes_on,
    submitted: Number(row.submitted),
    admitted: Number(row.admitted),
    enrolled: Number(row.enrolled),
  };
}
