import { Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '@incubator/api/config';
import { Job, JobContext, JobHandler } from '@incubator/api/queues';
import { MailJob } from '@incubator/contracts';
import type { MailJobPayload } from '@incubator/contracts';
import { MailTransport } from './mail-transport';

/**
 * Sends a queued email through SMTP_URL with nodemailer. With MAIL_TRANSPORT=log (development and
 * tests only: production refuses it at start-up) nothing is sent and only the envelope is logged.
 * The body is never logged in either mode: its links carry invitation and reset tokens, and a log is
 * read by far more people, and kept far longer, than a mailbox.
 */
@JobHandler(MailJob.Send)
export class MailSendJob implements Job<typeof MailJob.Send> {
  private readonly logger = new Logger(MailSendJob.name);

  constructor(
    private readonly config: AppConfig,
    private readonly transport: MailTransport,
  ) {}

  async handle(mail: MailJobPayload, job: JobContext): Promise<void> {
    const { to, subject, text, html, template } = mail;
    const envelope = { jobId: job.id, to, subject, template: template ?? 'unnamed' };
    if (!this.transport.smtp) {
      const file = this.config.MAIL_OUTBOX_DIR ? await this.writeToOutbox(this.config.MAIL_OUTBOX_DIR, mail, job.id) : undefined;
      this.logger.log({ ...envelope, file }, 'mail not sent (MAIL_TRANSPORT=log): body withheld from the log');
      return;
    }
    await this.transport.smtp.sendMail({ from: this.config.MAIL_FROM, to, subject, text, html });
    this.logger.log(envelope, 'mail sent');
  }

  /** Development only (refused in production): the whole mail as an .eml file a mail client opens. */
  private async writeToOutbox(dir: string, { to, subject, text, template }: MailJobPayload, jobId: string): Promise<string> {
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${template ?? 'mail'}-${jobId}.eml`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const headers = [`From: ${this.config.MAIL_FROM}`, `To: ${to}`, `Subject: ${subject}`, 'Content-Type: text/plain; charset=utf-8'];
    await writeFile(file, `${headers.join('\r\n')}\r\n\r\n${text}`, { mode: 0o600 });
    return file;
  }
}
