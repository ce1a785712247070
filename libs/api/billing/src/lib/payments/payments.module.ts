import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { MailModule } from '@incubator/api/mail';
import { OrganisationsModule } from '@incubator/api/organisations';
import type { QueueJobs } from '@incubator/api/queues';
import { BillingJob } from '@incubator/contracts';
import { BillingExportRepository } from './billing-export.repository';
import { BillingExportService } from './billing-export.service';
import { OverdueReminderJob } from './overdue-reminder.job';
import { OverdueReminderRepository } from './overdue-reminder.repository';
import { OverdueReminders } from './overdue-reminders';
import { PaymentRepository } from './payment.repository';
import { PaymentService } from './payment.service';

const PROVIDERS = [PaymentRepository, PaymentService, BillingExportRepository, BillingExportService, OverdueReminderRepository, OverdueReminders];

/**
 * Payments, bank statements, direct-debit batches, accounting exports and overdue reminders. Imported by
 * the API and by the billing queue's worker module, whose processor lists PAYMENT_QUEUE_JOBS (one
 * processor per queue: the billing queue's belongs to the billing core).
 */
@Module({ imports: [AuditModule, OrganisationsModule, MailModule], providers: PROVIDERS, exports: PROVIDERS })
export class PaymentsModule {}

/** What the billing queue's processor runs for payments: the overdue reminders job and the schedule firing it. */
export const PAYMENT_QUEUE_JOBS = {
  jobs: [OverdueReminderJob],
  schedules: { billing_reminders: (organisationId: string) => ({ name: BillingJob.SendOverdueReminders, data: { organisationId } }) },
} satisfies QueueJobs<'billing'>;
