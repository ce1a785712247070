import { Injectable } from '@nestjs/common';
import { AppConfig } from '@incubator/api/config';
import { MailService } from '@incubator/api/mail';
import { OrganisationSettingsService } from '@incubator/api/organisations';
import type { Locale } from '@incubator/contracts';
import { OverdueReminderRepository } from './overdue-reminder.repository';
import { euroText, localDate } from './payment.service';

/** Reminder levels by days past the due date: a first reminder the day after, a second after 15 days, a last after 30. */
export const REMINDER_LEVELS = [
  { level: 1, daysLate: 1 },
  { level: 2, daysLate: 15 },
  { level: 3, daysLate: 30 },
] as const;

/** Days from `from` to `to` (YYYY-MM-DD, calendar days). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The level an invoice due on `dueDate` has reached `today` (0: not late). */
export function reminderLevel(dueDate: string, today: string): number {
  const late = daysBetween(dueDate, today);
  return REMINDER_LEVELS.filter((l) => late >= l.daysLate).reduce((level, l) => l.level, 0);
}

interface ReminderText {
  seller: string;
  customer: string;
  number: string;
  dueDate: string;
  balance: string;
  level: number;
  link: string;
}

const TEXTS: Record<Locale, (t: ReminderText) => { subject: string; text: string }> = {
  fr: (t) => ({
    subject: `${t.level === 3 ? 'Dernière relance' : t.level === 2 ? 'Deuxième relance' : 'Relance'} : facture ${t.number} échue le ${t.dueDate}`,
    text:
      `Bonjour,\n\nSauf erreur de notre part, la facture ${t.number} adressée à ${t.customer}, échue le ${t.dueDate}, présente un solde impayé de ${t.balance} €.\n` +
      `Merci de procéder à son règlement dans les meilleurs délais en rappelant le numéro de facture. Si vous l’avez déjà réglée, ne tenez pas compte de ce message.\n` +
      `Des pénalités de retard et une indemnité forfaitaire de 40 € pour frais de recouvrement sont exigibles (art. L441-10 du Code de commerce).\n\n` +
      `Vos factures : ${t.link}\n\n${t.seller}\n`,
  }),
  en: (t) => ({
    subject: `${t.level === 3 ? 'Final reminder' : t.level === 2 ? 'Second reminder' : 'Reminder'}: invoice ${t.number} was due on ${t.dueDate}`,
    text:
      `Hello,\n\nUnless we are mistaken, invoice ${t.number} to ${t.customer}, due on ${t.dueDate}, has an unpaid balance of €${t.balance}.\n` +
      `Please pay it as soon as possible, quoting the invoice number. If you have already paid it, please disregard this message.\n` +
      `Late-payment penalties and a fixed €40 recovery indemnity are due (French Commercial Code, art. L441-10).\n\n` +
      `Your invoices: ${t.link}\n\n${t.seller}\n`,
  }),
};

/**
 * The overdue reminders of an organisation, sent when its `billing_reminders` schedule fires: for each
 * issued invoice past due with a balance, one e-mail per reminder level reached (1, 15, 30 days late) to
 * the customer's invoice recipients, in the customer's language. A row per (invoice, level) makes a
 * rerun send nothing new; the mail's dedupe key covers a crash between sending and recording.
 */
@Injectable()
export class OverdueReminders {
  constructor(
    private readonly reminders: OverdueReminderRepository,
    private readonly organisations: OrganisationSettingsService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async send(organisationId: string, now = new Date()): Promise<number> {
    const organisation = await this.organisations.get(organisationId);
    const today = localDate(organisation.timeZone, now);
    const link = `${this.config.PUBLIC_WEB_URL}/startup/billing`;
    let sent = 0;
    for (const invoice of await this.reminders.overdue(organisationId, today)) {
      const level = reminderLevel(invoice.dueDate, today);
      if (level === 0 || invoice.sentLevels.includes(level) || !invoice.recipients.length) continue;
      const message = TEXTS[invoice.locale]({
        seller: organisation.legalName ?? organisation.name,
        customer: invoice.customerName,
        number: invoice.number,
        dueDate: invoice.dueDate,
        balance: euroText(invoice.balanceCents),
        level,
        link,
      });
      for (const to of invoice.recipients) await this.mail.send({ to, ...message, template: 'billing-overdue-reminder' }, `billing-reminder:${invoice.invoiceId}:${level}:${to}`);
      if (await this.reminders.record(organisationId, invoice.invoiceId, level, invoice.recipients)) sent++;
    }
    return sent;
  }
}
