import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditActor } from '@incubator/api/audit';
import { OrganisationSettingsService } from '@incubator/api/organisations';
import { JobQueues } from '@incubator/api/queues';
import { BillingJob } from '@incubator/contracts';
import type { InvoiceDetail, InvoiceLine, InvoiceSummary, PageResponse } from '@incubator/contracts';
import type { EInvoiceDocument } from './einvoice/einvoice-document';
import { BillingErrors } from './billing.errors';
import { BillingSettingsRepository } from './billing-settings.repository';
import { ChargeRepository } from './charges.repository';
import { CustomerRepository } from './customers.repository';
import { addDays, buildEInvoiceDocument, type CustomerSnapshot, invoiceNumber, type SellerSnapshot, issueDateIn } from './invoice-totals';
import { InvoiceRenderer } from './invoices.documents';
import { type InvoiceFilter, type InvoiceRecord, InvoiceRepository, type StoredLine } from './invoices.repository';
import type { BillingReader } from './customers.service';

/** Job ids are deterministic; BullMQ takes a colon only in three-part ids, so `billing-send.{invoiceId}`. */
export const sendJobId = (invoiceId: string) => `billing-send.${invoiceId}`;

/** Who issues: a person (audited as them) or the worker on their behalf (userId of who asked). */
export interface Issuer {
  organisationId: string;
  userId: string | null;
  requestId: string | null;
}

/** Review, issue and cancel invoices; issued documents are frozen and their files made on demand. */
@Injectable()
export class InvoiceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly customers: CustomerRepository,
    private readonly charges: ChargeRepository,
    private readonly settings: BillingSettingsRepository,
    private readonly organisations: OrganisationSettingsService,
    private readonly audit: AuditService,
    private readonly queues: JobQueues,
    private readonly renderer: InvoiceRenderer,
  ) {}

  /** A startup member sees only their startup's issued documents, never drafts. */
  async list(reader: BillingReader, filter: InvoiceFilter): Promise<PageResponse<InvoiceSummary>> {
    const scoped = reader.startupId ? { ...filter, startupId: reader.startupId, status: 'issued' as const } : filter;
    if (reader.startupId && filter.startupId && filter.startupId !== reader.startupId) return { items: [], total: 0, limit: filter.limit, offset: filter.offset };
    if (reader.startupId && filter.status && filter.status !== 'issued') return { items: [], total: 0, limit: filter.limit, offset: filter.offset };
    const { items, total } = await this.invoices.page(reader.organisationId, scoped);
    return { items: items.map(summary), total, limit: filter.limit, offset: filter.offset };
  }

  async detail(reader: BillingReader, invoiceId: string): Promise<InvoiceDetail> {
    const invoice = await this.readable(reader, invoiceId);
    const [lines, payments, creditNotes] = await Promise.all([
      this.invoices.lines(reader.organisationId, invoiceId),
      this.invoices.payments(reader.organisationId, invoiceId),
      this.invoices.creditNotesOf(reader.organisationId, invoiceId),
    ]);
    return {
      ...summary(invoice),
      lines: lines.map(publicLine),
      currency: invoice.currency,
      locale: invoice.locale,
      paymentMethod: invoice.paymentMethod,
      mandateReference: invoice.mandateReference,
      creditReason: invoice.creditReason,
      emailedAt: invoice.emailedAt,
      payments,
      creditNotes: creditNotes.filter((c) => c.status === 'issued').map(summary),
    };
  }

  /** A draft is cancelled: it never had a number, so none is lost; its charges go back to pending. */
  async cancel(actor: AuditActor, invoiceId: string): Promise<InvoiceDetail> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.invoices.lock(manager, actor.organisationId, invoiceId))) throw BillingErrors.invoice_not_found();
      const invoice = (await this.invoices.get(actor.organisationId, invoiceId, manager)) as InvoiceRecord;
      if (invoice.status !== 'draft') throw BillingErrors.invoice_not_draft({ status: invoice.status });
      await this.charges.release(manager, actor.organisationId, invoiceId);
      await this.invoices.cancel(manager, actor.organisationId, invoiceId);
      await this.audit.recordBy(manager, actor, { action: 'invoice.cancelled', entityType: 'invoice', entityId: invoiceId, before: { status: 'draft' }, after: { status: 'cancelled' } });
    });
    return this.detail({ organisationId: actor.organisationId, startupId: null }, invoiceId);
  }

  /** POST /billing/invoices/:id/issue: one draft, issued in one transaction, then mailed by the worker. */
  async issueOne(actor: AuditActor, invoiceId: string): Promise<InvoiceDetail> {
    const issued = await this.dataSource.transaction((manager) => this.issueDraft(manager, actor, invoiceId));
    if (issued) await this.enqueueSend(actor.organisationId, invoiceId);
    return this.detail({ organisationId: actor.organisationId, startupId: null }, invoiceId);
  }

  /**
   * Issues a draft inside the caller's transaction: the series row of (organisation, kind, year of the
   * issue date) is locked and incremented, so the number is gapless and never shared; the seller and the
   * customer are frozen. False when the invoice was no longer a draft (a retried job).
   */
  async issueDraft(manager: EntityManager, issuer: Issuer, invoiceId: string, strict = true): Promise<boolean> {
    const { organisationId } = issuer;
    if (!(await this.invoices.lock(manager, organisationId, invoiceId))) throw BillingErrors.invoice_not_found();
    const invoice = (await this.invoices.get(organisationId, invoiceId, manager)) as InvoiceRecord;
    if (invoice.status !== 'draft') {
      if (strict) throw BillingErrors.invoice_not_draft({ status: invoice.status });
      return false;
    }
    const lines = await this.invoices.lines(organisationId, invoiceId, manager);
    if (lines.length === 0) throw BillingErrors.invoice_empty();
    const settings = await this.settings.get(organisationId, manager);
    const seller = await this.sellerSnapshot(organisationId);
    const customer = await this.customerSnapshot(manager, organisationId, invoice);
    const mandate = invoice.kind === 'invoice' && customer.paymentMethod === 'direct_debit' ? await this.customers.activeMandate(organisationId, invoice.startupId, manager) : undefined;
    const issueDate = issueDateIn(seller.timeZone);
    const year = Number(issueDate.slice(0, 4));
    const sequence = await this.invoices.nextSequence(manager, organisationId, invoice.kind, year);
    const number = invoiceNumber(invoice.kind === 'credit_note' ? settings.creditNotePrefix : settings.invoicePrefix, year, sequence);
    await this.invoices.issue(manager, organisationId, invoiceId, {
      number,
      year,
      sequence,
      issueDate,
      dueDate: invoice.kind === 'credit_note' ? issueDate : addDays(issueDate, settings.paymentTermsDays),
      seller: seller.snapshot,
      customer: customer.snapshot,
      mandateReference: mandate?.reference ?? null,
      paymentMethod: mandate ? 'direct_debit' : 'transfer',
      issuedBy: issuer.userId,
    });
    await this.audit.record(manager, {
      organisationId,
      actorUserId: issuer.userId,
      requestId: issuer.requestId,
      action: invoice.kind === 'credit_note' ? 'credit_note.issued' : 'invoice.issued',
      entityType: 'invoice',
      entityId: invoiceId,
      before: { status: 'draft' },
      after: { status: 'issued', number, issueDate, totalInclVatCents: invoice.totalInclVatCents },
    });
    return true;
  }

  enqueueSend(organisationId: string, invoiceId: string): Promise<unknown> {
    return this.queues.add(BillingJob.SendInvoice, { organisationId, invoiceId }, { jobId: sendJobId(invoiceId) });
  }

  /** The e-invoice of an issued document, from its frozen rows only (the same bytes every time). */
  async document(reader: BillingReader, invoiceId: string): Promise<EInvoiceDocument> {
    const invoice = await this.readable(reader, invoiceId);
    if (invoice.status !== 'issued' || !invoice.seller) throw BillingErrors.invoice_not_issued();
    const lines = await this.invoices.lines(reader.organisationId, invoiceId);
    const logo = await this.organisations.logo(reader.organisationId).catch(() => null);
    return buildEInvoiceDocument({
      invoice,
      lines,
      seller: invoice.seller,
      customer: invoice.customer,
      precedingInvoice: invoice.creditedInvoiceNumber && invoice.creditedInvoiceIssueDate ? { number: invoice.creditedInvoiceNumber, issueDate: invoice.creditedInvoiceIssueDate } : null,
      // The document states what was paid when it was issued: nothing (payments come later and never rewrite it).
      paidCents: 0,
      logo: logo ? { contentType: logo.contentType, data: logo.data } : null,
    });
  }

  async pdf(reader: BillingReader, invoiceId: string): Promise<{ number: string; data: Buffer }> {
    const doc = await this.document(reader, invoiceId);
    return { number: doc.number, data: await this.renderer.pdf(doc) };
  }

  async xml(reader: BillingReader, invoiceId: string): Promise<{ number: string; data: string }> {
    const doc = await this.document(reader, invoiceId);
    return { number: doc.number, data: await this.renderer.xml(doc) };
  }

  async record(organisationId: string, invoiceId: string, manager?: EntityManager): Promise<InvoiceRecord | undefined> {
    return this.invoices.get(organisationId, invoiceId, manager);
  }

  /** The seller as the document freezes it: the organisation's legal identity and the billing settings. */
  async sellerSnapshot(organisationId: string): Promise<{ snapshot: SellerSnapshot; timeZone: string }> {
    const [organisation, settings] = await Promise.all([this.organisations.get(organisationId), this.settings.get(organisationId)]);
    // EN 16931 (BR-CO-26, BR-S-02) and French law: no invoice without the seller's legal identity.
    const required = { legalName: organisation.legalName, siren: organisation.siren, vatNumber: organisation.vatNumber, addressLine1: organisation.addressLine1, postcode: organisation.postcode, city: organisation.city };
    const missing = Object.entries(required).filter(([, value]) => !value).map(([field]) => field);
    if (missing.length > 0) throw BillingErrors.seller_incomplete({ missing: missing.join(',') });
    return {
      timeZone: organisation.timeZone,
      snapshot: {
        name: organisation.legalName ?? organisation.name,
        siren: organisation.siren,
        siret: organisation.siret,
        vatNumber: organisation.vatNumber,
        addressLine1: organisation.addressLine1 ?? '',
        addressLine2: organisation.addressLine2,
        postcode: organisation.postcode ?? '',
        city: organisation.city ?? '',
        country: organisation.country,
        email: null,
        iban: settings.iban,
        bic: settings.bic,
        sepaCreditorId: settings.sepaCreditorId,
        paymentTermsDays: settings.paymentTermsDays,
        latePenaltyRateBp: settings.latePenaltyRateBp,
        recoveryIndemnityCents: settings.recoveryIndemnityCents,
        vatOnDebits: settings.vatOnDebits,
      },
    };
  }

  /** The customer as it stands at issue (its profile), keeping the delivery address the draft recorded. */
  private async customerSnapshot(manager: EntityManager, organisationId: string, invoice: InvoiceRecord): Promise<{ snapshot: CustomerSnapshot; paymentMethod: 'transfer' | 'direct_debit' }> {
    const profile = await this.customers.get(organisationId, invoice.startupId, manager);
    if (!profile) return { snapshot: invoice.customer, paymentMethod: invoice.paymentMethod };
    return { snapshot: customerSnapshotOf(profile, invoice.customer.delivery), paymentMethod: profile.paymentMethod };
  }

  private async readable(reader: BillingReader, invoiceId: string): Promise<InvoiceRecord> {
    const invoice = await this.invoices.get(reader.organisationId, invoiceId);
    if (!invoice || (reader.startupId && (invoice.startupId !== reader.startupId || invoice.status !== 'issued'))) throw BillingErrors.invoice_not_found();
    return invoice;
  }
}

export function customerSnapshotOf(
  profile: { legalName: string; siren: string | null; vatNumber: string | null; addressLine1: string; addressLine2: string | null; postcode: string; city: string; country: string; recipients: string[] },
  delivery: CustomerSnapshot['delivery'],
): CustomerSnapshot {
  return {
    name: profile.legalName,
    siren: profile.siren,
    siret: null,
    vatNumber: profile.vatNumber,
    addressLine1: profile.addressLine1,
    addressLine2: profile.addressLine2,
    postcode: profile.postcode,
    city: profile.city,
    country: profile.country,
    email: profile.recipients[0] ?? null,
    delivery,
  };
}

function summary(invoice: InvoiceRecord): InvoiceSummary {
  return {
    id: invoice.id,
    kind: invoice.kind,
    status: invoice.status,
    settlement: invoice.settlement,
    number: invoice.number,
    startupId: invoice.startupId,
    customerName: invoice.customerName,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    totalExclVatCents: invoice.totalExclVatCents,
    vatCents: invoice.vatCents,
    totalInclVatCents: invoice.totalInclVatCents,
    paidCents: invoice.paidCents,
    balanceCents: invoice.balanceCents,
    creditedInvoiceId: invoice.creditedInvoiceId,
    creditedInvoiceNumber: invoice.creditedInvoiceNumber,
    runId: invoice.runId,
  };
}

function publicLine(l: StoredLine): InvoiceLine {
  return {
    id: l.id,
    position: l.position,
    kind: l.kind,
    label: l.label,
    leaseId: l.leaseId,
    chargeId: l.chargeId,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    amountCents: l.amountCents,
    vatRateBp: l.vatRateBp,
    vatCategory: l.vatCategory,
    vatExemptionReason: l.vatExemptionReason,
  };
}
