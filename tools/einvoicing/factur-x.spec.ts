import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
// Here, beside the official validators, rather than in the billing lib: the lib never depends on the tools.
import { buildCiiXml, readEmbeddedXml, renderFacturX, sampleCreditNote, sampleInvoice, type EInvoiceDocument, type EInvoiceLine } from '@incubator/api/billing';
import { expectValidEn16931, validateCii, warmUpSchematron } from './expect-valid-en16931';

// Saxon runs the whole Schematron per document: seconds each on a loaded two-core machine, not Jest's default 5.
jest.setTimeout(120_000);

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};
// poppler-utils (pdftoppm, pdfdetach, pdftotext) is a prerequisite `npm test` installs (tools/setup/prerequisites.ts).
const withPoppler = (name: string, fn: () => Promise<void> | void, timeout?: number) =>
  it(
    name,
    async () => {
      for (const command of ['pdftoppm', 'pdfdetach', 'pdftotext']) if (!has(command)) throw new Error(`${command} is missing: install poppler-utils`);
      await fn();
    },
    timeout,
  );

const work = mkdtempSync(join(tmpdir(), 'facturx-'));
const directDebitEn = () => sampleInvoice({ locale: 'en', paymentMethod: 'direct_debit', mandateReference: 'RUM-HELIOS-0001', vatOnDebits: false, paidCents: 50_000 });

/** The uncompressed text of a PDF's objects (its streams inflated), to look at its structure. */
function pdfObjects(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const inflated: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const end = raw.indexOf('endstream', m.index);
    try {
      inflated.push(inflateSync(pdf.subarray(m.index + m[0].length, end)).toString('latin1'));
    } catch {
      // not a Flate stream (the XMP, the font files)
    }
  }
  return raw + inflated.join('\n');
}

describe('the EN 16931 validity of the generated documents', () => {
  beforeAll(() => warmUpSchematron(), 180_000);

  const cases: [string, EInvoiceDocument][] = [
    ['an invoice with rent, a service, a discount and an exempt line (transfer, VAT on debits)', sampleInvoice()],
    ['the same in English, by direct debit, partly paid', directDebitEn()],
    ['a partial credit note', sampleCreditNote()],
    ['an invoice without period, delivery address, buyer SIREN or VAT number', sampleInvoice({ periodStart: null, periodEnd: null, delivery: null, buyer: { ...sampleInvoice().buyer, siren: null, siret: null, vatNumber: null } })],
  ];

  it.each(cases)('%s passes the schema and every fatal business rule', async (_label, doc) => {
    const xml = buildCiiXml(doc);
    const result = await validateCii(xml);
    expect(result.schemaErrors).toEqual([]);
    expect(result.fatal).toEqual([]);
    await expectValidEn16931(xml, doc.number);
  });

  it('an invoice whose totals do not add up is refused (BR-CO-15)', async () => {
    const xml = buildCiiXml(sampleInvoice({ totalInclVatCents: 184_201 }));
    await expect(expectValidEn16931(xml)).rejects.toThrow(/BR-CO-15/);
  });

  it('an invoice outside the scope of VAT (category O) passes', async () => {
    const line: EInvoiceLine = { position: 1, label: 'Refacturation de débours', periodStart: null, periodEnd: null, quantity: 1, unitPriceCents: 2_000, amountCents: 2_000, vatRateBp: 0, vatCategory: 'O', vatExemptionReason: 'Débours (art. 267 II 2° du CGI)' };
    const doc = sampleInvoice({ lines: [line], vatBreakdown: [{ vatCategory: 'O', vatRateBp: 0, basisCents: 2_000, vatCents: 0, exemptionReason: 'Débours (art. 267 II 2° du CGI)' }], totalExclVatCents: 2_000, vatCents: 0, totalInclVatCents: 2_000 });
    await expectValidEn16931(buildCiiXml(doc));
  });
});

describe('renderFacturX', () => {
  let frPdf: Buffer;
  let enPdf: Buffer;
  let creditPdf: Buffer;
  const frXml = buildCiiXml(sampleInvoice());

  beforeAll(async () => {
    frPdf = await renderFacturX(sampleInvoice(), { xml: frXml, createdAt: new Date('2027-01-01T08:00:00Z') });
    enPdf = await renderFacturX(directDebitEn());
    creditPdf = await renderFacturX(sampleCreditNote());
  });

  it('embeds the XML, which an independent reader (pdf-lib objects) gets back byte for byte', async () => {
    expect(await readEmbeddedXml(frPdf)).toBe(frXml);
    expect(await readEmbeddedXml(enPdf)).toBe(buildCiiXml(directDebitEn()));
    expect(await readEmbeddedXml(creditPdf)).toBe(buildCiiXml(sampleCreditNote()));
  });

  it('is a PDF/A-3b Factur-X: associated file, XMP pdfaid and Factur-X schema, sRGB output intent, document id', () => {
    const text = pdfObjects(frPdf);
    expect(text).toMatch(/^%PDF-1\.7/);
    expect(text).toMatch(/\/Type \/Filespec\s+\/AFRelationship \/Alternative/);
    expect(text).toMatch(/\/Subtype \/text#2Fxml/);
    expect(text).toMatch(/\/AF \[\d+ 0 R\]/);
    expect(text).toMatch(/\/EmbeddedFiles/);
    expect(text).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(text).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(text).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
    expect(text).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(text).toContain('<fx:Version>1.0</fx:Version>');
    expect(text).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    expect(text).toContain('<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>');
    expect(text).toMatch(/\/S \/GTS_PDFA1/);
    expect(text).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });

  it('embeds its fonts and never uses the standard 14 fonts', () => {
    const text = pdfObjects(frPdf);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans/);
    expect(text).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  });

  withPoppler('is read by poppler too: pdfdetach extracts the same XML, pdftotext finds every mandatory mention', () => {
    const file = join(work, 'fr.pdf');
    writeFileSync(file, frPdf);
    execFileSync('pdfdetach', ['-save', '1', '-o', join(work, 'detached.xml'), file]);
    expect(readFileSync(join(work, 'detached.xml'), 'utf8')).toBe(frXml);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const mention of [
      'FACTURE',
      'F-2027-000042',
      "Date d'émission : 01/01/2027",
      "Date d'échéance : 31/01/2027",
      '01/01/2027 – 31/01/2027',
      'SIREN : 732829320',
      'SIREN : 552100554',
      'N° TVA intracommunautaire : FR44732829320',
      'N° TVA intracommunautaire : FR40552100554',
      '12 rue des Pionniers, Bâtiment B, bureau 204, 69007 Lyon',
      'Prestations de services',
      'TVA acquittée sur les débits',
      '12,15 %',
      '40,00 €',
      'Pas d’escompte',
      '1 842,00 €',
      '1 285,00 €',
      'Exonération de TVA, article 261-4-4° a du CGI',
      'FR76 3000 6000 0112 3456 7890 189',
      'Technopole Rives & Innovation SPL',
    ])
      expect(text).toContain(mention);
    const en = join(work, 'en.pdf');
    writeFileSync(en, enPdf);
    const enText = execFileSync('pdftotext', ['-layout', en, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const mention of ['INVOICE', 'Issue date: 01/01/2027', '€1,842.00', '€1,342.00', 'Mandate reference (UMR): RUM-HELIOS-0001', 'SEPA creditor identifier: FR12ZZZ123456', 'Supply of services'])
      expect(enText).toContain(mention);
    expect(enText).not.toContain('debits');
  });

  withPoppler('renders with pdftoppm (French and English invoice, credit note, a long invoice over pages)', async () => {
    const lines: EInvoiceLine[] = Array.from({ length: 45 }, (_, i) => ({ position: i + 1, label: `Service ponctuel n° ${i + 1} — impression et affranchissement`, periodStart: null, periodEnd: null, quantity: 1, unitPriceCents: 1_000, amountCents: 1_000, vatRateBp: 2000, vatCategory: 'S', vatExemptionReason: null }));
    const long = sampleInvoice({ lines, vatBreakdown: [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 45_000, vatCents: 9_000, exemptionReason: null }], totalExclVatCents: 45_000, vatCents: 9_000, totalInclVatCents: 54_000 });
    await expectValidEn16931(buildCiiXml(long));
    const shots = process.env['FACTURX_SHOTS_DIR'] ?? work;
    mkdirSync(shots, { recursive: true });
    for (const [name, pdf] of [['invoice-fr', frPdf], ['invoice-en', enPdf], ['credit-note-fr', creditPdf], ['long-fr', await renderFacturX(long)]] as const) {
      const file = join(shots, `${name}.pdf`);
      writeFileSync(file, pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(shots, name)]);
      const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
      if (name === 'long-fr') expect(Number(pages)).toBeGreaterThan(1);
      else expect(Number(pages)).toBe(1);
    }
  });
});
