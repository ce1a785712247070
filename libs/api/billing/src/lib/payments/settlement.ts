import type { InvoiceKind, InvoiceStatus, SettlementStatus } from '@incubator/contracts';

/** What the settlement of a document depends on: its totals, what was paid and credited, its due date. */
export interface SettlementInput {
  kind: InvoiceKind;
  status: InvoiceStatus;
  totalInclVatCents: number;
  paidCents: number;
  /** The issued credit notes against it (their totals including VAT). */
  creditedCents: number;
  dueDate: string | null;
}

/** total − paid − credited (never negative: an overpayment is not a debt of the customer). */
export function invoiceBalance(input: Pick<SettlementInput, 'totalInclVatCents' | 'paidCents' | 'creditedCents'>): number {
  return Math.max(0, input.totalInclVatCents - input.paidCents - input.creditedCents);
}

/**
 * The settlement a client shows beside an issued invoice, derived, never stored: `credited` when credit
 * notes cancel all of it, `paid` when nothing is left, `overdue` when something is left after the due
 * date (`today` in the organisation's time zone), `partially_paid` when part was paid or credited,
 * else `unpaid`. Drafts, cancelled drafts and credit notes have none (null).
 */
export function settlementStatus(input: SettlementInput, today: string): SettlementStatus | null {
  if (input.kind !== 'invoice' || input.status !== 'issued') return null;
  if (input.creditedCents > 0 && input.creditedCents >= input.totalInclVatCents) return 'credited';
  if (invoiceBalance(input) === 0) return 'paid';
  if (input.dueDate !== null && input.dueDate < today) return 'overdue';
  return input.paidCents > 0 || input.creditedCents > 0 ? 'partially_paid' : 'unpaid';
}
