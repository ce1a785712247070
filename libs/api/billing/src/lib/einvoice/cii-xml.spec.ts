import { XMLParser } from 'fast-xml-parser';
import { buildCiiXml } from './cii-xml';
import { dayBefore, decimalAmount, formatDate, formatMoney, percent } from './einvoice-format';
import { sampleCreditNote, sampleInvoice } from './einvoice.fixtures';

type Tree = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['IncludedSupplyChainTradeLineItem', 'IncludedNote', 'ApplicableTradeTax'].includes(name) });
const at = (tree: unknown, path: string): any => path.split('.').reduce<any>((node, key) => (node == null ? undefined : (node as Tree)[key]), tree); // eslint-disable-line @typescript-eslint/no-explicit-any
const parse = (xml: string) => at(parser.parse(xml), 'CrossIndustryInvoice');

describe('the amount and date helpers', () => {
  it('write cents with two decimals without float drift, rates without trailing zeros', () => {
    expect([decimalAmount(0), decimalAmount(5), decimalAmount(184_200), decimalAmount(-10_000), decimalAmount(-7)]).toEqual(['0.00', '0.05', '1842.00', '-100.00', '-0.07']);
    expect([percent(2000), percent(550), percent(1215), percent(0)]).toEqual(['20', '5.5', '12.15', '0']);
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
    expect(dayBefore('2028-01-01')).toBe('2027-12-31');
  });

  it('format money and dates the French way for a French reader', () => {
    expect(formatMoney(123_456, 'EUR', 'fr')).toBe('1 234,56 €');
    expect(formatMoney(123_456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatDate('2027-01-31')).toBe('31/01/2027');
  });
});

describe('buildCiiXml', () => {
  const invoice = parse(buildCiiXml(sampleInvoice()));
  const tx = at(invoice, 'SupplyChainTradeTransaction');
  const settlement = at(tx, 'ApplicableHeaderTradeSettlement');

  it('declares the EN 16931 profile and an invoice type code', () => {
    expect(at(invoice, 'ExchangedDocumentContext.GuidelineSpecifiedDocumentContextParameter.ID')).toBe('urn:cen.eu:en16931:2017');
    expect(at(invoice, 'ExchangedDocument.TypeCode')).toBe('380');
    expect(at(invoice, 'ExchangedDocument.ID')).toBe('F-2027-000042');
    expect(at(invoice, 'ExchangedDocument.IssueDateTime.DateTimeString')).toEqual({ '#text': '20270101', '@format': '102' });
  });

  it('identifies the seller and the buyer by SIREN (0002) and VAT number (VA)', () => {
    const seller = at(tx, 'ApplicableHeaderTradeAgreement.SellerTradeParty');
    const buyer = at(tx, 'ApplicableHeaderTradeAgreement.BuyerTradeParty');
    expect(at(seller, 'SpecifiedLegalOrganization.ID')).toEqual({ '#text': '732829320', '@schemeID': '0002' });
    expect(at(seller, 'SpecifiedTaxRegistration.ID')).toEqual({ '#text': 'FR44732829320', '@schemeID': 'VA' });
    expect(at(buyer, 'SpecifiedLegalOrganization.ID')).toEqual({ '#text': '552100554', '@schemeID': '0002' });
    expect(at(buyer, 'SpecifiedTaxRegistration.ID')).toEqual({ '#text': 'FR40552100554', '@schemeID': 'VA' });
    expect(at(seller, 'Name')).toBe('Technopole Rives & Innovation SPL');
  });

  it('escapes text', () => {
    const xml = buildCiiXml(sampleInvoice({ buyer: { ...sampleInvoice().buyer, name: 'A <B> & "C"' } }));
    expect(xml).toContain('<ram:Name>A &lt;B&gt; &amp; "C"</ram:Name>');
    expect(xml).toContain('Technopole Rives &amp; Innovation SPL');
  });

  it('states the delivery address and the billed period with its inclusive last day', () => {
    expect(at(tx, 'ApplicableHeaderTradeDelivery.ShipToTradeParty.PostalTradeAddress')).toMatchObject({ LineOne: '12 rue des Pionniers', LineTwo: 'Bâtiment B, bureau 204', CityName: 'Lyon', CountryID: 'FR' });
    expect(at(settlement, 'BillingSpecifiedPeriod.StartDateTime.DateTimeString.#text')).toBe('20270101');
    expect(at(settlement, 'BillingSpecifiedPeriod.EndDateTime.DateTimeString.#text')).toBe('20270131');
    expect(at(tx, 'IncludedSupplyChainTradeLineItem')[0].SpecifiedLineTradeSettlement.BillingSpecifiedPeriod.EndDateTime.DateTimeString['#text']).toBe('20270131');
  });

  it('writes the nature of the operation, the VAT-on-debits option and the late-payment mentions as notes', () => {
    const notes = at(invoice, 'ExchangedDocument.IncludedNote').map((n: Tree) => `${n['SubjectCode']}: ${n['Content']}`);
    expect(notes).toEqual([
      "AAI: Nature de l'opération : Prestations de services",
      "AAI: Option pour le paiement de la TVA d'après les débits",
      expect.stringMatching(/^PMD: Pénalités de retard .* 12,15 %/),
      expect.stringMatching(/^PMT: Indemnité forfaitaire .* 40,00 €/),
      'AAB: Pas d’escompte pour paiement anticipé.',
    ]);
    const withoutOption = parse(buildCiiXml(sampleInvoice({ vatOnDebits: false })));
    expect(JSON.stringify(at(withoutOption, 'ExchangedDocument.IncludedNote'))).not.toContain('débits');
  });

  it('pays by transfer to the IBAN with the due date and the penalty terms', () => {
    expect(at(settlement, 'SpecifiedTradeSettlementPaymentMeans')).toEqual({ TypeCode: '30', PayeePartyCreditorFinancialAccount: { IBANID: 'FR7630006000011234567890189' }, PayeeSpecifiedCreditorFinancialInstitution: { BICID: 'AGRIFRPPXXX' } });
    expect(at(settlement, 'PaymentReference')).toBe('F-2027-000042');
    expect(at(settlement, 'SpecifiedTradePaymentTerms.DueDateDateTime.DateTimeString.#text')).toBe('20270131');
    expect(at(settlement, 'SpecifiedTradePaymentTerms.Description')).toMatch(/au plus tard le 31\/01\/2027.*12,15 %.*40,00 €/);
  });

  it('pays by SEPA direct debit with the mandate (BT-89) and the creditor identifier (BT-90)', () => {
    const dd = at(parse(buildCiiXml(sampleInvoice({ paymentMethod: 'direct_debit', mandateReference: 'RUM-0001' }))), 'SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement');
    expect(at(dd, 'SpecifiedTradeSettlementPaymentMeans')).toEqual({ TypeCode: '59' });
    expect(at(dd, 'SpecifiedTradePaymentTerms.DirectDebitMandateID')).toBe('RUM-0001');
    expect(at(dd, 'CreditorReferenceID')).toBe('FR12ZZZ123456');
  });

  it('breaks VAT down per category with the exemption reason, amounts with two decimals', () => {
    expect(at(settlement, 'ApplicableTradeTax')).toEqual([
      { CalculatedAmount: '257.00', TypeCode: 'VAT', BasisAmount: '1285.00', CategoryCode: 'S', DueDateTypeCode: '5', RateApplicablePercent: '20' },
      { CalculatedAmount: '0.00', TypeCode: 'VAT', ExemptionReason: 'Exonération de TVA, article 261-4-4° a du CGI', BasisAmount: '300.00', CategoryCode: 'E', RateApplicablePercent: '0' },
    ]);
    expect(at(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation')).toEqual({
      LineTotalAmount: '1585.00',
      TaxBasisTotalAmount: '1585.00',
      TaxTotalAmount: { '#text': '257.00', '@currencyID': 'EUR' },
      GrandTotalAmount: '1842.00',
      DuePayableAmount: '1842.00',
    });
  });

  it('keeps a discount’s price positive and puts the sign on the quantity (BR-27)', () => {
    const discount = at(tx, 'IncludedSupplyChainTradeLineItem')[2];
    expect(discount.SpecifiedLineTradeAgreement.NetPriceProductTradePrice.ChargeAmount).toBe('100.00');
    expect(discount.SpecifiedLineTradeDelivery.BilledQuantity).toEqual({ '#text': '-1', '@unitCode': 'C62' });
    expect(discount.SpecifiedLineTradeSettlement.SpecifiedTradeSettlementLineMonetarySummation.LineTotalAmount).toBe('-100.00');
  });

  it('makes a credit note 381 with positive amounts that references the corrected invoice (BT-25/26)', () => {
    const note = parse(buildCiiXml(sampleCreditNote()));
    expect(at(note, 'ExchangedDocument.TypeCode')).toBe('381');
    const s = at(note, 'SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement');
    expect(at(s, 'InvoiceReferencedDocument')).toEqual({ IssuerAssignedID: 'F-2027-000042', FormattedIssueDateTime: { DateTimeString: { '#text': '20270101', '@format': '102' } } });
    expect(at(s, 'SpecifiedTradeSettlementHeaderMonetarySummation.GrandTotalAmount')).toBe('162.00');
    expect(at(note, 'ExchangedDocument.IncludedNote').map((n: Tree) => n['Content'])).toContain('Salle de réunion annulée par le parc');
  });

  it('writes a paid amount and the remaining due (BT-113/BT-115)', () => {
    const s = at(parse(buildCiiXml(sampleInvoice({ paidCents: 50_000 }))), 'SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement.SpecifiedTradeSettlementHeaderMonetarySummation');
    expect([s.TotalPrepaidAmount, s.DuePayableAmount]).toEqual(['500.00', '1342.00']);
  });
});
