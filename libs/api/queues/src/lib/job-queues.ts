import { Injectable } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import type { Job as BullJob, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import { JOB_QUEUE, QueueName } from '@incubator/contracts';
import type { JobName, JobPayloads, JobRequest } from '@incubator/contracts';

/**
 * Adds a job to a queue it runs on, its payload checked against its name (`data: JobPayloads[N]`):
 * the typed way to enqueue for a producer holding one queue.
 */
export async function addJob<N extends JobName>(queue: Queue, name: N, data: JobPayloads[N], opts?: JobsOptions): Promise<BullJob> {
  if (queue.name !== JOB_QUEUE[name]) throw new Error(`Job "${name}" runs on queue "${JOB_QUEUE[name]}", not "${queue.name}"`);
  return queue.add(name, data, opts);
}

/** Every queue, for producers that pick the queue by job name (and the admin's queue page). */
@Injectable()
export class JobQueues {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return Object.values(QueueName).map((name) => this.queue(name));
  }

  /** Enqueues a job on the queue it runs on. */
  add<N extends JobName>(name: N, data: JobPayloads[N], opts?: JobsOptions): Promise<BullJob> {
    return addJob(this.queue(JOB_QUEUE[name]), name, data, opts);
  }

  /** A repeatable job under a fixed id, on the queue its job runs on. */
  async upsertScheduler(id: string, repeat: Omit<RepeatOptions, 'key'>, job: JobRequest): Promise<void> {
    await this.queue(JOB_QUEUE[job.name]).upsertJobScheduler(id, repeat, { name: job.name, data: job.data });
  }

  async removeScheduler(queue: QueueName, id: string): Promise<void> {
    await this.queue(queue).removeJobScheduler(id);
  }
}
