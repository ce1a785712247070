import { Injectable } from '@nestjs/common';
import { AppConfig } from '@incubator/api/config';
import { MemberDirectory } from '@incubator/api/identity';
import { MailService } from '@incubator/api/mail';
import { KPI_REPORT_DUE_DAYS } from '@incubator/contracts';
import type { Locale } from '@incubator/contracts';
import { KpiReminderRepository } from './kpi-reminder.repository';

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
    private readonly reminders: KpiReminderRepository,
    private readonly members: MemberDirectory,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async send(organisationId: string): Promise<number> {
    const due = await this.reminders.due(organisationId, { dueDays: KPI_REPORT_DUE_DAYS, daysBefore: REMIND_DAYS_BEFORE, lateWindowDays: LATE_WINDOW_DAYS });
    if (!due.length) return 0;
    const members = await this.members.activeMembers(organisationId, { roles: ['startup'], startupIds: [...new Set(due.map((report) => report.startupId))] });
    const link = `${this.config.PUBLIC_WEB_URL}/startup/kpis`;
    let sent = 0;
    for (const report of due) {
      for (const member of members.filter((m) => m.startupId === report.startupId && !report.remindedUserIds.includes(m.userId))) {
        const message = TEXTS[member.locale][report.kind](report.legalName, report.period, report.dueOn, link);
        await this.mail.send({ to: member.email, ...message }, `kpi-reminder:${report.startupId}:${report.period}:${report.kind}:${member.userId}`);
        await this.reminders.recordSent({ startupId: report.startupId, period: report.period, kind: report.kind, userId: member.userId });
        sent++;
      }
    }
    return sent;
  }
}
