import { isJobName, JOB_QUEUE } from '@incubator/contracts';
import type { JobName, JobPayloads, QueueName } from '@incubator/contracts';
import type { JobContext } from './job-handler';

/** A handler as the registry holds it, whatever its job (its payload type is checked where it is declared). */
export interface RegisteredJob {
  handle(data: JobPayloads[JobName], context: JobContext): Promise<void>;
  failed?(data: JobPayloads[JobName], error: Error, final: boolean): Promise<void>;
}

/** The part of a BullMQ job the registry reads. */
export interface QueuedJob {
  id?: string;
  name: string;
  data: JobPayloads[JobName];
  timestamp: number;
  attemptsMade: number;
  opts: { attempts?: number };
}

/**
 * The handlers of one queue, by job name. A job name the queue does not run, or that nobody handles,
 * fails the job loudly (api and worker disagree on the contract: retrying would not help); a second
 * handler for the same name is refused when the worker starts.
 */
export class JobRegistry<Q extends QueueName> {
  private readonly handlers = new Map<JobName, RegisteredJob>();

  constructor(readonly queue: Q) {}

  register(name: unknown, handler: RegisteredJob): void {
    if (typeof name !== 'string' || !isJobName(name) || JOB_QUEUE[name] !== this.queue) {
      throw new Error(`No job "${String(name)}" runs on queue "${this.queue}"`);
    }
    if (this.handlers.has(name)) throw new Error(`Job "${name}" on queue "${this.queue}" has two handlers`);
    this.handlers.set(name, handler);
  }

  async dispatch(job: QueuedJob): Promise<void> {
    await this.handler(job.name).handle(job.data, { id: String(job.id), timestamp: job.timestamp, attemptsMade: job.attemptsMade });
  }

  /** Tells the job's handler of a failed attempt (nothing for a job nobody handles: its failure is the point). */
  async failed(job: QueuedJob, error: Error): Promise<void> {
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    await handler?.failed?.(job.data, error, job.attemptsMade >= (job.opts.attempts ?? 1));
  }

  private handler(name: string): RegisteredJob {
    const handler = isJobName(name) && JOB_QUEUE[name] === this.queue ? this.handlers.get(name) : undefined;
    if (!handler) throw new Error(`Unknown job "${name}" on queue "${this.queue}"`);
    return handler;
  }
}
