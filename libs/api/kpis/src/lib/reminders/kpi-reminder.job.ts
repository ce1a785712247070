import { Logger } from '@nestjs/common';
import { Job, JobHandler } from '@incubator/api/queues';
import { KpisJob } from '@incubator/contracts';
import type { KpiRemindersPayload } from '@incubator/contracts';
import { KpiReminders } from './kpi-reminders';

/** The organisation's `kpi_reminders` schedule fired: remind the startups whose reports are due or late. */
@JobHandler(KpisJob.SendReminders)
export class KpiReminderJob implements Job<typeof KpisJob.SendReminders> {
  private readonly logger = new Logger(KpiReminderJob.name);

  constructor(private readonly reminders: KpiReminders) {}

  async handle({ organisationId }: KpiRemindersPayload): Promise<void> {
    const sent = await this.reminders.send(organisationId);
    this.logger.log({ organisationId, sent }, 'KPI reminders sent');
  }
}
