import { invoiceBalance, SettlementInput, settlementStatus } from './settlement';

const issued: SettlementInput = { kind: 'invoice', status: 'issued', totalInclVatCents: 12000, paidCents: 0, creditedCents: 0, dueDate: '2026-12-31' };

describe('settlement', () => {
  it('is the balance total − paid − credited, never below zero', () => {
    expect(invoiceBalance({ totalInclVatCents: 12000, paidCents: 2000, creditedCents: 1000 })).toBe(9000);
    expect(invoiceBalance({ totalInclVatCents: 12000, paidCents: 13000, creditedCents: 0 })).toBe(0);
  });

  it('derives the status from the balance and the due date', () => {
    expect(settlementStatus(issued, '2026-12-01')).toBe('unpaid');
    expect(settlementStatus({ ...issued, paidCents: 100 }, '2026-12-01')).toBe('partially_paid');
    expect(settlementStatus({ ...issued, creditedCents: 100 }, '2026-12-01')).toBe('partially_paid');
    expect(settlementStatus({ ...issued, paidCents: 100 }, '2027-01-01')).toBe('overdue');
    expect(settlementStatus(issued, '2026-12-31')).toBe('unpaid');
    expect(settlementStatus({ ...issued, paidCents: 12000 }, '2027-06-01')).toBe('paid');
    expect(settlementStatus({ ...issued, paidCents: 2000, creditedCents: 10000 }, '2027-06-01')).toBe('paid');
    expect(settlementStatus({ ...issued, creditedCents: 12000 }, '2027-06-01')).toBe('credited');
    expect(settlementStatus({ ...issued, dueDate: null }, '2099-01-01')).toBe('unpaid');
  });

  it('is null for drafts, cancelled drafts and credit notes', () => {
    expect(settlementStatus({ ...issued, status: 'draft' }, '2026-12-01')).toBeNull();
    expect(settlementStatus({ ...issued, status: 'cancelled' }, '2026-12-01')).toBeNull();
    expect(settlementStatus({ ...issued, kind: 'credit_note' }, '2026-12-01')).toBeNull();
  });
});
