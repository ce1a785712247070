import { Injectable } from '@nestjs/common';
import { JobQueues } from '@incubator/api/queues';
import { MailJob } from '@incubator/contracts';
import type { MailJobPayload } from '@incubator/contracts';

/** Queues an email for the worker to send (retried with backoff if the SMTP server is down). */
@Injectable()
export class MailService {
  constructor(private readonly queues: JobQueues) {}

  /**
   * `dedupeKey` makes the job id deterministic: the same email is never queued twice. (BullMQ refuses
   * custom ids with colons unless they have exactly three parts, so colons become dots.)
   */
  async send(message: MailJobPayload, dedupeKey?: string): Promise<void> {
    await this.queues.add(MailJob.Send, message, dedupeKey ? { jobId: `mail.${dedupeKey.replaceAll(':', '.')}` } : undefined);
  }
}
