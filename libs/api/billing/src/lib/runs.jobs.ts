import { Logger } from '@nestjs/common';
import { Job, JobHandler } from '@incubator/api/queues';
import { BillingJob } from '@incubator/contracts';
import type { BillingInvoicePayload, BillingRunPayload } from '@incubator/contracts';
import { InvoiceMailer } from './invoices.mailer';
import { RunService } from './runs.service';

/** Drafts a billing run's invoices (job id `billing-draft.{runId}`); a retry drafts only what is missing. */
@JobHandler(BillingJob.DraftRun)
export class DraftRunJob implements Job<typeof BillingJob.DraftRun> {
  constructor(private readonly runs: RunService) {}

  handle({ organisationId, runId }: BillingRunPayload): Promise<void> {
    return this.runs.draft(organisationId, runId);
  }

  async failed({ organisationId, runId }: BillingRunPayload, error: Error, final: boolean): Promise<void> {
    if (final) await this.runs.fail(organisationId, runId, error);
  }
}

/** Issues a run's drafts (job id `billing-issue.{runId}`); a retry issues only the drafts left. */
@JobHandler(BillingJob.IssueRun)
export class IssueRunJob implements Job<typeof BillingJob.IssueRun> {
  constructor(private readonly runs: RunService) {}

  handle({ organisationId, runId }: BillingRunPayload): Promise<void> {
    return this.runs.issue(organisationId, runId);
  }

  async failed({ organisationId, runId }: BillingRunPayload, error: Error, final: boolean): Promise<void> {
    if (final) await this.runs.fail(organisationId, runId, error);
  }
}

/** Mails an issued invoice or credit note once (job id `billing-send.{invoiceId}`; emailed_at checked first). */
@JobHandler(BillingJob.SendInvoice)
export class SendInvoiceJob implements Job<typeof BillingJob.SendInvoice> {
  private readonly logger = new Logger(SendInvoiceJob.name);

  constructor(private readonly mailer: InvoiceMailer) {}

  async handle({ organisationId, invoiceId }: BillingInvoicePayload): Promise<void> {
    const sent = await this.mailer.send(organisationId, invoiceId);
    this.logger.log({ organisationId, invoiceId, sent }, 'invoice e-mailed');
  }
}
