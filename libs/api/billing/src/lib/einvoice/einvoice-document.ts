/**
 * Everything an invoice or credit note document says, frozen at issue: the single input of the CII XML
 * (EN 16931 / Factur-X) and of the PDF. Built by the billing service from the issued rows; the
 * document builders never read the database. Money in integer cents, rates in basis points, dates
 * `YYYY-MM-DD`, periods half-open [start, end) (the XML states the inclusive last day).
 */
export interface EInvoiceParty {
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  addressLine1: string;
  addressLine2: string | null;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  email: string | null;
}

export interface EInvoiceLine {
  position: number;
  label: string;
  periodStart: string | null;
  /** Exclusive. */
  periodEnd: string | null;
  quantity: number;
  unitPriceCents: number;
  /** quantity × unit price, excluding VAT (negative on a discount line). */
  amountCents: number;
  vatRateBp: number;
  /** UNTDID 5305: S standard, E exempt, O outside the scope of VAT. */
  vatCategory: 'S' | 'E' | 'O';
  vatExemptionReason: string | null;
}

export interface EInvoiceDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  locale: 'fr' | 'en';
  /** Credit notes: the invoice they correct (number and issue date, BT-25/BT-26). */
  precedingInvoice: { number: string; issueDate: string } | null;
  creditReason: string | null;
  /** The billed period (BT-73/BT-74), when there is one. */
  periodStart: string | null;
  periodEnd: string | null;
  seller: EInvoiceParty & {
    iban: string | null;
    bic: string | null;
    sepaCreditorId: string | null;
    logo: { contentType: 'image/png' | 'image/jpeg'; data: Buffer } | null;
  };
  buyer: EInvoiceParty;
  /** The delivery address (a French mandatory mention from 2026): the leased site's address for rent. */
  delivery: { addressLine1: string; addressLine2: string | null; postcode: string; city: string; country: string } | null;
  /** The nature of the operation (French mention): the park bills services. */
  operationNature: 'services' | 'goods' | 'mixed';
  vatOnDebits: boolean;
  paymentMethod: 'transfer' | 'direct_debit';
  mandateReference: string | null;
  paymentTermsDays: number;
  latePenaltyRateBp: number;
  recoveryIndemnityCents: number;
  lines: EInvoiceLine[];
  /** Per VAT category and rate: the basis and the VAT, each rounded once (BR-CO-17). */
  vatBreakdown: { vatCategory: 'S' | 'E' | 'O'; vatRateBp: number; basisCents: number; vatCents: number; exemptionReason: string | null }[];
  totalExclVatCents: number;
  vatCents: number;
  totalInclVatCents: number;
  /** Already paid (BT-113) and due (BT-115 = total − paid). */
  paidCents: number;
}
