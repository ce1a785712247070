/**
 * The French FEC (fichier des écritures comptables, article A47 A-1 of the Livre des procédures
 * fiscales): one line per accounting line, the 18 columns below separated by tabs, dates AAAAMMJJ,
 * amounts with a comma as decimal separator and no thousands separator, every entry balanced.
 *
 * Sales journal (VE): an invoice debits the customer (411) by its total including VAT and credits
 * revenue (706) by the total excluding VAT and collected VAT (44571) by the VAT; a credit note the
 * reverse. Bank journal (BQ): a payment debits the bank (512) and credits the customer (411).
 */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export const FEC_ACCOUNTS = {
  customers: { number: '411000', label: 'Clients' },
  revenue: { number: '706000', label: 'Prestations de services' },
  vat: { number: '445710', label: 'TVA collectée' },
  bank: { number: '512000', label: 'Banque' },
} as const;

export interface FecInvoice {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  /** The customer's auxiliary account (CompAuxNum) and name. */
  customerAccount: string;
  customerName: string;
  /** Positive on the document, credit notes included. */
  totalExclVatCents: number;
  vatCents: number;
  totalInclVatCents: number;
}

export interface FecPayment {
  receivedOn: string;
  invoiceNumber: string;
  reference: string | null;
  customerAccount: string;
  customerName: string;
  amountCents: number;
}

interface FecLine {
  journal: 'VE' | 'BQ';
  entry: string;
  date: string;
  account: { number: string; label: string };
  auxiliary: { number: string; label: string } | null;
  piece: string;
  label: string;
  debitCents: number;
  creditCents: number;
}

const JOURNALS = { VE: 'Ventes', BQ: 'Banque' } as const;

/** "2026-11-30" → "20261130". */
export const fecDate = (isoDate: string): string => isoDate.slice(0, 10).replace(/-/g, '');

/** 123456 → "1234,56"; 0 → "0,00". */
export function fecAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A text field: no tab, no line break (they would break the layout), trimmed. */
export const fecText = (value: string): string => value.replace(/[\t\r\n]+/g, ' ').trim();

/** A debit or credit of a possibly negative amount (a discount-only invoice): the other side, positive. */
function sides(cents: number, debit: boolean): { debitCents: number; creditCents: number } {
  const onDebit = cents >= 0 ? debit : !debit;
  return onDebit ? { debitCents: Math.abs(cents), creditCents: 0 } : { debitCents: 0, creditCents: Math.abs(cents) };
}

/** The entries of the period, sales then bank, each journal numbered 1, 2, … in date order. */
export function fecLines(invoices: FecInvoice[], payments: FecPayment[]): FecLine[] {
  const lines: FecLine[] = [];
  const byDate = <T>(items: T[], date: (item: T) => string, key: (item: T) => string) =>
    [...items].sort((a, b) => date(a).localeCompare(date(b)) || key(a).localeCompare(key(b)));

  byDate(invoices, (i) => i.issueDate, (i) => i.number).forEach((invoice, index) => {
    const entry = `VE${String(index + 1).padStart(6, '0')}`;
    const customerSide = invoice.kind === 'invoice';
    const label = fecText(`${invoice.kind === 'invoice' ? 'Facture' : 'Avoir'} ${invoice.number} ${invoice.customerName}`);
    const auxiliary = { number: invoice.customerAccount, label: fecText(invoice.customerName) };
    const base = { journal: 'VE' as const, entry, date: invoice.issueDate, piece: invoice.number, label };
    lines.push({ ...base, account: FEC_ACCOUNTS.customers, auxiliary, ...sides(invoice.totalInclVatCents, customerSide) });
    lines.push({ ...base, account: FEC_ACCOUNTS.revenue, auxiliary: null, ...sides(invoice.totalExclVatCents, !customerSide) });
    if (invoice.vatCents !== 0) lines.push({ ...base, account: FEC_ACCOUNTS.vat, auxiliary: null, ...sides(invoice.vatCents, !customerSide) });
  });

  byDate(payments, (p) => p.receivedOn, (p) => `${p.invoiceNumber}|${p.reference ?? ''}`).forEach((payment, index) => {
    const entry = `BQ${String(index + 1).padStart(6, '0')}`;
    const label = fecText(`Règlement ${payment.invoiceNumber} ${payment.customerName}`);
    const base = { journal: 'BQ' as const, entry, date: payment.receivedOn, piece: fecText(payment.reference || payment.invoiceNumber).slice(0, 60), label };
    lines.push({ ...base, account: FEC_ACCOUNTS.bank, auxiliary: null, debitCents: payment.amountCents, creditCents: 0 });
    lines.push({ ...base, account: FEC_ACCOUNTS.customers, auxiliary: { number: payment.customerAccount, label: fecText(payment.customerName) }, debitCents: 0, creditCents: payment.amountCents });
  });
  return lines;
}

/** The FEC file: a header line with the 18 column names, then one line per accounting line, CRLF-separated. */
export function buildFec(invoices: FecInvoice[], payments: FecPayment[]): string {
  const rows = fecLines(invoices, payments).map((line) =>
    [
      line.journal,
      JOURNALS[line.journal],
      line.entry,
      fecDate(line.date),
      line.account.number,
      line.account.label,
      line.auxiliary?.number ?? '',
      line.auxiliary?.label ?? '',
      line.piece,
      fecDate(line.date),
      line.label,
      fecAmount(line.debitCents),
      fecAmount(line.creditCents),
      '',
      '',
      fecDate(line.date),
      '',
      '',
    ].join('\t'),
  );
  return [FEC_COLUMNS.join('\t'), ...rows].join('\r\n') + '\r\n';
}

/** `{SIREN}FEC{AAAAMMJJ}.txt`, the date being the period's closing date. */
export const fecFileName = (siren: string, closingDate: string): string => `${siren}FEC${fecDate(closingDate)}.txt`;
