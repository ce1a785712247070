import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@incubator/api/config';
import { JobQueues } from '@incubator/api/queues';
import { SystemJob } from '@incubator/contracts';

export const HEARTBEAT_SCHEDULER_ID = 'system:heartbeat';

/**
 * Registers the repeatable heartbeat. Only the worker loads this, so running several API replicas
 * never fires the schedule twice; upserting by a fixed id keeps one schedule across worker replicas.
 */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatScheduler.name);

  constructor(
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.upsertScheduler(HEARTBEAT_SCHEDULER_ID, { pattern: this.config.HEARTBEAT_CRON, tz: 'UTC' }, { name: SystemJob.Heartbeat, data: { source: 'schedule' } });
    this.logger.log(`heartbeat scheduled (${this.config.HEARTBEAT_CRON}, UTC)`);
  }
}
