import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { QueueProcessor } from '@incubator/api/queues';
import { KpisJob, QueueName } from '@incubator/contracts';
import { KpiReminderJob } from './kpi-reminder.job';

/** The kpis queue in the worker: the reminders each organisation's `kpi_reminders` schedule fires. */
@Processor(QueueName.Kpis)
export class KpisProcessor extends QueueProcessor<typeof QueueName.Kpis> {
  constructor(moduleRef: ModuleRef) {
    super(QueueName.Kpis, moduleRef, {
      jobs: [KpiReminderJob],
      schedules: { kpi_reminders: (organisationId) => ({ name: KpisJob.SendReminders, data: { organisationId } }) },
    });
  }
}
