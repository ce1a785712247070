import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '@incubator/api/config';
import { QueueName } from '@incubator/contracts';
import { redisConnectionOptions } from './redis-connection';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

/**
 * BullMQ on the configured Redis, with every queue registered so any module can inject a producer.
 * Failed jobs are retried with exponential backoff; finished jobs are trimmed so Redis stays small.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.REDIS_URL),
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { count: 1_000 },
          removeOnFail: { count: 5_000 },
        },
      }),
    }),
    ...queues,
  ],
  exports: queues,
})
export class QueuesModule {}
