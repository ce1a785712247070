import { Logger, OnModuleDestroy } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@incubator/api/config';
import { MailJob, MailJobPayload, QueueName } from '@incubator/contracts';

/**
 * Sends queued emails through SMTP_URL with nodemailer. Without SMTP_URL (local development) the
 * message is written to the worker log instead, links included, so invitations can still be followed.
 */
@Processor(QueueName.Mail)
export class MailProcessor extends WorkerHost implements OnModuleDestroy {
  private readonly logger = new Logger(MailProcessor.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    super();
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : createTransport({ jsonTransport: true });
  }

  async process(job: Job<MailJobPayload>): Promise<void> {
    if (job.name !== MailJob.Send) throw new Error(`Unknown job "${job.name}" on queue "${QueueName.Mail}"`);
    const { to, subject, text, html } = job.data;
    await this.transport.sendMail({ from: this.config.MAIL_FROM, to, subject, text, html });
    if (this.config.SMTP_URL) this.logger.log({ jobId: job.id, to, subject }, 'mail sent');
    else this.logger.log({ jobId: job.id, to, subject, text }, 'mail not sent (no SMTP_URL): logged instead');
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
