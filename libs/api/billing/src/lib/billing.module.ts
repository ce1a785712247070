import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { MailModule } from '@incubator/api/mail';
import { OrganisationsModule } from '@incubator/api/organisations';
import { SpaceModule } from '@incubator/api/space';
import { BillingSettingsRepository } from './billing-settings.repository';
import { BillingSettingsService } from './billing-settings.service';
import { ChargeRepository } from './charges.repository';
import { ChargeService } from './charges.service';
import { CreditNoteService } from './credit-notes.service';
import { CustomerRepository } from './customers.repository';
import { CustomerService } from './customers.service';
import { FacturXInvoiceRenderer, InvoiceRenderer } from './invoices.documents';
import { InvoiceMailer } from './invoices.mailer';
import { InvoiceRepository } from './invoices.repository';
import { InvoiceService } from './invoices.service';
import { PaymentsModule } from './payments/payments.module';
import { BillingProcessor } from './runs.processor';
import { RunRepository } from './runs.repository';
import { RunService } from './runs.service';

const repositories = [BillingSettingsRepository, CustomerRepository, ChargeRepository, InvoiceRepository, RunRepository];
const services = [BillingSettingsService, CustomerService, ChargeService, InvoiceService, CreditNoteService, RunService, InvoiceMailer];

/**
 * Billing for the api (and the worker). Needs Config, Database and Queues in the app. `InvoiceRenderer`
 * makes the Factur-X files (einvoice/); tests may override it.
 */
@Module({
  imports: [AuditModule, MailModule, OrganisationsModule, SpaceModule],
  providers: [...repositories, ...services, { provide: InvoiceRenderer, useClass: FacturXInvoiceRenderer }],
  exports: [...services, InvoiceRenderer],
})
export class BillingModule {}

/** The worker side: drafting and issuing runs, mailing documents, overdue reminders. */
@Module({ imports: [BillingModule, PaymentsModule], providers: [BillingProcessor] })
export class BillingJobsModule {}
