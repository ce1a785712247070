import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { QueueProcessor } from '@incubator/api/queues';
import { QueueName } from '@incubator/contracts';
import { PAYMENT_QUEUE_JOBS } from './payments/payments.module';
import { DraftRunJob, IssueRunJob, SendInvoiceJob } from './runs.jobs';

/**
 * The billing queue in the worker (one processor per queue): drafting and issuing runs, mailing
 * documents, and the payments side's overdue reminders with the schedule that fires them.
 */
@Processor(QueueName.Billing)
export class BillingProcessor extends QueueProcessor<typeof QueueName.Billing> {
  constructor(moduleRef: ModuleRef) {
    super(QueueName.Billing, moduleRef, {
      jobs: [DraftRunJob, IssueRunJob, SendInvoiceJob, ...PAYMENT_QUEUE_JOBS.jobs],
      schedules: PAYMENT_QUEUE_JOBS.schedules,
    });
  }
}
