import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '@incubator/api/config';
import { QueueProcessor } from '@incubator/api/queues';
import { QueueName } from '@incubator/contracts';
import { HeartbeatJob } from './heartbeat.job';

export { HeartbeatJob } from './heartbeat.job';

/** The system queue in the worker: heartbeats. */
@Processor(QueueName.System)
export class SystemProcessor extends QueueProcessor<typeof QueueName.System> implements OnApplicationBootstrap {
  constructor(
    moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {
    super(QueueName.System, moduleRef, { jobs: [HeartbeatJob] });
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }
}
