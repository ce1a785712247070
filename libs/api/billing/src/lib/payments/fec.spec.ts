import { buildFec, FEC_COLUMNS, fecAmount, fecDate, fecFileName, FecInvoice, FecPayment } from './fec';

const invoices: FecInvoice[] = [
  { kind: 'invoice', number: 'F-2026-00002', issueDate: '2026-11-02', customerAccount: 'C0002', customerName: 'Orbit\tLabs', totalExclVatCents: 50000, vatCents: 10000, totalInclVatCents: 60000 },
  { kind: 'invoice', number: 'F-2026-00001', issueDate: '2026-11-01', customerAccount: 'C0001', customerName: 'Nova SAS', totalExclVatCents: 100000, vatCents: 20000, totalInclVatCents: 120000 },
  { kind: 'credit_note', number: 'AV-2026-00001', issueDate: '2026-11-10', customerAccount: 'C0001', customerName: 'Nova SAS', totalExclVatCents: 10000, vatCents: 2000, totalInclVatCents: 12000 },
  { kind: 'invoice', number: 'F-2026-00003', issueDate: '2026-11-12', customerAccount: 'C0003', customerName: 'Exempt Co', totalExclVatCents: 3333, vatCents: 0, totalInclVatCents: 3333 },
];
const payments: FecPayment[] = [{ receivedOn: '2026-11-20', invoiceNumber: 'F-2026-00001', reference: 'VIR 123', customerAccount: 'C0001', customerName: 'Nova SAS', amountCents: 108000 }];

const parse = (fec: string) => {
  const [header, ...rows] = fec.replace(/\r\n$/, '').split('\r\n');
  return { header: header.split('\t'), rows: rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [FEC_COLUMNS[i], v])) as Record<(typeof FEC_COLUMNS)[number], string>) };
};
const cents = (amount: string) => Number(amount.replace(',', '.')) * 100;

describe('FEC builder', () => {
  const fec = buildFec(invoices, payments);
  const { header, rows } = parse(fec);

  it('has the 18 legal columns in order, tab-separated, on every line', () => {
    expect(header).toEqual([...FEC_COLUMNS]);
    expect(header).toHaveLength(18);
    for (const line of fec.replace(/\r\n$/, '').split('\r\n')) expect(line.split('\t')).toHaveLength(18);
  });

  it('balances every entry (debit = credit) and the whole file', () => {
    const entries = new Map<string, number>();
    for (const row of rows) entries.set(row.EcritureNum, (entries.get(row.EcritureNum) ?? 0) + Math.round(cents(row.Debit)) - Math.round(cents(row.Credit)));
    expect(entries.size).toBe(5);
    for (const balance of entries.values()) expect(balance).toBe(0);
  });

  it('writes sales in VE (411 debit, 706 and 44571 credit), credit notes reversed, payments in BQ (512 / 411)', () => {
    const summary = rows.map((r) => [r.JournalCode, r.EcritureNum, r.CompteNum, r.CompAuxNum, r.PieceRef, r.Debit, r.Credit]);
    expect(summary).toEqual([
      ['VE', 'VE000001', '411000', 'C0001', 'F-2026-00001', '1200,00', '0,00'],
      ['VE', 'VE000001', '706000', '', 'F-2026-00001', '0,00', '1000,00'],
      ['VE', 'VE000001', '445710', '', 'F-2026-00001', '0,00', '200,00'],
      ['VE', 'VE000002', '411000', 'C0002', 'F-2026-00002', '600,00', '0,00'],
      ['VE', 'VE000002', '706000', '', 'F-2026-00002', '0,00', '500,00'],
      ['VE', 'VE000002', '445710', '', 'F-2026-00002', '0,00', '100,00'],
      ['VE', 'VE000003', '411000', 'C0001', 'AV-2026-00001', '0,00', '120,00'],
      ['VE', 'VE000003', '706000', '', 'AV-2026-00001', '100,00', '0,00'],
      ['VE', 'VE000003', '445710', '', 'AV-2026-00001', '20,00', '0,00'],
      ['VE', 'VE000004', '411000', 'C0003', 'F-2026-00003', '33,33', '0,00'],
      ['VE', 'VE000004', '706000', '', 'F-2026-00003', '0,00', '33,33'],
      ['BQ', 'BQ000001', '512000', '', 'VIR 123', '1080,00', '0,00'],
      ['BQ', 'BQ000001', '411000', 'C0001', 'VIR 123', '0,00', '1080,00'],
    ]);
  });

  it('writes dates as AAAAMMJJ and amounts with a decimal comma; no tab or line break inside a field', () => {
    expect(rows[0]).toMatchObject({ JournalLib: 'Ventes', EcritureDate: '20261101', PieceDate: '20261101', ValidDate: '20261101', CompteLib: 'Clients', EcritureLib: 'Facture F-2026-00001 Nova SAS' });
    expect(rows[3].CompAuxLib).toBe('Orbit Labs');
    expect(fecDate('2026-01-31')).toBe('20260131');
    expect(fecAmount(5)).toBe('0,05');
    expect(fecAmount(-123456)).toBe('-1234,56');
    expect(fecFileName('123456789', '2026-12-31')).toBe('123456789FEC20261231.txt');
  });

  it('is an empty journal (header only) for a period without entries', () => {
    expect(buildFec([], [])).toBe(`${FEC_COLUMNS.join('\t')}\r\n`);
  });
});
