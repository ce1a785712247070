import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig } from '@incubator/api/config';
import { HeartbeatJobPayload, QueueName, SystemJob } from '@incubator/contracts';

export const HEARTBEAT_SCHEDULER_ID = 'system:heartbeat';

/**
 * Registers the repeatable heartbeat. Only the worker loads this, so running several API replicas
 * never fires the schedule twice; upserting by a fixed id keeps one schedule across worker replicas.
 */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatScheduler.name);

  constructor(
    @InjectQueue(QueueName.System) private readonly systemQueue: Queue<HeartbeatJobPayload>,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.systemQueue.upsertJobScheduler(
      HEARTBEAT_SCHEDULER_ID,
      { pattern: this.config.HEARTBEAT_CRON, tz: 'UTC' },
      { name: SystemJob.Heartbeat, data: { source: 'schedule' } },
    );
    this.logger.log(`heartbeat scheduled (${this.config.HEARTBEAT_CRON}, UTC)`);
  }
}
