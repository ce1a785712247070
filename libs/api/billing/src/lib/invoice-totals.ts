import type { InvoiceKind, Locale, PaymentMethod, VatCategory } from '@incubator/contracts';
import type { EInvoiceDocument, EInvoiceParty } from './einvoice/einvoice-document';

/**
 * The pure arithmetic and wording of invoices: VAT breakdown and totals (EN 16931 BR-CO-17: the VAT of a
 * group is its basis × rate, rounded once), numbers, rent labels, bank identifiers, and the one
 * `EInvoiceDocument` the XML and the PDF are made from. No I/O: unit-tested.
 */

export interface TotalsLine {
  amountCents: number;
  vatRateBp: number;
  vatCategory: VatCategory;
  vatExemptionReason: string | null;
}

export interface VatGroup {
  vatCategory: VatCategory;
  vatRateBp: number;
  basisCents: number;
  vatCents: number;
  exemptionReason: string | null;
}

export interface InvoiceTotals {
  vatBreakdown: VatGroup[];
  totalExclVatCents: number;
  vatCents: number;
  totalInclVatCents: number;
}

/** basis × rate / 10000, rounded half away from zero (half up on positive amounts), in integer arithmetic. */
export function vatOf(basisCents: number, rateBp: number): number {
  const sign = basisCents < 0 ? -1 : 1;
  const magnitude = Math.floor((Math.abs(basisCents) * rateBp * 2 + 10_000) / 20_000);
  return sign * magnitude === 0 ? 0 : sign * magnitude;
}

/** One group per (category, rate) in the order lines first name it; VAT rounded once per group; totals are sums. */
export function invoiceTotals(lines: readonly TotalsLine[]): InvoiceTotals {
  const groups = new Map<string, VatGroup>();
  for (const line of lines) {
    const rate = line.vatCategory === 'S' ? line.vatRateBp : 0;
    const key = `${line.vatCategory}:${rate}`;
    const group = groups.get(key) ?? { vatCategory: line.vatCategory, vatRateBp: rate, basisCents: 0, vatCents: 0, exemptionReason: line.vatExemptionReason };
    group.basisCents += line.amountCents;
    groups.set(key, group);
  }
  const vatBreakdown = [...groups.values()].map((g) => ({ ...g, vatCents: vatOf(g.basisCents, g.vatRateBp) }));
  const totalExclVatCents = vatBreakdown.reduce((sum, g) => sum + g.basisCents, 0);
  const vatCents = vatBreakdown.reduce((sum, g) => sum + g.vatCents, 0);
  return { vatBreakdown, totalExclVatCents, vatCents, totalInclVatCents: totalExclVatCents + vatCents };
}

/** `{prefix}-{year}-{sequence:05}`, e.g. F-2027-00042. */
export function invoiceNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}

/** `YYYY-MM-DD` + days (calendar arithmetic in UTC, no time zone drift). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month after `YYYY-MM`, as `YYYY-MM-DD`. */
export function nextMonthStart(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 10);
}

const FR_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Loyer bureau 72 m² — 1er au 31 janv. 2027 (17/31 j)": the area, the days covered (period half-open,
 * the label names the inclusive last day) and, when partial, the days over the days of the month.
 */
export function rentLabel(locale: Locale, areaM2: number, periodStart: string, periodEnd: string, days: number, daysInMonth: number): string {
  const last = addDays(periodEnd, -1);
  const [year, month] = [Number(periodStart.slice(0, 4)), Number(periodStart.slice(5, 7))];
  const first = Number(periodStart.slice(8, 10));
  const lastDay = Number(last.slice(8, 10));
  const partial = days < daysInMonth;
  if (locale === 'en') {
    return `Office rent ${areaM2} m² — ${first} to ${lastDay} ${EN_MONTHS[month - 1]} ${year}${partial ? ` (${days}/${daysInMonth} d)` : ''}`;
  }
  return `Loyer bureau ${areaM2} m² — ${first === 1 ? '1er' : first} au ${lastDay} ${FR_MONTHS[month - 1]} ${year}${partial ? ` (${days}/${daysInMonth} j)` : ''}`;
}

/** "Restitution du dépôt de garantie — …": the credit of a deposit at the lease's end. */
export function depositRefundLabel(locale: Locale, depositLabel: string): string {
  return locale === 'en' ? `Deposit refund — ${depositLabel}` : `Restitution du dépôt de garantie — ${depositLabel}`;
}

/** ISO 7064 mod 97-10 over a string of digits and letters (A = 10 … Z = 35). */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/**
 * A SEPA creditor identifier (ICS): country, two check digits, a 3-character business code (not part of
 * the check), the national identifier; the check digits make `national + country + check` ≡ 1 (mod 97).
 */
export function isValidSepaCreditorId(value: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(value)) return false;
  return mod97(`${value.slice(7)}${value.slice(0, 4)}`) === 1;
}

/** What an issued document freezes of the seller: the organisation's legal identity and the billing settings. */
export interface SellerSnapshot extends EInvoiceParty {
  iban: string | null;
  bic: string | null;
  sepaCreditorId: string | null;
  paymentTermsDays: number;
  latePenaltyRateBp: number;
  recoveryIndemnityCents: number;
  vatOnDebits: boolean;
}

/** What a document freezes of the customer: its billing profile and the leased site's address (delivery). */
export interface CustomerSnapshot extends EInvoiceParty {
  delivery: EInvoiceDocument['delivery'];
}

export interface DocumentInvoice {
  kind: InvoiceKind;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  currency: string;
  locale: Locale;
  paymentMethod: PaymentMethod;
  mandateReference: string | null;
  creditReason: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface DocumentLine extends TotalsLine {
  position: number;
  label: string;
  periodStart: string | null;
  periodEnd: string | null;
  quantity: number;
  unitPriceCents: number;
}

/**
 * The e-invoice of an issued invoice or credit note, from the frozen rows only (deterministic: the same
 * rows always give the same document). Credit notes carry positive amounts and name the invoice they correct.
 */
export function buildEInvoiceDocument(input: {
  invoice: DocumentInvoice;
  lines: readonly DocumentLine[];
  seller: SellerSnapshot;
  customer: CustomerSnapshot;
  precedingInvoice: { number: string; issueDate: string } | null;
  paidCents: number;
  logo: EInvoiceDocument['seller']['logo'];
}): EInvoiceDocument {
  const { invoice, seller, customer } = input;
  if (!invoice.number || !invoice.issueDate) throw new Error('Only an issued invoice has a document');
  const lines = [...input.lines].sort((a, b) => a.position - b.position);
  const totals = invoiceTotals(lines);
  const { delivery, ...buyer } = customer;
  const { paymentTermsDays, latePenaltyRateBp, recoveryIndemnityCents, vatOnDebits, ...sellerParty } = seller;
  return {
    kind: invoice.kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    locale: invoice.locale,
    precedingInvoice: input.precedingInvoice,
    creditReason: invoice.creditReason,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    seller: { ...sellerParty, logo: input.logo },
    buyer,
    delivery,
    operationNature: 'services',
    vatOnDebits,
    paymentMethod: invoice.paymentMethod,
    mandateReference: invoice.mandateReference,
    paymentTermsDays,
    latePenaltyRateBp,
    recoveryIndemnityCents,
    lines: lines.map((l) => ({
      position: l.position,
      label: l.label,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      amountCents: l.amountCents,
      vatRateBp: l.vatCategory === 'S' ? l.vatRateBp : 0,
      vatCategory: l.vatCategory,
      vatExemptionReason: l.vatExemptionReason,
    })),
    vatBreakdown: totals.vatBreakdown,
    totalExclVatCents: totals.totalExclVatCents,
    vatCents: totals.vatCents,
    totalInclVatCents: totals.totalInclVatCents,
    paidCents: input.paidCents,
  };
}

/** Today's date (`YYYY-MM-DD`) in the time zone, e.g. the organisation's. */
export function issueDateIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
