import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Queryable, SqlFilter } from '@incubator/api/sql';
import { formatMinorUnits, KPI_REPORT_DUE_DAYS } from '@incubator/contracts';
import type { KpiReportListQuery, KpiReportResponse, KpiReportStatus, LateKpiReport } from '@incubator/contracts';
import { trimZeros } from './kpi-values';

/** Values by key and the funds raised (closed rounds with a closing date inside the period). */
const SELECT = `
  SELECT r.*, s.legal_name AS startup_name,
         coalesce((SELECT json_object_agg(d.key, v.value::text) FROM kpi_values v JOIN kpi_definitions d ON d.id = v.definition_id
                   WHERE v.report_id = r.id), '{}') AS values,
         (SELECT coalesce(sum(f.amount_eur_cents), 0) FROM funding_rounds f
          WHERE f.startup_id = r.startup_id AND f.status = 'closed' AND f.closed_on >= r.period_start AND f.closed_on < r.period_end) AS funds_raised_cents
  FROM kpi_reports r JOIN startups s ON s.id = r.startup_id`;

/** A row of SELECT: a kpi_reports row with its startup's name, its values by key and the period's funds raised. */
interface KpiReportRow {
  id: string;
  organisation_id: string;
  startup_id: string;
  period: string;
  period_start: string;
  period_end: string;
  due_on: string;
  status: KpiReportStatus;
  return_comment: string | null;
  submitted_at: Date | null;
  validated_at: Date | null;
  validated_by: string | null;
  created_at: Date;
  updated_at: Date;
  startup_name: string;
  values: Record<string, string>;
  /** numeric: sum of bigint cents. */
  funds_raised_cents: string;
}

interface LateRow {
  startup_id: string;
  legal_name: string;
  report_id: string | null;
  status: KpiReportStatus | null;
  due_on: string;
  days_late: number;
}

/** Which reports a list shows: the organisation's, only `ownStartupId`'s for a startup user, then the query's filters. */
export type KpiReportPageQuery = Omit<KpiReportListQuery, 'limit' | 'offset'> & { organisationId: string; ownStartupId?: string | null; limit: number; offset: number };

/** Every statement on kpi_reports and kpi_values (reads startups, organisations, funding_rounds and enrollments). */
@Injectable()
export class KpiReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: KpiReportPageQuery, db: Queryable = this.dataSource): Promise<{ items: KpiReportResponse[]; total: number }> {
    const filter = new SqlFilter().add('r.organisation_id = ?', query.organisationId);
    if (query.ownStartupId !== undefined) filter.add('r.startup_id = ?', query.ownStartupId);
    filter.addIf(query.startupId, 'r.startup_id = ?').addIf(query.status, 'r.status = ?').addIf(query.period, 'r.period = ?');
    const [{ total }] = await db.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM kpi_reports r WHERE ${filter.where}`, filter.params);
    const [limit, offset] = [filter.placeholder(query.limit), filter.placeholder(query.offset)];
    const order = query.status === 'submitted' ? 'r.submitted_at, r.id' : 'r.period_start DESC, r.period_end DESC, lower(s.legal_name), r.id';
    const rows = await db.query<KpiReportRow[]>(`${SELECT} WHERE ${filter.where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`, filter.params);
    return { items: rows.map(toReport), total };
  }

  /** Reports whose period lies in [from, to), at most `cap`. */
  async listRange(organisationId: string, from: string, to: string, cap: number, db: Queryable = this.dataSource): Promise<KpiReportResponse[]> {
    const rows = await db.query<KpiReportRow[]>(
      `${SELECT} WHERE r.organisation_id = $1 AND r.period_start >= $2 AND r.period_start < $3 AND r.period_end <= $3
       ORDER BY lower(s.legal_name), r.period_start, r.period_end LIMIT $4`,
      [organisationId, from, to, cap],
    );
    return rows.map(toReport);
  }

  async find(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<KpiReportResponse | null> {
    const [row] = await db.query<KpiReportRow[]>(`${SELECT} WHERE r.id = $1 AND r.organisation_id = $2`, [id, organisationId]);
    return row ? toReport(row) : null;
  }

  /** The report's startup, its row locked for the transaction; null outside the organisation. */
  async lockStartupId(db: Queryable, organisationId: string, id: string): Promise<string | null> {
    const [locked] = await db.query<Array<{ startup_id: string }>>('SELECT startup_id FROM kpi_reports WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, organisationId]);
    return locked ? locked.startup_id : null;
  }

  /** The report by id alone (after lockStartupId has checked the organisation). */
  async get(db: Queryable, id: string): Promise<KpiReportResponse> {
    const [row] = await db.query<KpiReportRow[]>(`${SELECT} WHERE r.id = $1`, [id]);
    return toReport(row);
  }

  /** Today (YYYY-MM-DD) in the organisation's time zone if the startup is the organisation's, else null. */
  async startupToday(db: Queryable, organisationId: string, startupId: string): Promise<string | null> {
    const [startup] = await db.query<Array<{ id: string; today: string }>>(
      `SELECT s.id, to_char((now() AT TIME ZONE o.time_zone)::date, 'YYYY-MM-DD') AS today
         FROM startups s JOIN organisations o ON o.id = s.organisation_id WHERE s.id = $1 AND s.organisation_id = $2`,
      [startupId, organisationId],
    );
    return startup ? startup.today : null;
  }

  /**
   * Inserts a report; null when the period already has one. ON CONFLICT DO NOTHING: a second report for
   * the period is a 409, never a unique-violation 500.
   */
  async insert(
    db: Queryable,
    report: { organisationId: string; startupId: string; period: string; start: string; end: string; status: KpiReportStatus },
  ): Promise<string | null> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO kpi_reports (organisation_id, startup_id, period, period_start, period_end, due_on, status, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $5::date + $6::int, $7::varchar, CASE WHEN $7::varchar = 'submitted' THEN now() END)
         ON CONFLICT (startup_id, period) DO NOTHING RETURNING id`,
      [report.organisationId, report.startupId, report.period, report.start, report.end, KPI_REPORT_DUE_DAYS, report.status],
    );
    return row ? row.id : null;
  }

  async setStatus(db: Queryable, id: string, status: KpiReportStatus, submitting: boolean): Promise<void> {
    await db.query(`UPDATE kpi_reports SET status = $2, submitted_at = CASE WHEN $3 THEN now() ELSE submitted_at END, updated_at = now() WHERE id = $1`, [id, status, submitting]);
  }

  /** Validates or returns a report (validated_by: the reviewer). */
  async review(db: Queryable, id: string, to: 'validated' | 'returned', comment: string | null, reviewerId: string): Promise<void> {
    await db.query(
      `UPDATE kpi_reports SET status = $2::varchar, return_comment = $3,
                validated_at = CASE WHEN $2::varchar = 'validated' THEN now() END, validated_by = CASE WHEN $2::varchar = 'validated' THEN $4::uuid END,
                updated_at = now()
         WHERE id = $1`,
      [id, to, comment, reviewerId],
    );
  }

  /** Replaces the report's values (by definition id). */
  async replaceValues(db: Queryable, reportId: string, values: Map<string, string>): Promise<void> {
    await db.query('DELETE FROM kpi_values WHERE report_id = $1', [reportId]);
    await this.insertValues(db, reportId, values);
  }

  async insertValues(db: Queryable, reportId: string, values: Map<string, string>): Promise<void> {
    if (!values.size) return;
    await db.query('INSERT INTO kpi_values (report_id, definition_id, value) SELECT $1, unnest($2::uuid[]), unnest($3::numeric[])', [reportId, [...values.keys()], [...values.values()]]);
  }

  /**
   * Reports expected for a period and not handed in after their due date: startups with an admitted,
   * active or graduated enrollment in a cohort running during the period, without a submitted or
   * validated report. Only periods whose due date has passed (in the organisation's time zone) count.
   */
  async late(organisationId: string, period: string, range: { start: string; end: string }, db: Queryable = this.dataSource): Promise<LateKpiReport[]> {
    const rows = await db.query<LateRow[]>(
      `WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organisations WHERE id = $1),
            expected AS (
              SELECT DISTINCT s.id, s.legal_name FROM startups s
              JOIN enrollments e ON e.startup_id = s.id AND e.status IN ('admitted', 'active', 'graduated')
              JOIN cohorts c ON c.id = e.cohort_id AND c.starts_on < $3 AND c.ends_on > $2
              WHERE s.organisation_id = $1)
       SELECT x.id AS startup_id, x.legal_name, r.id AS report_id, r.status,
              ($3::date + $5::int) AS due_on, (SELECT d FROM today) - ($3::date + $5::int) AS days_late
       FROM expected x LEFT JOIN kpi_reports r ON r.startup_id = x.id AND r.period = $4
       WHERE (r.id IS NULL OR r.status IN ('draft', 'returned')) AND ($3::date + $5::int) < (SELECT d FROM today)
       ORDER BY days_late DESC, lower(x.legal_name)`,
      [organisationId, range.start, range.end, period, KPI_REPORT_DUE_DAYS],
    );
    return rows.map((row) => ({
      startupId: row.startup_id,
      startupName: row.legal_name,
      period,
      dueOn: row.due_on,
      daysLate: Number(row.days_late),
      status: row.status ?? null,
      reportId: row.report_id ?? null,
    }));
  }
}

function toReport(row: KpiReportRow): KpiReportResponse {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    id: row.id,
    startupId: row.startup_id,
    startupName: row.startup_name,
    period: row.period,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    dueOn: row.due_on,
    status: row.status,
    values: Object.fromEntries(Object.entries(row.values).map(([key, value]) => [key, trimZeros(String(value))])),
    fundsRaisedEur: formatMinorUnits(row.funds_raised_cents, 2),
    returnComment: row.return_comment ?? null,
    submittedAt: iso(row.submitted_at),
    validatedAt: iso(row.validated_at),
    updatedAt: row.updated_at.toISOString(),
  };
}
