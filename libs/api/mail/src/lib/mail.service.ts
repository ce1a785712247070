import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { MailJob, MailJobPayload, QueueName } from '@incubator/contracts';

/** Queues an email for the worker to send (retried with backoff if the SMTP server is down). */
@Injectable()
export class MailService {
  constructor(@InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<MailJobPayload>) {}

  /**
   * `dedupeKey` makes the job id deterministic: the same email is never queued twice. (BullMQ refuses
   * custom ids with colons unless they have exactly three parts, so colons become dots.)
   */
  async send(message: MailJobPayload, dedupeKey?: string): Promise<void> {
    await this.mailQueue.add(MailJob.Send, message, dedupeKey ? { jobId: `mail.${dedupeKey.replaceAll(':', '.')}` } : undefined);
  }
}
