import { addDays, buildEInvoiceDocument, invoiceNumber, invoiceTotals, isValidSepaCreditorId, nextMonthStart, rentLabel, vatOf } from './invoice-totals';

const line = (amountCents: number, vatRateBp = 2000, vatCategory: 'S' | 'E' | 'O' = 'S', vatExemptionReason: string | null = null) => ({ amountCents, vatRateBp, vatCategory, vatExemptionReason });

describe('invoice totals', () => {
  it('rounds VAT half up once per (category, rate) group, not per line', () => {
    // Three lines of 0.05 € at 10 %: per line 0.005 → 0.01 each (3 cents); once per group 0.015 → 2 cents.
    const totals = invoiceTotals([line(5, 1000), line(5, 1000), line(5, 1000)]);
    expect(totals.vatBreakdown).toEqual([{ vatCategory: 'S', vatRateBp: 1000, basisCents: 15, vatCents: 2, exemptionReason: null }]);
    expect(totals).toMatchObject({ totalExclVatCents: 15, vatCents: 2, totalInclVatCents: 17 });
  });

  it('keeps one group per category and rate, exempt groups at 0 %, and sums the totals', () => {
    const totals = invoiceTotals([line(172_800), line(-10_000), line(5_000, 550), line(30_000, 0, 'E', 'Exonération art. 261 D CGI')]);
    expect(totals.vatBreakdown).toEqual([
      { vatCategory: 'S', vatRateBp: 2000, basisCents: 162_800, vatCents: 32_560, exemptionReason: null },
      { vatCategory: 'S', vatRateBp: 550, basisCents: 5_000, vatCents: 275, exemptionReason: null },
      { vatCategory: 'E', vatRateBp: 0, basisCents: 30_000, vatCents: 0, exemptionReason: 'Exonération art. 261 D CGI' },
    ]);
    expect(totals).toEqual(expect.objectContaining({ totalExclVatCents: 197_800, vatCents: 32_835, totalInclVatCents: 230_635 }));
  });

  it('rounds negative bases symmetrically (a refund is the mirror of a charge)', () => {
    expect(vatOf(25, 2000)).toBe(5);
    expect(vatOf(-25, 2000)).toBe(-5);
    expect(vatOf(-2, 2500)).toBe(-1);
    expect(vatOf(2, 2500)).toBe(1);
    expect(Object.is(vatOf(-1, 2000), 0)).toBe(true);
  });
});

describe('invoice wording and dates', () => {
  it('numbers invoices {prefix}-{year}-{sequence:05}', () => {
    expect(invoiceNumber('F', 2027, 42)).toBe('F-2027-00042');
    expect(invoiceNumber('AV', 2027, 123456)).toBe('AV-2027-123456');
  });

  it('labels rent with the inclusive last day and the share of the month when partial', () => {
    expect(rentLabel('fr', 72, '2027-01-15', '2027-02-01', 17, 31)).toBe('Loyer bureau 72 m² — 15 au 31 janv. 2027 (17/31 j)');
    expect(rentLabel('fr', 48, '2027-01-01', '2027-02-01', 31, 31)).toBe('Loyer bureau 48 m² — 1er au 31 janv. 2027');
    expect(rentLabel('en', 72, '2027-02-01', '2027-02-15', 14, 28)).toBe('Office rent 72 m² — 1 to 14 Feb 2027 (14/28 d)');
  });

  it('does calendar arithmetic in UTC', () => {
    expect(addDays('2027-01-31', 30)).toBe('2027-03-02');
    expect(nextMonthStart('2027-12')).toBe('2028-01-01');
  });

  it('checks a SEPA creditor identifier with ISO 7064 mod 97', () => {
    expect(isValidSepaCreditorId('FR72ZZZ123456')).toBe(true);
    expect(isValidSepaCreditorId('DE98ZZZ09999999999')).toBe(true);
    expect(isValidSepaCreditorId('FR73ZZZ123456')).toBe(false);
    expect(isValidSepaCreditorId('FR72ZZ')).toBe(false);
  });
});

describe('the e-invoice document', () => {
  const party = { name: 'Nordlys Robotics SAS', siren: '732829320', siret: null, vatNumber: null, addressLine1: '165 avenue de Bretagne', addressLine2: null, postcode: '59000', city: 'Lille', country: 'FR', email: null };
  const seller = { ...party, name: 'Demo Tech Park', iban: 'FR7630006000011234567890189', bic: null, sepaCreditorId: null, paymentTermsDays: 30, latePenaltyRateBp: 1215, recoveryIndemnityCents: 4000, vatOnDebits: false };
  const invoice = { kind: 'invoice' as const, number: 'F-2027-00001', issueDate: '2027-02-01', dueDate: '2027-03-03', currency: 'EUR', locale: 'fr' as const, paymentMethod: 'transfer' as const, mandateReference: null, creditReason: null, periodStart: '2027-01-01', periodEnd: '2027-02-01' };
  const lines = [
    { position: 2, label: 'Café', periodStart: null, periodEnd: null, quantity: 1, unitPriceCents: 1000, ...line(1000) },
    { position: 1, label: 'Loyer', periodStart: '2027-01-01', periodEnd: '2027-02-01', quantity: 1, unitPriceCents: 172_800, ...line(172_800) },
  ];

  it('is built from the frozen rows alone, lines in order, totals from the breakdown', () => {
    const doc = buildEInvoiceDocument({ invoice, lines, seller, customer: { ...party, delivery: null }, precedingInvoice: null, paidCents: 0, logo: null });
    expect(doc.lines.map((l) => l.position)).toEqual([1, 2]);
    expect(doc).toMatchObject({ number: 'F-2027-00001', totalExclVatCents: 173_800, vatCents: 34_760, totalInclVatCents: 208_560, paymentTermsDays: 30, vatOnDebits: false, operationNature: 'services' });
    expect(doc.seller).toEqual({ ...party, name: 'Demo Tech Park', iban: seller.iban, bic: null, sepaCreditorId: null, logo: null });
    expect(buildEInvoiceDocument({ invoice, lines, seller, customer: { ...party, delivery: null }, precedingInvoice: null, paidCents: 0, logo: null })).toEqual(doc);
  });

  it('refuses a draft (no number)', () => {
    expect(() => buildEInvoiceDocument({ invoice: { ...invoice, number: null }, lines, seller, customer: { ...party, delivery: null }, precedingInvoice: null, paidCents: 0, logo: null })).toThrow();
  });
});
