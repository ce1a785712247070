import { Injectable, Logger } from '@nestjs/common';
import { MailService } from '@incubator/api/mail';
import { InvoiceRepository } from './invoices.repository';

const euros = (cents: number, locale: 'fr' | 'en') => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/**
 * The SendInvoice job's work: e-mails an issued document to the customer's recipients exactly once
 * (emailed_at is checked, then set; each recipient's mail has a deterministic job id).
 */
@Injectable()
export class InvoiceMailer {
  private readonly logger = new Logger(InvoiceMailer.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly mail: MailService,
  ) {}

  async send(organisationId: string, invoiceId: string): Promise<number> {
    const invoice = await this.invoices.get(organisationId, invoiceId);
    if (!invoice || invoice.status !== 'issued' || invoice.emailedAt) return 0;
    const recipients = await this.invoices.recipients(organisationId, invoice.startupId);
    if (recipients.length === 0) {
      this.logger.warn({ organisationId, invoiceId }, 'issued invoice has no recipient: not e-mailed');
      return 0;
    }
    const fr = invoice.locale === 'fr';
    const what = invoice.kind === 'credit_note' ? (fr ? 'Avoir' : 'Credit note') : fr ? 'Facture' : 'Invoice';
    const seller = invoice.seller?.name ?? '';
    const subject = `${what} ${invoice.number} — ${seller}`;
    const text = fr
      ? `Bonjour,\n\n${what} ${invoice.number} du ${invoice.issueDate} : ${euros(invoice.totalInclVatCents, 'fr')} TTC${invoice.kind === 'invoice' ? `, à régler avant le ${invoice.dueDate}` : ''}.\nLe PDF Factur-X et son XML sont dans votre espace, rubrique « Mes factures ».\n\n${seller}`
      : `Hello,\n\n${what} ${invoice.number} of ${invoice.issueDate}: ${euros(invoice.totalInclVatCents, 'en')} incl. VAT${invoice.kind === 'invoice' ? `, due by ${invoice.dueDate}` : ''}.\nThe Factur-X PDF and its XML are in your portal, under "My invoices".\n\n${seller}`;
    for (const to of recipients) await this.mail.send({ to, subject, text, template: 'billing-invoice' }, `billing-invoice:${invoiceId}:${to}`);
    await this.invoices.markEmailed(organisationId, invoiceId);
    return recipients.length;
  }
}
