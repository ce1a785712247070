import { create } from 'xmlbuilder2';

export type SepaSequenceType = 'FRST' | 'RCUR';

export interface DirectDebitTransaction {
  /** The invoice number: the debtor's bank shows it and the CAMT.053 brings it back. */
  endToEndId: string;
  amountCents: number;
  mandateId: string;
  mandateSignedOn: string;
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  sequenceType: SepaSequenceType;
  remittance: string;
}

export interface DirectDebitBatch {
  messageId: string;
  /** ISO date-time of creation. */
  createdAt: string;
  collectionDate: string;
  creditor: { name: string; iban: string; bic: string | null; creditorId: string };
  transactions: DirectDebitTransaction[];
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02';

/** "12345" cents → "123.45" (the XML's decimal amount), from integers. */
export function sepaAmount(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * The EPC's SEPA character set (Latin letters, digits, `/ - ? : ( ) . , ' +` and space): accents are
 * dropped (é → e), anything else becomes a space, and the text is cut to `max` characters. XML special
 * characters never reach the file unescaped anyway (xmlbuilder2 escapes text), but banks refuse them.
 */
export function sepaText(value: string, max: number): string {
  const latin = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/&/g, '+');
  return latin.replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max) || 'NOTPROVIDED';
}

/**
 * A SEPA Core direct-debit batch, pain.008.001.02: one group header (count and control sum of every
 * transaction), one PmtInf per sequence type (FRST for a mandate's first collection, RCUR after), each
 * with its own count and control sum, the creditor, its identifier (ICS) in CdtrSchmeId, and one
 * DrctDbtTxInf per invoice.
 */
export function buildPain008(batch: DirectDebitBatch): string {
  const total = (items: DirectDebitTransaction[]) => items.reduce((sum, t) => sum + t.amountCents, 0);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'Document').ele('CstmrDrctDbtInitn');
  const header = root.ele('GrpHdr');
  header.ele('MsgId').txt(sepaText(batch.messageId, 35));
  header.ele('CreDtTm').txt(batch.createdAt.slice(0, 19));
  header.ele('NbOfTxs').txt(String(batch.transactions.length));
  header.ele('CtrlSum').txt(sepaAmount(total(batch.transactions)));
  header.ele('InitgPty').ele('Nm').txt(sepaText(batch.creditor.name, 70));

  for (const sequenceType of ['FRST', 'RCUR'] as const) {
    const transactions = batch.transactions.filter((t) => t.sequenceType === sequenceType);
    if (!transactions.length) continue;
    const info = root.ele('PmtInf');
    info.ele('PmtInfId').txt(sepaText(`${batch.messageId}-${sequenceType}`, 35));
    info.ele('PmtMtd').txt('DD');
    info.ele('NbOfTxs').txt(String(transactions.length));
    info.ele('CtrlSum').txt(sepaAmount(total(transactions)));
    const type = info.ele('PmtTpInf');
    type.ele('SvcLvl').ele('Cd').txt('SEPA');
    type.ele('LclInstrm').ele('Cd').txt('CORE');
    type.ele('SeqTp').txt(sequenceType);
    info.ele('ReqdColltnDt').txt(batch.collectionDate);
    info.ele('Cdtr').ele('Nm').txt(sepaText(batch.creditor.name, 70));
    info.ele('CdtrAcct').ele('Id').ele('IBAN').txt(batch.creditor.iban);
    agent(info.ele('CdtrAgt'), batch.creditor.bic);
    info.ele('ChrgBr').txt('SLEV');
    scheme(info.ele('CdtrSchmeId'), batch.creditor.creditorId);
    for (const t of transactions) {
      const tx = info.ele('DrctDbtTxInf');
      tx.ele('PmtId').ele('EndToEndId').txt(sepaText(t.endToEndId, 35));
      tx.ele('InstdAmt', { Ccy: 'EUR' }).txt(sepaAmount(t.amountCents));
      const mandate = tx.ele('DrctDbtTx').ele('MndtRltdInf');
      mandate.ele('MndtId').txt(t.mandateId);
      mandate.ele('DtOfSgntr').txt(t.mandateSignedOn);
      agent(tx.ele('DbtrAgt'), t.debtorBic);
      tx.ele('Dbtr').ele('Nm').txt(sepaText(t.debtorName, 70));
      tx.ele('DbtrAcct').ele('Id').ele('IBAN').txt(t.debtorIban);
      tx.ele('RmtInf').ele('Ustrd').txt(sepaText(t.remittance, 140));
    }
  }
  return root.end({ prettyPrint: true });
}

function agent(node: ReturnType<ReturnType<typeof create>['ele']>, bic: string | null): void {
  const institution = node.ele('FinInstnId');
  if (bic) institution.ele('BIC').txt(bic);
  else institution.ele('Othr').ele('Id').txt('NOTPROVIDED');
}

function scheme(node: ReturnType<ReturnType<typeof create>['ele']>, creditorId: string): void {
  const other = node.ele('Id').ele('PrvtId').ele('Othr');
  other.ele('Id').txt(creditorId);
  other.ele('SchmeNm').ele('Prtry').txt('SEPA');
}
