import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { OrganisationSettingsService } from '@incubator/api/organisations';
import type { BankStatementImportResult, Payment, RecordPaymentRequest } from '@incubator/contracts';
import { Camt053Error, invoiceNumbersIn, parseCamt053 } from './camt053';
import { buildPain008, DirectDebitTransaction } from './pain008';
import { PaymentFilter, PaymentRepository } from './payment.repository';
import { PaymentErrors } from './payments.errors';
import { invoiceBalance } from './settlement';

/** Integer cents as "1234.56" for messages. */
export function euroText(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Today (YYYY-MM-DD) in a time zone. */
export function localDate(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A direct-debit batch to download: the pain.008 XML, its name and what it holds. */
export interface DirectDebitFile {
  fileName: string;
  xml: string;
  count: number;
  totalCents: number;
}

const CAMT_ERRORS = { dtd: PaymentErrors.statement_has_dtd, malformed: PaymentErrors.statement_malformed, not_camt053: PaymentErrors.statement_not_camt053 } as const;

/**
 * Payments against issued invoices: recorded by hand (partial ones too, never more than the balance),
 * imported from a CAMT.053 bank statement (each booked credit entry quoting an invoice number, once),
 * collected by a SEPA direct-debit batch (pain.008). Writes are audited; an invoice's payments are
 * serialised by locking its row, so two payments never overdraw its balance together.
 */
@Injectable()
export class PaymentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly organisations: OrganisationSettingsService,
    private readonly audit: AuditService,
  ) {}

  /** A startup member sees their own startup's payments only. */
  list(caller: Caller, filter: PaymentFilter): Promise<Payment[]> {
    return this.payments.list(caller.organisationId, caller.startupId ? { ...filter, startupId: caller.startupId } : filter);
  }

  async record(caller: Caller, request: RecordPaymentRequest): Promise<Payment> {
    const id = await this.dataSource.transaction(async (manager) => {
      const invoice = await this.payments.payableInvoice(manager, caller.organisationId, request.invoiceId, true);
      if (!invoice) throw PaymentErrors.invoice_not_found();
      if (invoice.status !== 'issued' || invoice.kind !== 'invoice') throw PaymentErrors.invoice_not_payable({ invoiceId: invoice.id });
      const balance = invoiceBalance(invoice);
      if (request.amountCents > balance) throw PaymentErrors.exceeds_balance({ invoiceNumber: invoice.number, balance: euroText(balance), balanceCents: balance });
      const inserted = await this.payments.insert(manager, caller.organisationId, {
        invoiceId: invoice.id,
        kind: request.kind,
        amountCents: request.amountCents,
        receivedOn: request.receivedOn,
        reference: request.reference ?? null,
        bankEntryReference: null,
        recordedBy: caller.userId,
      });
      await this.audit.recordBy(manager, caller, {
        action: 'payment.recorded',
        entityType: 'payment',
        entityId: inserted as string,
        after: { invoiceId: invoice.id, invoiceNumber: invoice.number, kind: request.kind, amountCents: request.amountCents, receivedOn: request.receivedOn },
      });
      return inserted as string;
    });
    return (await this.payments.get(caller.organisationId, id)) as Payment;
  }

  /** Removes a mistaken entry (the invoice's balance comes back). */
  async remove(caller: Caller, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const payment = await this.payments.delete(manager, caller.organisationId, id);
      if (!payment) throw PaymentErrors.payment_not_found();
      await this.audit.recordBy(manager, caller, { action: 'payment.deleted', entityType: 'payment', entityId: id, before: { ...payment } });
    });
  }

  /**
   * Imports a CAMT.053 statement: each booked credit entry whose remittance (Ustrd, EndToEndId) names an
   * issued invoice, for at most its balance, becomes one transfer payment carrying the entry's bank
   * reference; an entry already imported (same reference) adds nothing. All or nothing: one transaction.
   */
  async importStatement(caller: Caller, xml: unknown): Promise<BankStatementImportResult> {
    if (typeof xml !== 'string' || !xml.trim()) throw PaymentErrors.statement_not_xml();
    // XML forbids NUL and PostgreSQL text cannot hold it: refused before anything is read.
    if (xml.includes('\u0000')) throw PaymentErrors.statement_malformed();
    let entries;
    try {
      entries = parseCamt053(xml);
    } catch (error) {
      if (!(error instanceof Camt053Error)) throw error;
      throw CAMT_ERRORS[error.problem]();
    }
    const result: BankStatementImportResult = { entries: entries.length, matched: [], unmatched: [], alreadyImported: 0 };
    await this.dataSource.transaction(async (manager) => {
      const references = entries.map((e) => e.entryReference).filter((r): r is string => !!r);
      const known = await this.payments.knownBankEntries(manager, caller.organisationId, references);
      const invoices = await this.payments.issuedInvoicesByNumber(manager, caller.organisationId, [...new Set(entries.flatMap((e) => invoiceNumbersIn(e.remittance)))]);
      const seen = new Set<string>();
      for (const entry of entries) {
        const entryReference = entry.entryReference ?? '';
        const unmatched = (reason: string) => result.unmatched.push({ entryReference, amountCents: entry.amountCents, remittance: entry.remittance, reason });
        if (!entry.credit) {
          unmatched('not_a_credit');
          continue;
        }
        if (!entry.booked) {
          unmatched('not_booked');
          continue;
        }
        if (!entry.entryReference || entry.entryReference.length > 140) {
          unmatched('no_entry_reference');
          continue;
        }
        if (known.has(entry.entryReference) || seen.has(entry.entryReference)) {
          result.alreadyImported++;
          continue;
        }
        if (entry.currency !== 'EUR') {
          unmatched('currency');
          continue;
        }
        const numbers = invoiceNumbersIn(entry.remittance);
        const candidates = numbers.map((n) => invoices.get(n)).filter((i) => i !== undefined);
        if (!numbers.length) {
          unmatched('no_invoice_number');
          continue;
        }
        const invoice = candidates.find((i) => entry.amountCents > 0 && entry.amountCents <= invoiceBalance(i));
        if (!invoice) {
          unmatched(candidates.length ? 'exceeds_balance' : 'invoice_not_found');
          continue;
        }
        const inserted = await this.payments.insert(manager, caller.organisationId, {
          invoiceId: invoice.id,
          kind: 'transfer',
          amountCents: entry.amountCents,
          receivedOn: entry.bookingDate ?? localDate('Europe/Paris'),
          reference: entry.remittance?.slice(0, 140) ?? null,
          bankEntryReference: entry.entryReference,
          recordedBy: caller.userId,
        });
        seen.add(entry.entryReference);
        if (!inserted) {
          result.alreadyImported++;
          continue;
        }
        invoice.paidCents += entry.amountCents;
        result.matched.push({ entryReference: entry.entryReference, invoiceNumber: invoice.number as string, amountCents: entry.amountCents });
      }
      await this.audit.recordBy(manager, caller, {
        action: 'bank_statement.imported',
        entityType: 'bank_statement',
        entityId: createHash('sha256').update(xml).digest('hex'),
        after: { entries: result.entries, matched: result.matched.length, unmatched: result.unmatched.length, alreadyImported: result.alreadyImported },
      });
    });
    return result;
  }

  /**
   * The SEPA direct-debit batch (pain.008.001.02) collecting, on `collectionDate`, every issued invoice
   * with a balance due by then of the customers paying by direct debit with an active mandate. Nothing
   * is recorded as paid: the payments come with the bank statement (or by hand) once collected.
   */
  async directDebitBatch(caller: Caller, collectionDate: string, now = new Date()): Promise<DirectDebitFile> {
    const organisation = await this.organisations.get(caller.organisationId);
    const today = localDate(organisation.timeZone, now);
    if (collectionDate < today) throw PaymentErrors.collection_date_past({ today });
    const creditor = await this.payments.creditorSettings(caller.organisationId);
    if (!creditor.iban || !creditor.sepaCreditorId) throw PaymentErrors.direct_debit_not_configured();
    const due = await this.payments.directDebitDue(caller.organisationId, collectionDate);
    if (!due.length) throw PaymentErrors.direct_debit_nothing_due({ collectionDate });
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const transactions: DirectDebitTransaction[] = due.map((d) => ({
      endToEndId: d.number,
      amountCents: d.balanceCents,
      mandateId: d.mandateReference,
      mandateSignedOn: d.mandateSignedOn,
      debtorName: d.debtorName,
      debtorIban: d.iban,
      debtorBic: d.bic,
      sequenceType: d.collectedBefore ? 'RCUR' : 'FRST',
      remittance: `${organisation.defaultLocale === 'en' ? 'Invoice' : 'Facture'} ${d.number}`,
    }));
    const messageId = `DD-${collectionDate.replace(/-/g, '')}-${stamp}`;
    const xml = buildPain008({
      messageId,
      createdAt: now.toISOString(),
      collectionDate,
      creditor: { name: organisation.legalName ?? organisation.name, iban: creditor.iban, bic: creditor.bic, creditorId: creditor.sepaCreditorId },
      transactions,
    });
    const totalCents = transactions.reduce((sum, t) => sum + t.amountCents, 0);
    await this.dataSource.transaction((manager) =>
      this.audit.recordBy(manager, caller, {
        action: 'direct_debit.batch_created',
        entityType: 'direct_debit_batch',
        entityId: messageId,
        after: { collectionDate, count: transactions.length, totalCents, invoices: due.map((d) => d.number).join(',') },
      }),
    );
    return { fileName: `prelevements-${collectionDate}.xml`, xml, count: transactions.length, totalCents };
  }
}
