import { Module } from '@nestjs/common';
import { IdentityModule } from '@incubator/api/identity';
import { MailModule } from '@incubator/api/mail';
import { KpiReminderRepository } from './kpi-reminder.repository';
import { KpiReminders } from './kpi-reminders';
import { KpisProcessor } from './kpis.processor';

/** The worker side of KPIs: the reminders. Needs Config, Database and Queues in the app. */
@Module({ imports: [IdentityModule, MailModule], providers: [KpiReminderRepository, KpiReminders, KpisProcessor] })
export class KpiRemindersJobsModule {}
