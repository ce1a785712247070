import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildPain008, DirectDebitBatch, sepaAmount, sepaText } from './pain008';

const batch: DirectDebitBatch = {
  messageId: 'DD-20261205-143000',
  createdAt: '2026-12-01T14:30:00.000Z',
  collectionDate: '2026-12-05',
  creditor: { name: 'Technopôle Démo SAS', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', creditorId: 'FR12ZZZ123456' },
  transactions: [
    {
      endToEndId: 'F-2026-00001',
      amountCents: 120000,
      mandateId: 'RUM-NOVA-001',
      mandateSignedOn: '2026-01-15',
      debtorName: 'Nova & Fils <SAS>',
      debtorIban: 'FR1420041010050500013M02606',
      debtorBic: null,
      sequenceType: 'RCUR',
      remittance: 'Facture F-2026-00001 "loyer"',
    },
    {
      endToEndId: 'F-2026-00002',
      amountCents: 5,
      mandateId: 'RUM-ORBIT-001',
      mandateSignedOn: '2026-11-20',
      debtorName: 'Orbit Labs',
      debtorIban: 'DE89370400440532013000',
      debtorBic: 'COBADEFFXXX',
      sequenceType: 'FRST',
      remittance: 'Facture F-2026-00002',
    },
    {
      endToEndId: 'F-2026-00003',
      amountCents: 99999,
      mandateId: 'RUM-NOVA-001',
      mandateSignedOn: '2026-01-15',
      debtorName: 'Nova & Fils <SAS>',
      debtorIban: 'FR1420041010050500013M02606',
      debtorBic: null,
      sequenceType: 'RCUR',
      remittance: 'Facture F-2026-00003',
    },
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['PmtInf', 'DrctDbtTxInf'].includes(name) });

describe('pain.008.001.02 builder', () => {
  const xml = buildPain008(batch);
  const document = parser.parse(xml).Document;

  it('is well-formed XML in the pain.008.001.02 namespace', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(document['@xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    expect(xml).not.toContain('xmlns=""');
  });

  it('states the count and control sum of the whole batch and of each payment information block', () => {
    const root = document.CstmrDrctDbtInitn;
    expect(root.GrpHdr).toMatchObject({ MsgId: 'DD-20261205-143000', CreDtTm: '2026-12-01T14:30:00', NbOfTxs: '3', CtrlSum: '2200.04' });
    expect(root.PmtInf.map((p: { PmtTpInf: { SeqTp: string }; NbOfTxs: string; CtrlSum: string }) => [p.PmtTpInf.SeqTp, p.NbOfTxs, p.CtrlSum])).toEqual([
      ['FRST', '1', '0.05'],
      ['RCUR', '2', '2199.99'],
    ]);
  });

  it('carries the creditor, its identifier (ICS) and each mandate, debtor and end-to-end id', () => {
    const [first, recurring] = document.CstmrDrctDbtInitn.PmtInf;
    expect(recurring).toMatchObject({
      PmtMtd: 'DD',
      PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: 'RCUR' },
      ReqdColltnDt: '2026-12-05',
      Cdtr: { Nm: 'Technopole Demo SAS' },
      CdtrAcct: { Id: { IBAN: 'FR7630006000011234567890189' } },
      CdtrAgt: { FinInstnId: { BIC: 'AGRIFRPP' } },
      ChrgBr: 'SLEV',
      CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: 'FR12ZZZ123456', SchmeNm: { Prtry: 'SEPA' } } } } },
    });
    expect(recurring.DrctDbtTxInf[0]).toMatchObject({
      PmtId: { EndToEndId: 'F-2026-00001' },
      InstdAmt: { '#text': '1200.00', '@Ccy': 'EUR' },
      DrctDbtTx: { MndtRltdInf: { MndtId: 'RUM-NOVA-001', DtOfSgntr: '2026-01-15' } },
      DbtrAgt: { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } },
      Dbtr: { Nm: 'Nova + Fils SAS' },
      DbtrAcct: { Id: { IBAN: 'FR1420041010050500013M02606' } },
      RmtInf: { Ustrd: 'Facture F-2026-00001 loyer' },
    });
    expect(first.DrctDbtTxInf[0]).toMatchObject({ DbtrAgt: { FinInstnId: { BIC: 'COBADEFFXXX' } }, InstdAmt: { '#text': '0.05' } });
  });

  it('never lets a name break the XML: special characters are escaped or replaced by the SEPA character set', () => {
    const hostile = buildPain008({ ...batch, creditor: { ...batch.creditor, name: '</Nm><Evil>&amp;' }, transactions: [{ ...batch.transactions[0], debtorName: ']]><x/>' }] });
    expect(XMLValidator.validate(hostile)).toBe(true);
    expect(hostile).not.toContain('<Evil>');
    expect(hostile).not.toContain('<x/>');
    expect(sepaText('Ça coûte 5 € — « ok » & co', 70)).toBe('Ca coute 5 ok + co');
    expect(sepaText('€€€', 10)).toBe('NOTPROVIDED');
    expect(sepaText('x'.repeat(200), 140)).toHaveLength(140);
  });

  it('writes amounts from integer cents', () => {
    expect(sepaAmount(0)).toBe('0.00');
    expect(sepaAmount(7)).toBe('0.07');
    expect(sepaAmount(123456)).toBe('1234.56');
  });
});
