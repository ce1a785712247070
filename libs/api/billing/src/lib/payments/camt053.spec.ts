import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Camt053Error, decodeText, invoiceNumbersIn, parseAmountCents, parseCamt053 } from './camt053';

const sample = readFileSync(join(__dirname, 'fixtures', 'camt053-sample.xml'), 'utf8');

const problemOf = (xml: string) => {
  try {
    parseCamt053(xml);
    return null;
  } catch (error) {
    return error instanceof Camt053Error ? error.problem : 'other';
  }
};

describe('CAMT.053 parser', () => {
  it('reads every entry of a realistic camt.053.001.02 statement', () => {
    expect(parseCamt053(sample)).toEqual([
      {
        entryReference: '2026113000001AB',
        amountCents: 120000,
        currency: 'EUR',
        credit: true,
        booked: true,
        bookingDate: '2026-11-30',
        remittance: 'REGLEMENT FACTURE F-2026-00001 NOVA',
      },
      { entryReference: '2026113000002AB', amountCents: 25050, currency: 'EUR', credit: true, booked: true, bookingDate: '2026-11-30', remittance: 'Acompte / loyer novembre / F202600002' },
      { entryReference: '2026113000003AB', amountCents: 4990, currency: 'EUR', credit: false, booked: true, bookingDate: '2026-11-30', remittance: 'CB OFFICE SUPPLIES F-2026-00001' },
      { entryReference: '2026113000004AB', amountCents: 9900, currency: 'EUR', credit: true, booked: false, bookingDate: '2026-11-30', remittance: 'F-2026-00003' },
    ]);
  });

  it('reads later versions (Sts as a code element), NtryRef when there is no AcctSvcrRef, and prefixed namespaces', () => {
    const xml = `<?xml version="1.0"?><c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><c:BkToCstmrStmt><c:Stmt>
      <c:Ntry><c:NtryRef>E-77</c:NtryRef><c:Amt Ccy="EUR">10</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts><c:Cd>BOOK</c:Cd></c:Sts>
      <c:ValDt><c:DtTm>2026-11-02T10:00:00Z</c:DtTm></c:ValDt></c:Ntry></c:Stmt></c:BkToCstmrStmt></c:Document>`;
    expect(parseCamt053(xml)).toEqual([{ entryReference: 'E-77', amountCents: 1000, currency: 'EUR', credit: true, booked: true, bookingDate: '2026-11-02', remittance: null }]);
  });

  it('refuses a DTD, entity declarations (billion laughs, external entities) and malformed XML without expanding anything', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Document><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>`;
    const external = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`;
    expect(problemOf(laughs)).toBe('dtd');
    expect(problemOf(external)).toBe('dtd');
    expect(problemOf('<Document><BkToCstmrStmt></Document>')).toBe('malformed');
    expect(problemOf('not xml at all')).toBe('malformed');
    expect(problemOf('<Document><Other/></Document>')).toBe('not_camt053');
    expect(problemOf('<Document><BkToCstmrStmt><Stmt><Ntry><Amt>1e9</Amt></Ntry></Stmt></BkToCstmrStmt></Document>')).toBe('not_camt053');
  });

  it('decodes only the predefined entities and character references', () => {
    expect(decodeText('Nova &amp; Fils &lt;SAS&gt; &#233;t&#xE9; &foo;')).toBe('Nova & Fils <SAS> été &foo;');
  });

  it('parses amounts exactly, in cents', () => {
    expect(parseAmountCents('0.1')).toBe(10);
    expect(parseAmountCents('1234.56')).toBe(123456);
    expect(parseAmountCents('7')).toBe(700);
    expect(() => parseAmountCents('-5.00')).toThrow(Camt053Error);
    expect(() => parseAmountCents('1.234')).toThrow(Camt053Error);
  });

  it('finds invoice numbers in remittance texts, with or without dashes', () => {
    expect(invoiceNumbersIn('REGLEMENT FACTURE F-2026-00001 NOVA')).toEqual(['F-2026-00001']);
    expect(invoiceNumbersIn('Acompte / F202600002 / f-2026-00002')).toEqual(['F-2026-00002']);
    expect(invoiceNumbersIn('FAC 2026 00017 et FAC-2026-00018')).toEqual(['FAC-2026-00017', 'FAC-2026-00018']);
    expect(invoiceNumbersIn('virement loyer')).toEqual([]);
    expect(invoiceNumbersIn(null)).toEqual([]);
  });
});
