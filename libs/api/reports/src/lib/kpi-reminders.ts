import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { MailService } from '@incubator/api/mail';
import { KPI_REPORT_DUE_DAYS } from '@incubator/contracts';
import type { Locale } from '@incubator/contracts';

/** Reminders go out this many days before a report is due, and once after it is late (within a month). */
export const REMIND_DAYS_BEFORE = 3;
const LATE_WINDOW_DAYS = 35;

const TEXTS: Record<Locale, Record<'before' | 'after', (startup: string, period: string, dueOn: string, link: string) => { subject: string; text: string }>> = {
  fr: {
    before: (startup, period, dueOn, link) => ({
      subject: `Rapport KPI ${period} à remettre avant le ${dueOn}`,
      text: `Bonjour,\n\nLe rapport KPI de ${startup} pour ${period} est attendu au plus tard le ${dueOn}.\nRemplissez-le ici : ${link}\n`,
    }),
    after: (startup, period, dueOn, link) => ({
      subject: `Rapport KPI ${period} en retard`,
      text: `Bonjour,\n\nLe rapport KPI de ${startup} pour ${period} était attendu le ${dueOn} et n’a pas encore été soumis.\nRemplissez-le ici : ${link}\n`,
    }),
  },
  en: {
    before: (startup, period, dueOn, link) => ({
      subject: `KPI report ${period} due by ${dueOn}`,
      text: `Hello,\n\nThe KPI report of ${startup} for ${period} is due by ${dueOn}.\nFill it in here: ${link}\n`,
    }),
    after: (startup, period, dueOn, link) => ({
      subject: `KPI report ${period} is late`,
      text: `Hello,\n\nThe KPI report of ${startup} for ${period} was due on ${dueOn} and has not been submitted yet.\nFill it in here: ${link}\n`,
    }),
  },
};

/**
 * The daily KPI reminders of an organisation: for each monthly report expected from an active startup
 * and not yet submitted, one e-mail to each of its members a few days before the due date and one after
 * it, in the member's language. A row per (startup, period, kind, member) makes a rerun send nothing new.
 */
@Injectable()
export class KpiReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async send(organisationId: string): Promise<number> {
    const rows: Array<{ startup_id: string; legal_name: string; period: string; due_on: string; kind: 'before' | 'after'; user_id: string; email: string; locale: Locale }> =
      await this.dataSource.query(
        `WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organisations WHERE id = $1),
              months AS (
                SELECT m::date AS start, (m + interval '1 month')::date AS "end", to_char(m, 'YYYY-MM') AS period,
                       (m + interval '1 month')::date + $2::int AS due_on
                FROM today, generate_series(date_trunc('month', today.d - 75), today.d, interval '1 month') m),
              due AS (
                SELECT months.*, CASE WHEN t.d >= due_on - $3::int AND t.d < due_on THEN 'before'
                                      WHEN t.d > due_on AND t.d <= due_on + $4::int THEN 'after' END AS kind
                FROM months, today t)
         SELECT DISTINCT s.id AS startup_id, s.legal_name, due.period, to_char(due.due_on, 'YYYY-MM-DD') AS due_on, due.kind, u.id AS user_id, u.email, u.locale
         FROM due
         JOIN cohorts c ON c.organisation_id = $1 AND c.starts_on < due."end" AND c.ends_on > due.start
         JOIN enrollments e ON e.cohort_id = c.id AND e.status IN ('admitted', 'active', 'graduated')
         JOIN startups s ON s.id = e.startup_id
         JOIN memberships mb ON mb.startup_id = s.id AND mb.organisation_id = $1 AND mb.role = 'startup' AND mb.is_active
         JOIN users u ON u.id = mb.user_id
         WHERE due.kind IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM kpi_reports r WHERE r.startup_id = s.id AND r.period = due.period AND r.status IN ('submitted', 'validated'))
           AND NOT EXISTS (SELECT 1 FROM kpi_reminders k WHERE k.startup_id = s.id AND k.period = due.period AND k.kind = due.kind AND k.user_id = u.id)
         ORDER BY due.period, s.legal_name`,
        [organisationId, KPI_REPORT_DUE_DAYS, REMIND_DAYS_BEFORE, LATE_WINDOW_DAYS],
      );
    const link = `${this.config.PUBLIC_WEB_URL}/startup/kpis`;
    for (const row of rows) {
      const message = TEXTS[row.locale][row.kind](row.legal_name, row.period, row.due_on, link);
      await this.mail.send({ to: row.email, ...message }, `kpi-reminder:${row.startup_id}:${row.period}:${row.kind}:${row.user_id}`);
      await this.dataSource.query('INSERT INTO kpi_reminders (startup_id, period, kind, user_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [row.startup_id, row.period, row.kind, row.user_id]);
    }
    return rows.length;
  }
}
