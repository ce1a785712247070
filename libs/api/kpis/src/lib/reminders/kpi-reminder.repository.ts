import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';

/** A monthly report an active startup owes and has not submitted, in its reminder window. */
export interface DueKpiReport {
  startupId: string;
  legalName: string;
  period: string;
  dueOn: string;
  kind: 'before' | 'after';
  /** The members already reminded of this report (and kind). */
  remindedUserIds: string[];
}

interface DueKpiReportRow {
  startup_id: string;
  legal_name: string;
  period: string;
  due_on: string;
  kind: 'before' | 'after';
  reminded: string[];
}

export interface KpiReminderWindow {
  dueDays: number;
  daysBefore: number;
  lateWindowDays: number;
}

/** Every statement on `kpi_reminders`, and the reports due that the reminders are about. */
@Injectable()
export class KpiReminderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The reports due of the organisation's active startups, today in its time zone: a few days before the
   * due date (`before`) or after it within the late window (`after`), not submitted nor validated.
   */
  async due(organisationId: string, window: KpiReminderWindow, db: Queryable = this.dataSource): Promise<DueKpiReport[]> {
    const rows = await db.query<DueKpiReportRow[]>(
      `WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organisations WHERE id = $1),
            months AS (
              SELECT m::date AS start, (m + interval '1 month')::date AS "end", to_char(m, 'YYYY-MM') AS period,
                     (m + interval '1 month')::date + $2::int AS due_on
              FROM today, generate_series(date_trunc('month', today.d - 75), today.d, interval '1 month') m),
            due AS (
              SELECT months.*, CASE WHEN t.d >= due_on - $3::int AND t.d < due_on THEN 'before'
                                    WHEN t.d > due_on AND t.d <= due_on + $4::int THEN 'after' END AS kind
              FROM months, today t)
       SELECT DISTINCT s.id AS startup_id, s.legal_name, due.period, to_char(due.due_on, 'YYYY-MM-DD') AS due_on, due.kind,
              coalesce((SELECT array_agg(k.user_id::text ORDER BY k.user_id) FROM kpi_reminders k
                        WHERE k.startup_id = s.id AND k.period = due.period AND k.kind = due.kind), '{}') AS reminded
       FROM due
       JOIN cohorts c ON c.organisation_id = $1 AND c.starts_on < due."end" AND c.ends_on > due.start
       JOIN enrollments e ON e.cohort_id = c.id AND e.status IN ('admitted', 'active', 'graduated')
       JOIN startups s ON s.id = e.startup_id
       WHERE due.kind IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM kpi_reports r WHERE r.startup_id = s.id AND r.period = due.period AND r.status IN ('submitted', 'validated'))
       ORDER BY due.period, s.legal_name`,
      [organisationId, window.dueDays, window.daysBefore, window.lateWindowDays],
    );
    return rows.map(toDueKpiReport);
  }

  /** Remembers that a member was reminded of a report: a rerun sends nothing new. */
  async recordSent(reminder: { startupId: string; period: string; kind: 'before' | 'after'; userId: string }, db: Queryable = this.dataSource): Promise<void> {
    await db.query('INSERT INTO kpi_reminders (startup_id, period, kind, user_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      reminder.startupId,
      reminder.period,
      reminder.kind,
      reminder.userId,
    ]);
  }
}

function toDueKpiReport(row: DueKpiReportRow): DueKpiReport {
  return { startupId: row.startup_id, legalName: row.legal_name, period: row.period, dueOn: row.due_on, kind: row.kind, remindedUserIds: row.reminded };
}
