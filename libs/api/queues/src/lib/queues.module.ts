import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { DefaultJobOptions } from 'bullmq';
import { AppConfig } from '@incubator/api/config';
import { QueueName } from '@incubator/contracts';
import { JobQueues } from './job-queues';
import { redisConnection } from './redis-connection';
import { ScheduleRegistry } from './schedule-registry';

/** Retried with exponential backoff, the same for every queue. */
const RETRIES: DefaultJobOptions = { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } };

/**
 * A mail job carries the mail's text, invitation and reset links included: Redis drops it as soon as the
 * worker is done, sent or finally failed (the worker logs the failure, never the body). A queue's own
 * defaultJobOptions replace the shared ones whole, hence the retries repeated.
 */
const QUEUE_OPTIONS: Partial<Record<QueueName, { defaultJobOptions: DefaultJobOptions }>> = {
  [QueueName.Mail]: { defaultJobOptions: { ...RETRIES, removeOnComplete: true, removeOnFail: true } },
};

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name, ...QUEUE_OPTIONS[name] }));

/**
 * BullMQ on the configured Redis, with every queue registered so any module can inject a producer
 * (or `JobQueues`, which picks the queue by job name), and the schedule registry the domains fill.
 * Failed jobs are retried with exponential backoff; finished jobs are trimmed so Redis stays small.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisConnection(config),
        defaultJobOptions: {
          ...RETRIES,
          removeOnComplete: { count: 1_000 },
          removeOnFail: { count: 5_000 },
        },
      }),
    }),
    ...queues,
  ],
  providers: [JobQueues, ScheduleRegistry],
  exports: [...queues, JobQueues, ScheduleRegistry],
})
export class QueuesModule {}
