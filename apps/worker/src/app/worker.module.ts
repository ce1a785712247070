import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule, logDestination } from '@incubator/api/config';
import { BillingJobsModule } from '@incubator/api/billing';
import { DatabaseModule } from '@incubator/api/database';
import { KpiRemindersJobsModule } from '@incubator/api/kpis';
import { QueuesModule } from '@incubator/api/queues';
import { MailJobsModule } from '@incubator/api/mail';
import { ReportsJobsModule } from '@incubator/api/reports';
import { SpaceJobsModule } from '@incubator/api/space';
import { SystemJobsModule } from '@incubator/api/system';

/**
 * The worker: every queue processor and every repeatable job, and no HTTP server. Each domain's jobs
 * module brings its queue's processor, its job classes and the schedule kinds it answers.
 */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options = { level: config.LOG_LEVEL, base: { service: 'worker' } };
        const destination = logDestination(config);
        return { pinoHttp: destination ? [options, destination] : options };
      },
    }),
    DatabaseModule,
    QueuesModule,
    SystemJobsModule,
    MailJobsModule,
    SpaceJobsModule,
    KpiRemindersJobsModule,
    ReportsJobsModule,
    BillingJobsModule,
  ],
})
export class WorkerModule {}
