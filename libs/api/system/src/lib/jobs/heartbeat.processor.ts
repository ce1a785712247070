import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { hostname } from 'node:os';
import { Job } from 'bullmq';
import { AppConfig } from '@incubator/api/config';
import { HeartbeatJobPayload, QueueName, SystemJob } from '@incubator/contracts';
import { HeartbeatService } from '../heartbeat.service';

/** Processes the system queue in the worker. */
@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(
    private readonly heartbeats: HeartbeatService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job<HeartbeatJobPayload>): Promise<void> {
    switch (job.name) {
      case SystemJob.Heartbeat:
        await this.heartbeats.record(
          { id: String(job.id), source: job.data.source, requestedAt: new Date(job.timestamp) },
          `${hostname()}:${process.pid}`,
        );
        this.logger.log({ jobId: job.id, source: job.data.source }, 'heartbeat recorded');
        return;
      default:
        // An unknown name means api and worker disagree on the contract: fail loudly, do not retry forever.
        throw new Error(`Unknown job "${job.name}" on queue "${QueueName.System}"`);
    }
  }
}
