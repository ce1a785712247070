import { Logger } from '@nestjs/common';
import { Job, JobHandler } from '@incubator/api/queues';
import { BillingJob } from '@incubator/contracts';
import type { BillingRemindersPayload } from '@incubator/contracts';
import { OverdueReminders } from './overdue-reminders';

/** The organisation's `billing_reminders` schedule fired: remind the customers of their overdue invoices. */
@JobHandler(BillingJob.SendOverdueReminders)
export class OverdueReminderJob implements Job<typeof BillingJob.SendOverdueReminders> {
  private readonly logger = new Logger(OverdueReminderJob.name);

  constructor(private readonly reminders: OverdueReminders) {}

  async handle({ organisationId }: BillingRemindersPayload): Promise<void> {
    const sent = await this.reminders.send(organisationId);
    this.logger.log({ organisationId, sent }, 'overdue invoice reminders sent');
  }
}
