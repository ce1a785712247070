import {
  BILLING_RUN_STATUSES,
  INVOICE_KINDS,
  INVOICE_LINE_KINDS,
  INVOICE_STATUSES,
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  SETTLEMENT_STATUSES,
  VAT_CATEGORIES,
} from '@incubator/contracts';
import en from '../../../../public/i18n/en.json';
import fr from '../../../../public/i18n/fr.json';
import { billingLabels } from './billing-format';

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe('billing labels', () => {
  const keys = [
    ...INVOICE_STATUSES.map(billingLabels.invoiceStatus),
    ...SETTLEMENT_STATUSES.map(billingLabels.settlement),
    billingLabels.settlement(null),
    ...INVOICE_KINDS.map(billingLabels.invoiceKind),
    ...INVOICE_LINE_KINDS.map(billingLabels.lineKind),
    ...PAYMENT_KINDS.map(billingLabels.paymentKind),
    ...PAYMENT_METHODS.map(billingLabels.paymentMethod),
    ...BILLING_RUN_STATUSES.map(billingLabels.runStatus),
    ...VAT_CATEGORIES.map(billingLabels.vatCategory),
  ];

  it('has a French and an English text for every code the API sends', () => {
    const missing = keys.filter((key) => typeof lookup(fr, key) !== 'string' || typeof lookup(en, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('never shows a code as its label', () => {
    expect(lookup(fr, billingLabels.settlement('partially_paid'))).toBe('Payée en partie');
    expect(lookup(en, billingLabels.lineKind('deposit_refund'))).toBe('Deposit refund');
  });
});
