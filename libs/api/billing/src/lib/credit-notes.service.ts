import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditActor } from '@incubator/api/audit';
import type { CreateCreditNoteRequest, InvoiceDetail } from '@incubator/contracts';
import { BillingErrors } from './billing.errors';
import { invoiceTotals } from './invoice-totals';
import { type NewLine, type StoredLine, InvoiceRepository } from './invoices.repository';
import { InvoiceService } from './invoices.service';

/**
 * What a credit note credits, line by line: the whole remainder of every line when no lines are given,
 * else the requested positive cents, never more than what remains creditable on the line.
 */
export function creditLines(lines: readonly StoredLine[], credited: ReadonlyMap<string, number>, request: CreateCreditNoteRequest['lines']): NewLine[] {
  const remaining = (line: StoredLine) => line.amountCents - (credited.get(line.id) ?? 0);
  const credit = (line: StoredLine, amountCents: number): NewLine => ({
    kind: line.kind,
    label: line.label,
    leaseId: line.leaseId,
    chargeId: null,
    creditedLineId: line.id,
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
    quantity: 1,
    unitPriceCents: amountCents,
    amountCents,
    vatRateBp: line.vatRateBp,
    vatCategory: line.vatCategory,
    vatExemptionReason: line.vatExemptionReason,
  });
  if (!request || request.length === 0) {
    const whole = lines.filter((l) => remaining(l) !== 0 && Math.sign(remaining(l)) === Math.sign(l.amountCents)).map((l) => credit(l, remaining(l)));
    if (whole.length === 0 || whole.reduce((sum, l) => sum + l.amountCents, 0) <= 0) throw BillingErrors.nothing_to_credit();
    return whole;
  }
  const byId = new Map(lines.map((l) => [l.id, l]));
  const asked = new Map<string, number>();
  for (const { lineId, amountCents } of request) asked.set(lineId, (asked.get(lineId) ?? 0) + amountCents);
  return [...asked.entries()].map(([lineId, amountCents]) => {
    const line = byId.get(lineId);
    if (!line) throw BillingErrors.credit_line_unknown({ lineId });
    const left = remaining(line);
    if (amountCents > left) throw BillingErrors.credit_exceeds({ lineId, remainingCents: Math.max(0, left) });
    return credit(line, amountCents);
  });
}

/** Credit notes: the only correction of an issued invoice, issued at once in their own gapless series. */
@Injectable()
export class CreditNoteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly invoiceService: InvoiceService,
  ) {}

  async create(actor: AuditActor, invoiceId: string, request: CreateCreditNoteRequest): Promise<InvoiceDetail> {
    const creditNoteId = await this.dataSource.transaction(async (manager) => {
      if (!(await this.invoices.lock(manager, actor.organisationId, invoiceId))) throw BillingErrors.invoice_not_found();
      const invoice = await this.invoices.get(actor.organisationId, invoiceId, manager);
      if (!invoice) throw BillingErrors.invoice_not_found();
      if (invoice.kind === 'credit_note') throw BillingErrors.credit_note_of_credit_note();
      if (invoice.status !== 'issued') throw BillingErrors.invoice_not_issued();
      const lines = await this.invoices.lines(actor.organisationId, invoiceId, manager);
      const credited = await this.invoices.creditedByLine(manager, actor.organisationId, invoiceId);
      const noteLines = creditLines(lines, credited, request.lines);
      const id = await this.invoices.insertDraft(manager, actor.organisationId, {
        kind: 'credit_note',
        runId: null,
        startupId: invoice.startupId,
        customer: invoice.customer,
        locale: invoice.locale,
        paymentMethod: invoice.paymentMethod,
        mandateReference: invoice.mandateReference,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        creditedInvoiceId: invoiceId,
        creditReason: request.reason,
      });
      if (!id) throw BillingErrors.invoice_not_found();
      await this.invoices.insertLines(manager, actor.organisationId, id, noteLines);
      await this.invoices.setTotals(manager, actor.organisationId, id, invoiceTotals(noteLines));
      await this.invoiceService.issueDraft(manager, actor, id);
      return id;
    });
    await this.invoiceService.enqueueSend(actor.organisationId, creditNoteId);
    return this.invoiceService.detail({ organisationId: actor.organisationId, startupId: null }, creditNoteId);
  }
}
