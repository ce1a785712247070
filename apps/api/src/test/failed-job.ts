import { Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';

/**
 * Leaves a failed job of the given organisation in a queue, as a crashed run would, without starting
 * the worker's processors: its id and failure reason name the organisation, which is what a caller
 * outside the platform must never read.
 */
export async function failedJobOf(queue: Queue, organisationId: string, reason: string): Promise<string> {
  const id = `probe.${organisationId}.${randomUUID()}`;
  // lifo: this job is the next one handed out, whatever earlier tests left waiting in the queue.
  await queue.add('probe', { organisationId }, { jobId: id, lifo: true, attempts: 1 });
  const worker = new Worker(queue.name, null, { connection: queue.opts.connection, autorun: false });
  try {
    const token = randomUUID();
    const job = await worker.getNextJob(token, { block: false });
    if (job?.id !== id) throw new Error(`expected the probe job ${id} next in ${queue.name}, got ${job?.id}`);
    await job.moveToFailed(new Error(reason), token, false);
  } finally {
    await worker.close();
  }
  return id;
}
