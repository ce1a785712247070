import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import { KPI_REPORT_DUE_DAYS } from '@incubator/contracts';

/** One of the organisation's startups as the import finds it: by SIREN, id or lower-cased legal name, with its programs. */
export interface ImportStartupRow {
  id: string;
  siren: string | null;
  name: string;
  programs: string[];
}

/** A report to import, validated by the importing manager. */
export interface ImportedReport {
  startupId: string;
  period: string;
  start: string;
  end: string;
}

/** The import's statements: whole files of reports at once (reads startups, enrollments and cohorts). */
@Injectable()
export class KpiImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's startups with the programs they are (or were) enrolled in. */
  startups(organisationId: string, db: Queryable = this.dataSource): Promise<ImportStartupRow[]> {
    return db.query<ImportStartupRow[]>(
      `SELECT s.id, s.siren, lower(s.legal_name) AS name,
              coalesce(array_agg(DISTINCT c.program_id) FILTER (WHERE c.program_id IS NOT NULL), '{}') AS programs
       FROM startups s LEFT JOIN enrollments e ON e.startup_id = s.id AND e.status <> 'withdrawn' LEFT JOIN cohorts c ON c.id = e.cohort_id
       WHERE s.organisation_id = $1 GROUP BY s.id`,
      [organisationId],
    );
  }

  /** `startupId|period` of the reports that already exist among the given pairs. */
  async existing(organisationId: string, pairs: Array<{ startupId: string; period: string }>, db: Queryable = this.dataSource): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await db.query<Array<{ startup_id: string; period: string }>>(
      `SELECT r.startup_id, r.period FROM kpi_reports r JOIN unnest($2::uuid[], $3::text[]) AS x (startup_id, period)
         ON r.startup_id = x.startup_id AND r.period = x.period
       WHERE r.organisation_id = $1`,
      [organisationId, pairs.map((l) => l.startupId), pairs.map((l) => l.period)],
    );
    return new Set(rows.map((r) => `${r.startup_id}|${r.period}`));
  }

  /** Inserts the reports as validated by `validatorId`; returns their ids. */
  async insertValidated(db: Queryable, organisationId: string, validatorId: string, reports: ImportedReport[]): Promise<Array<{ id: string; startupId: string; period: string }>> {
    const inserted = await db.query<Array<{ id: string; startup_id: string; period: string }>>(
      `INSERT INTO kpi_reports (organisation_id, startup_id, period, period_start, period_end, due_on, status, submitted_at, validated_at, validated_by)
         SELECT $1, x.startup_id, x.period, x.period_start, x.period_end, x.period_end + $6::int, 'validated', now(), now(), $7
         FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[]) AS x (startup_id, period, period_start, period_end)
         RETURNING id, startup_id, period`,
      [organisationId, reports.map((l) => l.startupId), reports.map((l) => l.period), reports.map((l) => l.start), reports.map((l) => l.end), KPI_REPORT_DUE_DAYS, validatorId],
    );
    return inserted.map((r) => ({ id: r.id, startupId: r.startup_id, period: r.period }));
  }

  /** Values of many reports at once: three parallel arrays. */
  async insertValues(db: Queryable, values: { reportIds: string[]; definitionIds: string[]; values: string[] }): Promise<void> {
    await db.query('INSERT INTO kpi_values (report_id, definition_id, value) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[])', [values.reportIds, values.definitionIds, values.values]);
  }
}
