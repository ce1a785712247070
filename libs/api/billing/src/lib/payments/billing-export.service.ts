import { Injectable } from '@nestjs/common';
import { OrganisationSettingsService } from '@incubator/api/organisations';
import { renderTable } from '@incubator/api/sql';
import type { TableFormat } from '@incubator/api/sql';
import type { BillingQuarterSummary, Locale } from '@incubator/contracts';
import { BillingExportRepository } from './billing-export.repository';
import { buildFec, fecFileName } from './fec';
import { PaymentErrors } from './payments.errors';
import { euroText, localDate } from './payment.service';
import { invoiceBalance, settlementStatus } from './settlement';

export interface ExportedFile {
  fileName: string;
  data: Buffer;
}

/** The board's summary covers at most ten years. */
export const MAX_SUMMARY_QUARTERS = 40;

/** The customer's auxiliary account in the FEC: stable per startup (C + the first 8 hex digits of its id). */
export const customerAccount = (startupId: string): string => `C${startupId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

const INVOICE_HEADERS: Record<Locale, string[]> = {
  fr: ['Numéro', 'Type', 'Date', 'Échéance', 'Client', 'SIREN', 'Facture corrigée', 'HT €', 'TVA €', 'TTC €', 'Payé €', 'Avoirs €', 'Solde €', 'Règlement'],
  en: ['Number', 'Kind', 'Date', 'Due', 'Customer', 'SIREN', 'Corrected invoice', 'Excl. VAT €', 'VAT €', 'Incl. VAT €', 'Paid €', 'Credited €', 'Balance €', 'Settlement'],
};
const PAYMENT_HEADERS: Record<Locale, string[]> = {
  fr: ['Date', 'Facture', 'Client', 'Moyen', 'Montant €', 'Référence', 'Référence bancaire'],
  en: ['Date', 'Invoice', 'Customer', 'Method', 'Amount €', 'Reference', 'Bank reference'],
};
const KIND_LABELS: Record<Locale, Record<string, string>> = {
  fr: { invoice: 'Facture', credit_note: 'Avoir', transfer: 'Virement', direct_debit: 'Prélèvement', other: 'Autre' },
  en: { invoice: 'Invoice', credit_note: 'Credit note', transfer: 'Transfer', direct_debit: 'Direct debit', other: 'Other' },
};
const SETTLEMENT_LABELS: Record<Locale, Record<string, string>> = {
  fr: { unpaid: 'Non payée', partially_paid: 'Partiellement payée', paid: 'Payée', overdue: 'En retard', credited: 'Annulée par avoir' },
  en: { unpaid: 'Unpaid', partially_paid: 'Partially paid', paid: 'Paid', overdue: 'Overdue', credited: 'Credited' },
};

/**
 * The accounting exports of a period (the FEC, invoices and payments as CSV or XLSX through the one table
 * writer of the platform) and the board's quarterly totals. Issued documents only: drafts are nobody's books.
 */
@Injectable()
export class BillingExportService {
  constructor(
    private readonly exports: BillingExportRepository,
    private readonly organisations: OrganisationSettingsService,
  ) {}

  async fec(organisationId: string, from: string, to: string): Promise<ExportedFile> {
    assertPeriod(from, to);
    const organisation = await this.organisations.get(organisationId);
    if (!organisation.siren) throw PaymentErrors.seller_siren_missing();
    const [documents, payments] = await Promise.all([this.exports.issuedDocuments(organisationId, from, to), this.exports.payments(organisationId, from, to)]);
    const fec = buildFec(
      documents.map((d) => ({ ...d, customerAccount: customerAccount(d.startupId) })),
      payments.map((p) => ({ ...p, customerAccount: customerAccount(p.startupId) })),
    );
    return { fileName: fecFileName(organisation.siren, to), data: Buffer.from(fec, 'utf8') };
  }

  async invoices(organisationId: string, from: string, to: string, format: TableFormat, locale: Locale): Promise<ExportedFile> {
    assertPeriod(from, to);
    const organisation = await this.organisations.get(organisationId);
    const today = localDate(organisation.timeZone);
    const documents = await this.exports.issuedDocuments(organisationId, from, to);
    const rows = documents.map((d) => {
      const settlement = settlementStatus({ ...d, status: 'issued' }, today);
      return [
        d.number,
        KIND_LABELS[locale][d.kind],
        d.issueDate,
        d.dueDate,
        d.customerName,
        d.customerSiren,
        d.creditedInvoiceNumber,
        euroText(d.totalExclVatCents),
        euroText(d.vatCents),
        euroText(d.totalInclVatCents),
        euroText(d.paidCents),
        euroText(d.creditedCents),
        d.kind === 'invoice' ? euroText(invoiceBalance(d)) : null,
        settlement ? SETTLEMENT_LABELS[locale][settlement] : null,
      ];
    });
    const data = await renderTable(locale === 'fr' ? 'Factures' : 'Invoices', INVOICE_HEADERS[locale], rows, format, locale);
    return { fileName: `${locale === 'fr' ? 'factures' : 'invoices'}-${from}-${to}.${format}`, data };
  }

  async payments(organisationId: string, from: string, to: string, format: TableFormat, locale: Locale): Promise<ExportedFile> {
    assertPeriod(from, to);
    const payments = await this.exports.payments(organisationId, from, to);
    const rows = payments.map((p) => [p.receivedOn, p.invoiceNumber, p.customerName, KIND_LABELS[locale][p.kind], euroText(p.amountCents), p.reference, p.bankEntryReference]);
    const data = await renderTable(locale === 'fr' ? 'Paiements' : 'Payments', PAYMENT_HEADERS[locale], rows, format, locale);
    return { fileName: `${locale === 'fr' ? 'paiements' : 'payments'}-${from}-${to}.${format}`, data };
  }

  /** Billed, collected and overdue per quarter, months `YYYY-MM` inclusive (at most 5 years). */
  summary(organisationId: string, fromMonth: string, toMonth: string): Promise<BillingQuarterSummary[]> {
    if (toMonth < fromMonth) throw PaymentErrors.period_reversed();
    const quarters = (month: string) => Number(month.slice(0, 4)) * 4 + Math.floor((Number(month.slice(5, 7)) - 1) / 3);
    if (quarters(toMonth) - quarters(fromMonth) + 1 > MAX_SUMMARY_QUARTERS) throw PaymentErrors.period_too_long({ maxQuarters: MAX_SUMMARY_QUARTERS });
    return this.exports.quarters(organisationId, `${fromMonth}-01`, `${toMonth}-01`);
  }
}

function assertPeriod(from: string, to: string): void {
  if (to < from) throw PaymentErrors.period_reversed();
}
