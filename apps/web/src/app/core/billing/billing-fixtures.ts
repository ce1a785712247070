import { BillingRun, InvoiceDetail, InvoiceSummary } from '@incubator/contracts';

/** Test data: an issued invoice of November 2026 and a run, with what each test changes. */
export function invoiceSummary(overrides: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id: 'inv-1',
    kind: 'invoice',
    status: 'issued',
    settlement: 'unpaid',
    number: 'FA-2026-00001',
    startupId: 'st-1',
    customerName: 'Canopée Data',
    issueDate: '2026-11-01',
    dueDate: '2026-12-01',
    periodStart: '2026-11-01',
    periodEnd: '2026-12-01',
    totalExclVatCents: 102_880,
    vatCents: 20_576,
    totalInclVatCents: 123_456,
    paidCents: 0,
    balanceCents: 123_456,
    creditedInvoiceId: null,
    creditedInvoiceNumber: null,
    runId: 'run-1',
    ...overrides,
  };
}

export function invoiceDetail(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    ...invoiceSummary(),
    lines: [
      {
        id: 'line-1',
        position: 1,
        kind: 'rent',
        label: 'Bureau B2-14 (48 m²)',
        leaseId: 'lease-1',
        chargeId: null,
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        quantity: 1,
        unitPriceCents: 92_880,
        amountCents: 92_880,
        vatRateBp: 2000,
        vatCategory: 'S',
        vatExemptionReason: null,
      },
      {
        id: 'line-2',
        position: 2,
        kind: 'service',
        label: 'Salle de réunion',
        leaseId: null,
        chargeId: 'charge-1',
        periodStart: null,
        periodEnd: null,
        quantity: 1,
        unitPriceCents: 10_000,
        amountCents: 10_000,
        vatRateBp: 2000,
        vatCategory: 'S',
        vatExemptionReason: null,
      },
    ],
    currency: 'EUR',
    locale: 'fr',
    paymentMethod: 'transfer',
    mandateReference: null,
    creditReason: null,
    emailedAt: '2026-11-01T08:00:00.000Z',
    payments: [],
    creditNotes: [],
    ...overrides,
  };
}

export function billingRun(overrides: Partial<BillingRun> = {}): BillingRun {
  return {
    id: 'run-1',
    month: '2026-11',
    status: 'drafted',
    progress: 3,
    total: 3,
    draftCount: 3,
    issuedCount: 0,
    totalExclVatCents: 300_000,
    totalInclVatCents: 360_000,
    error: null,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:01:00.000Z',
    ...overrides,
  };
}
