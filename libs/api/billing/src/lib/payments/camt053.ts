import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One entry (Ntry) of a CAMT.053 bank statement, as the import needs it. */
export interface BankStatementEntry {
  /** AcctSvcrRef (the bank's own reference of the entry), else NtryRef; null when the bank gave neither. */
  entryReference: string | null;
  /** Always positive: the direction is `credit`. */
  amountCents: number;
  currency: string;
  /** CdtDbtInd CRDT (money received). */
  credit: boolean;
  /** Sts BOOK (booked, not pending or informational). */
  booked: boolean;
  /** BookgDt, else ValDt (YYYY-MM-DD); null when neither is given. */
  bookingDate: string | null;
  /** Every remittance text of the entry (Ustrd lines, EndToEndId, AddtlNtryInf), joined by " / ". */
  remittance: string | null;
}

/** Why a body is not a statement the import can read: answered as a 4xx, never a 500. */
export type Camt053Problem = 'dtd' | 'malformed' | 'not_camt053';

export class Camt053Error extends Error {
  constructor(readonly problem: Camt053Problem, detail: string) {
    super(detail);
  }
}

const ARRAYS = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd']);

/**
 * No DTD is ever read (no entity declaration, no external entity, no billion laughs): a body holding
 * `<!DOCTYPE` or `<!ENTITY` is refused before parsing, and the parser itself expands no entity; only
 * the five predefined ones and character references are decoded, by `decodeText`, in the values read.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

/** Reads the entries of a CAMT.053 statement (001.02 and later versions: `Sts` may be a code or `<Sts><Cd>`). */
export function parseCamt053(xml: string): BankStatementEntry[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Camt053Error('dtd', 'a statement holds no DTD or entity declaration');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Camt053Error('malformed', `${valid.err.msg} (line ${valid.err.line})`);
  let parsed: Node;
  try {
    parsed = parser.parse(xml) as Node;
  } catch (error) {
    throw new Camt053Error('malformed', error instanceof Error ? error.message : String(error));
  }
  const statements = child(child(parsed, 'Document'), 'BkToCstmrStmt');
  if (!statements) throw new Camt053Error('not_camt053', 'no Document/BkToCstmrStmt element');
  const entries: BankStatementEntry[] = [];
  for (const statement of list(statements, 'Stmt')) {
    for (const entry of list(statement, 'Ntry')) entries.push(readEntry(entry));
  }
  return entries;
}

function readEntry(entry: Node): BankStatementEntry {
  const amount = entry['Amt'];
  const amountText = typeof amount === 'object' && amount !== null ? text((amount as Node)['#text']) : text(amount);
  const currency = typeof amount === 'object' && amount !== null ? text((amount as Node)['@Ccy']) : null;
  const status = entry['Sts'];
  const statusCode = typeof status === 'object' && status !== null ? text((status as Node)['Cd']) : text(status);
  const details = list(entry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
  const remittances = [
    ...details.flatMap((tx) => [...list(child(tx, 'RmtInf'), 'Ustrd').map((u) => text(u)), text(child(tx, 'Refs')?.['EndToEndId'])]),
    text(entry['AddtlNtryInf']),
  ].filter((value): value is string => !!value && value !== 'NOTPROVIDED');
  const reference = text(entry['AcctSvcrRef']) ?? text(entry['NtryRef']) ?? details.map((tx) => text(child(tx, 'Refs')?.['AcctSvcrRef'])).find(Boolean) ?? null;
  return {
    entryReference: reference,
    amountCents: amountText ? parseAmountCents(amountText) : 0,
    currency: currency ?? 'EUR',
    credit: text(entry['CdtDbtInd']) === 'CRDT',
    booked: statusCode === 'BOOK',
    bookingDate: isoDate(child(entry, 'BookgDt')) ?? isoDate(child(entry, 'ValDt')),
    remittance: remittances.length ? [...new Set(remittances)].join(' / ') : null,
  };
}

/** "1234.5" → 123450, exactly (no float): at most two decimals; anything else is not an amount. */
export function parseAmountCents(value: string): number {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Camt053Error('not_camt053', `unreadable amount "${value.slice(0, 40)}"`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function isoDate(node: Node | undefined): string | null {
  const value = text(node?.['Dt']) ?? text(node?.['DtTm'])?.slice(0, 10) ?? null;
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function child(node: unknown, name: string): Node | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as Node)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null ? (first as Node) : undefined;
}

function list(node: unknown, name: string): Node[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as Node)[name];
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((item) => (typeof item === 'object' && item !== null ? (item as Node) : { '#text': item }));
}

function text(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && '#text' in value) return text((value as Node)['#text']);
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const decoded = decodeText(String(value)).trim();
  return decoded || null;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The XML predefined entities and character references; any other `&name;` stays as written. */
export function decodeText(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

/**
 * The invoice numbers a remittance text may hold (`{prefix}-{year}-{sequence:05}`, e.g. F-2026-00012),
 * upper-cased, in order, without duplicates; banks sometimes drop the dashes or put spaces instead.
 */
export function invoiceNumbersIn(remittance: string | null): string[] {
  if (!remittance) return [];
  const found = [...remittance.toUpperCase().matchAll(/(?<![A-Z0-9])([A-Z0-9]{1,10}?)[-\s]?((?:20|21)\d{2})[-\s]?(\d{5})(?!\d)/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
  return [...new Set(found)];
}
