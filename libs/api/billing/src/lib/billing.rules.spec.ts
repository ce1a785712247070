import { errorCatalogue, placeholders } from '@incubator/api/errors';
import type { DomainError } from '@incubator/api/errors';
import { normaliseSettings } from './billing-settings.service';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings.repository';
import { assertChargeRules } from './charges.service';
import { creditLines } from './credit-notes.service';
import type { StoredLine } from './invoices.repository';
import { siteAddress } from './runs.service';
import './billing.errors';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('billing errors', () => {
  it('give every code a French and an English text naming the same details', () => {
    const billing = [...errorCatalogue().entries()].filter(([code]) => code.startsWith('billing.'));
    expect(billing.length).toBeGreaterThan(20);
    for (const [code, entry] of billing) {
      expect({ code, fr: placeholders(entry.message.fr) }).toEqual({ code, fr: placeholders(entry.message.en) });
      for (const [field, text] of Object.entries(entry.fields ?? {})) expect({ code, field, fr: placeholders(text.fr) }).toEqual({ code, field, fr: placeholders(text.en) });
      expect({ code, fr: entry.message.fr }).not.toEqual({ code, fr: expect.stringContaining("'") });
    }
  });
});

describe('seller settings', () => {
  it('stores the IBAN in electronic format and checks IBAN, BIC and SEPA creditor id', () => {
    const saved = normaliseSettings({ ...DEFAULT_BILLING_SETTINGS, iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'agrifrpp', sepaCreditorId: 'FR72 ZZZ 123456' });
    expect(saved).toMatchObject({ iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', sepaCreditorId: 'FR72ZZZ123456' });
    expect(codeOf(() => normaliseSettings({ ...DEFAULT_BILLING_SETTINGS, iban: 'FR7630006000011234567890188' }))).toBe('billing.iban_invalid');
    expect(codeOf(() => normaliseSettings({ ...DEFAULT_BILLING_SETTINGS, bic: 'AGRI1RPP' }))).toBe('billing.bic_invalid');
    expect(codeOf(() => normaliseSettings({ ...DEFAULT_BILLING_SETTINGS, sepaCreditorId: 'FR73ZZZ123456' }))).toBe('billing.creditor_id_invalid');
    expect(codeOf(() => normaliseSettings({ ...DEFAULT_BILLING_SETTINGS, creditNotePrefix: 'F' }))).toBe('billing.prefixes_equal');
  });
});

describe('charges', () => {
  const base = { startupId: 's', label: 'x', vatRateBp: 2000, vatCategory: 'S' as const, chargedOn: '2027-01-10' };
  it('wants discounts and refunds negative, the rest positive, deposits on a lease, exemptions with their mention', () => {
    expect(codeOf(() => assertChargeRules({ ...base, kind: 'service', amountCents: 1000 }))).toBeUndefined();
    expect(codeOf(() => assertChargeRules({ ...base, kind: 'discount', amountCents: 1000 }))).toBe('billing.charge_sign');
    expect(codeOf(() => assertChargeRules({ ...base, kind: 'service', amountCents: -1 }))).toBe('billing.charge_sign');
    expect(codeOf(() => assertChargeRules({ ...base, kind: 'deposit', amountCents: 100_000 }))).toBe('billing.deposit_needs_lease');
    expect(codeOf(() => assertChargeRules({ ...base, kind: 'deposit', amountCents: 100_000, leaseId: 'l', vatCategory: 'E', vatRateBp: 0 }))).toBe('billing.exemption_reason_required');
    expect(codeOf(() => assertChargeRules({ ...base, kind: 'deposit', amountCents: 100_000, leaseId: 'l', vatCategory: 'E', vatRateBp: 0, vatExemptionReason: 'Dépôt de garantie non soumis à la TVA' }))).toBeUndefined();
    // Outside the scope of VAT cannot share the rent's invoice (EN 16931 BR-O-11/12).
    expect(codeOf(() => assertChargeRules({ ...base, kind: 'deposit', amountCents: 100_000, leaseId: 'l', vatCategory: 'O', vatRateBp: 0, vatExemptionReason: 'Hors champ' }))).toBe('billing.vat_outside_scope');
  });
});

describe('credit notes', () => {
  const line = (id: string, amountCents: number): StoredLine => ({
    id,
    position: 1,
    kind: 'rent',
    label: id,
    leaseId: null,
    chargeId: null,
    creditedLineId: null,
    periodStart: null,
    periodEnd: null,
    quantity: 1,
    unitPriceCents: amountCents,
    amountCents,
    vatRateBp: 2000,
    vatCategory: 'S',
    vatExemptionReason: null,
  });
  const lines = [line('rent', 100_000), line('coffee', 2_000), line('discount', -5_000)];

  it('credits everything that remains when no line is named, positive amounts on the document', () => {
    const whole = creditLines(lines, new Map([['rent', 40_000]]), undefined);
    expect(whole.map((l) => [l.creditedLineId, l.amountCents])).toEqual([
      ['rent', 60_000],
      ['coffee', 2_000],
      ['discount', -5_000],
    ]);
    expect(codeOf(() => creditLines(lines, new Map([['rent', 100_000], ['coffee', 2_000], ['discount', -5_000]]), undefined))).toBe('billing.nothing_to_credit');
  });

  it('credits part of a line, never more than what remains on it, only lines of the invoice', () => {
    expect(creditLines(lines, new Map(), [{ lineId: 'rent', amountCents: 30_000 }])).toEqual([expect.objectContaining({ creditedLineId: 'rent', amountCents: 30_000, unitPriceCents: 30_000, quantity: 1 })]);
    expect(codeOf(() => creditLines(lines, new Map([['rent', 80_000]]), [{ lineId: 'rent', amountCents: 30_000 }]))).toBe('billing.credit_exceeds');
    expect(codeOf(() => creditLines(lines, new Map(), [{ lineId: 'rent', amountCents: 60_000 }, { lineId: 'rent', amountCents: 60_000 }]))).toBe('billing.credit_exceeds');
    expect(codeOf(() => creditLines(lines, new Map(), [{ lineId: 'other', amountCents: 1 }]))).toBe('billing.credit_line_unknown');
  });
});

describe('a profile drafted by a run', () => {
  it('takes the leased site’s address apart into line, postcode and city', () => {
    expect(siteAddress({ siteName: 'Park', siteAddress: '165 avenue de Bretagne, 59000 Lille', siteCity: 'Lille' })).toEqual({ addressLine1: '165 avenue de Bretagne', postcode: '59000', city: 'Lille' });
    expect(siteAddress({ siteName: 'Park', siteAddress: null, siteCity: 'Lille' })).toEqual({ addressLine1: 'Park', postcode: '', city: 'Lille' });
  });
});
