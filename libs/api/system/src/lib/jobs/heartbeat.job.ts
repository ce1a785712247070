import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { Job, JobContext, JobHandler } from '@incubator/api/queues';
import { SystemJob } from '@incubator/contracts';
import type { HeartbeatJobPayload } from '@incubator/contracts';
import { HeartbeatService } from '../heartbeat.service';

/** Records that a worker took a heartbeat job: proof, end to end, that the queues run. */
@JobHandler(SystemJob.Heartbeat)
export class HeartbeatJob implements Job<typeof SystemJob.Heartbeat> {
  private readonly logger = new Logger(HeartbeatJob.name);

  constructor(private readonly heartbeats: HeartbeatService) {}

  async handle({ source }: HeartbeatJobPayload, job: JobContext): Promise<void> {
    await this.heartbeats.record({ id: job.id, source, requestedAt: new Date(job.timestamp) }, `${hostname()}:${process.pid}`);
    this.logger.log({ jobId: job.id, source }, 'heartbeat recorded');
  }
}
