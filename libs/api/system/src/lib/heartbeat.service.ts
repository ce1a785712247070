import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Repository } from 'typeorm';
import {
  HeartbeatJobPayload,
  HeartbeatRequestedResponse,
  HeartbeatResponse,
  HeartbeatSource,
  PageResponse,
  QueueName,
  SystemJob,
} from '@incubator/contracts';
import { Heartbeat } from './heartbeat.entity';

@Injectable()
export class HeartbeatService {
  constructor(
    @InjectRepository(Heartbeat) private readonly heartbeats: Repository<Heartbeat>,
    @InjectQueue(QueueName.System) private readonly systemQueue: Queue<HeartbeatJobPayload>,
  ) {}

  /** Enqueues a heartbeat for the worker; the API never writes the row itself. */
  async request(source: HeartbeatSource = 'api'): Promise<HeartbeatRequestedResponse> {
    const job = await this.systemQueue.add(SystemJob.Heartbeat, { source });
    return { jobId: String(job.id) };
  }

  /**
   * Records a processed heartbeat. Idempotent on the job id: a retry of the same job after a crash
   * between the insert and the acknowledgement keeps the one row.
   */
  async record(job: { id: string; source: HeartbeatSource; requestedAt: Date }, processedBy: string): Promise<void> {
    await this.heartbeats
      .createQueryBuilder()
      .insert()
      .values({ jobId: job.id, source: job.source, requestedAt: job.requestedAt, processedBy })
      .orIgnore()
      .execute();
  }

  async list(limit: number, offset: number): Promise<PageResponse<HeartbeatResponse>> {
    const [rows, total] = await this.heartbeats.findAndCount({
      order: { processedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toResponse), total, limit, offset };
  }

  async findByJobId(jobId: string): Promise<HeartbeatResponse | null> {
    const row = await this.heartbeats.findOneBy({ jobId });
    return row ? toResponse(row) : null;
  }
}

function toResponse(row: Heartbeat): HeartbeatResponse {
  return {
    id: row.id,
    jobId: row.jobId,
    source: row.source,
    requestedAt: row.requestedAt.toISOString(),
    processedAt: row.processedAt.toISOString(),
    processedBy: row.processedBy,
  };
}
