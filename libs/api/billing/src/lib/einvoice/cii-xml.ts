import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoiceDocument, EInvoiceLine, EInvoiceParty } from './einvoice-document';
import { dayBefore, decimalAmount, decimalQuantity, format102, percent } from './einvoice-format';
import { legalMentions } from './einvoice-texts';

/** Factur-X / EN 16931 profile (BT-24). */
export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017';

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

/** Invoice 380, credit note 381 (UNTDID 1001). */
export const TYPE_CODE = { invoice: '380', credit_note: '381' } as const;

type Node = XMLBuilder;

function el(parent: Node, name: string, text?: string | null, attrs?: Record<string, string>): Node {
  const node = parent.ele(name.startsWith('rsm:') ? NS.rsm : NS.ram, name, attrs);
  if (text !== undefined && text !== null) node.txt(text);
  return node;
}

function dateTime(parent: Node, name: string, date: string): void {
  el(parent, name).ele(NS.udt, 'udt:DateTimeString', { format: '102' }).txt(format102(date));
}

function period(parent: Node, start: string, endExclusive: string): void {
  const p = el(parent, 'ram:BillingSpecifiedPeriod');
  dateTime(p, 'ram:StartDateTime', start);
  dateTime(p, 'ram:EndDateTime', dayBefore(endExclusive));
}

function address(parent: Node, a: { addressLine1: string; addressLine2: string | null; postcode: string; city: string; country: string }): void {
  const node = el(parent, 'ram:PostalTradeAddress');
  el(node, 'ram:PostcodeCode', a.postcode);
  el(node, 'ram:LineOne', a.addressLine1);
  if (a.addressLine2) el(node, 'ram:LineTwo', a.addressLine2);
  el(node, 'ram:CityName', a.city);
  el(node, 'ram:CountryID', a.country.toUpperCase());
}

/** A seller or buyer: SIRET as global id (ICD 0009), SIREN as legal registration (ICD 0002), VAT (VA). */
function party(parent: Node, name: string, p: EInvoiceParty, withVat: boolean): void {
  const node = el(parent, name);
  if (p.siret) el(node, 'ram:GlobalID', p.siret.replace(/\s/g, ''), { schemeID: '0009' });
  el(node, 'ram:Name', p.name);
  if (p.siren) el(el(node, 'ram:SpecifiedLegalOrganization'), 'ram:ID', p.siren.replace(/\s/g, ''), { schemeID: '0002' });
  address(node, p);
  if (p.email) el(el(node, 'ram:URIUniversalCommunication'), 'ram:URIID', p.email, { schemeID: 'EM' });
  if (withVat && p.vatNumber) el(el(node, 'ram:SpecifiedTaxRegistration'), 'ram:ID', p.vatNumber.replace(/\s/g, ''), { schemeID: 'VA' });
}

/**
 * A discount is a line with a negative amount: EN 16931 forbids a negative net price (BR-27), so the
 * price stays positive and the quantity carries the sign.
 */
function line(parent: Node, l: EInvoiceLine): void {
  const item = el(parent, 'ram:IncludedSupplyChainTradeLineItem');
  el(el(item, 'ram:AssociatedDocumentLineDocument'), 'ram:LineID', String(l.position));
  el(el(item, 'ram:SpecifiedTradeProduct'), 'ram:Name', l.label);
  const negative = l.unitPriceCents < 0;
  const price = el(el(item, 'ram:SpecifiedLineTradeAgreement'), 'ram:NetPriceProductTradePrice');
  el(price, 'ram:ChargeAmount', decimalAmount(Math.abs(l.unitPriceCents)));
  el(el(item, 'ram:SpecifiedLineTradeDelivery'), 'ram:BilledQuantity', decimalQuantity(negative ? -l.quantity : l.quantity), { unitCode: 'C62' });
  const settlement = el(item, 'ram:SpecifiedLineTradeSettlement');
  const tax = el(settlement, 'ram:ApplicableTradeTax');
  el(tax, 'ram:TypeCode', 'VAT');
  el(tax, 'ram:CategoryCode', l.vatCategory);
  if (l.vatCategory !== 'O') el(tax, 'ram:RateApplicablePercent', percent(l.vatRateBp));
  if (l.periodStart && l.periodEnd) period(settlement, l.periodStart, l.periodEnd);
  el(el(settlement, 'ram:SpecifiedTradeSettlementLineMonetarySummation'), 'ram:LineTotalAmount', decimalAmount(l.amountCents));
}

function note(parent: Node, content: string, subjectCode?: string): void {
  const n = el(parent, 'ram:IncludedNote');
  el(n, 'ram:Content', content);
  if (subjectCode) el(n, 'ram:SubjectCode', subjectCode);
}

/**
 * The UN/CEFACT CII D16B XML of an invoice or credit note, EN 16931 profile (the XML a Factur-X
 * "EN 16931" PDF embeds as factur-x.xml). Amounts are taken from the document as they are (a credit
 * note's amounts are positive); the legal notes are in French whatever the PDF's language.
 */
export function buildCiiXml(doc: EInvoiceDocument): string {
  const fr = legalMentions(doc, 'fr');
  const outsideVat = doc.lines.some((l) => l.vatCategory === 'O') || doc.vatBreakdown.some((v) => v.vatCategory === 'O');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.rsm, 'rsm:CrossIndustryInvoice', {
    'xmlns:rsm': NS.rsm,
    'xmlns:qdt': NS.qdt,
    'xmlns:ram': NS.ram,
    'xmlns:udt': NS.udt,
  });

  el(el(el(root, 'rsm:ExchangedDocumentContext'), 'ram:GuidelineSpecifiedDocumentContextParameter'), 'ram:ID', EN16931_GUIDELINE);

  const header = el(root, 'rsm:ExchangedDocument');
  el(header, 'ram:ID', doc.number);
  el(header, 'ram:TypeCode', TYPE_CODE[doc.kind]);
  dateTime(header, 'ram:IssueDateTime', doc.issueDate);
  note(header, fr.operationNature, 'AAI');
  if (fr.vatOnDebits) note(header, fr.vatOnDebits, 'AAI');
  if (doc.kind === 'credit_note' && doc.creditReason) note(header, doc.creditReason, 'ACD');
  note(header, fr.latePenalty, 'PMD');
  note(header, fr.recoveryIndemnity, 'PMT');
  note(header, fr.noDiscount, 'AAB');

  const transaction = el(root, 'rsm:SupplyChainTradeTransaction');
  for (const l of doc.lines) line(transaction, l);

  const agreement = el(transaction, 'ram:ApplicableHeaderTradeAgreement');
  party(agreement, 'ram:SellerTradeParty', doc.seller, !outsideVat);
  party(agreement, 'ram:BuyerTradeParty', doc.buyer, !outsideVat);

  const delivery = el(transaction, 'ram:ApplicableHeaderTradeDelivery');
  if (doc.delivery) address(el(delivery, 'ram:ShipToTradeParty'), doc.delivery);
  if (!(doc.periodStart && doc.periodEnd)) dateTime(el(delivery, 'ram:ActualDeliverySupplyChainEvent'), 'ram:OccurrenceDateTime', doc.issueDate);

  const settlement = el(transaction, 'ram:ApplicableHeaderTradeSettlement');
  const directDebit = doc.paymentMethod === 'direct_debit';
  if (directDebit && doc.seller.sepaCreditorId) el(settlement, 'ram:CreditorReferenceID', doc.seller.sepaCreditorId);
  el(settlement, 'ram:PaymentReference', doc.number);
  el(settlement, 'ram:InvoiceCurrencyCode', doc.currency);

  const means = el(settlement, 'ram:SpecifiedTradeSettlementPaymentMeans');
  el(means, 'ram:TypeCode', directDebit ? '59' : '30');
  if (!directDebit && doc.seller.iban) {
    el(el(means, 'ram:PayeePartyCreditorFinancialAccount'), 'ram:IBANID', doc.seller.iban.replace(/\s/g, ''));
    if (doc.seller.bic) el(el(means, 'ram:PayeeSpecifiedCreditorFinancialInstitution'), 'ram:BICID', doc.seller.bic.replace(/\s/g, ''));
  }

  for (const v of doc.vatBreakdown) {
    const tax = el(settlement, 'ram:ApplicableTradeTax');
    el(tax, 'ram:CalculatedAmount', decimalAmount(v.vatCents));
    el(tax, 'ram:TypeCode', 'VAT');
    if (v.vatCategory !== 'S' && v.exemptionReason) el(tax, 'ram:ExemptionReason', v.exemptionReason);
    el(tax, 'ram:BasisAmount', decimalAmount(v.basisCents));
    el(tax, 'ram:CategoryCode', v.vatCategory);
    // BT-8: VAT due on the invoice date (5) under the option for debits, else when paid (72, services).
    if (v.vatCategory === 'S') el(tax, 'ram:DueDateTypeCode', doc.vatOnDebits ? '5' : '72');
    if (v.vatCategory !== 'O') el(tax, 'ram:RateApplicablePercent', percent(v.vatRateBp));
  }

  if (doc.periodStart && doc.periodEnd) period(settlement, doc.periodStart, doc.periodEnd);

  const terms = el(settlement, 'ram:SpecifiedTradePaymentTerms');
  el(terms, 'ram:Description', [fr.paymentTerms, fr.latePenalty, fr.recoveryIndemnity, fr.noDiscount].join(' '));
  if (doc.dueDate) dateTime(terms, 'ram:DueDateDateTime', doc.dueDate);
  if (directDebit && doc.mandateReference) el(terms, 'ram:DirectDebitMandateID', doc.mandateReference);

  const lineTotal = doc.lines.reduce((sum, l) => sum + l.amountCents, 0);
  const totals = el(settlement, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  el(totals, 'ram:LineTotalAmount', decimalAmount(lineTotal));
  el(totals, 'ram:TaxBasisTotalAmount', decimalAmount(doc.totalExclVatCents));
  el(totals, 'ram:TaxTotalAmount', decimalAmount(doc.vatCents), { currencyID: doc.currency });
  el(totals, 'ram:GrandTotalAmount', decimalAmount(doc.totalInclVatCents));
  if (doc.paidCents !== 0) el(totals, 'ram:TotalPrepaidAmount', decimalAmount(doc.paidCents));
  el(totals, 'ram:DuePayableAmount', decimalAmount(doc.totalInclVatCents - doc.paidCents));

  if (doc.precedingInvoice) {
    const ref = el(settlement, 'ram:InvoiceReferencedDocument');
    el(ref, 'ram:IssuerAssignedID', doc.precedingInvoice.number);
    el(ref, 'ram:FormattedIssueDateTime').ele(NS.qdt, 'qdt:DateTimeString', { format: '102' }).txt(format102(doc.precedingInvoice.issueDate));
  }

  return root.end({ prettyPrint: true });
}
