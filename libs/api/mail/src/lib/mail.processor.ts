import { Logger, OnModuleDestroy } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@incubator/api/config';
import { MailJob, MailJobPayload, QueueName } from '@incubator/contracts';

/**
 * Sends queued emails through SMTP_URL with nodemailer. With MAIL_TRANSPORT=log (development and
 * tests only: production refuses it at start-up) nothing is sent and only the envelope is logged.
 * The body is never logged in either mode: its links carry invitation and reset tokens, and a log is
 * read by far more people, and kept far longer, than a mailbox.
 */
@Processor(QueueName.Mail)
export class MailProcessor extends WorkerHost implements OnModuleDestroy {
  private readonly logger = new Logger(MailProcessor.name);
  private readonly transport?: Transporter;

  constructor(private readonly config: AppConfig) {
    super();
    if (config.MAIL_TRANSPORT === 'smtp') this.transport = createTransport(config.SMTP_URL);
  }

  async process(job: Job<MailJobPayload>): Promise<void> {
    if (job.name !== MailJob.Send) throw new Error(`Unknown job "${job.name}" on queue "${QueueName.Mail}"`);
    const { to, subject, text, html, template } = job.data;
    const envelope = { jobId: job.id, to, subject, template: template ?? 'unnamed' };
    if (!this.transport) {
      const file = this.config.MAIL_OUTBOX_DIR ? await this.writeToOutbox(this.config.MAIL_OUTBOX_DIR, job) : undefined;
      this.logger.log({ ...envelope, file }, 'mail not sent (MAIL_TRANSPORT=log): body withheld from the log');
      return;
    }
    await this.transport.sendMail({ from: this.config.MAIL_FROM, to, subject, text, html });
    this.logger.log(envelope, 'mail sent');
  }

  /** Development only (refused in production): the whole mail as an .eml file a mail client opens. */
  private async writeToOutbox(dir: string, job: Job<MailJobPayload>): Promise<string> {
    const { to, subject, text } = job.data;
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${job.data.template ?? 'mail'}-${job.id}.eml`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const headers = [`From: ${this.config.MAIL_FROM}`, `To: ${to}`, `Subject: ${subject}`, 'Content-Type: text/plain; charset=utf-8'];
    await writeFile(file, `${headers.join('\r\n')}\r\n\r\n${text}`, { mode: 0o600 });
    return file;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
