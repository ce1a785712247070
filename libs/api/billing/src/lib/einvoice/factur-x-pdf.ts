import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument = require('pdfkit');
import { buildCiiXml } from './cii-xml';
import type { EInvoiceDocument, EInvoiceParty } from './einvoice-document';
import { formatDate, formatMoney, formatPercent, formatQuantity, dayBefore } from './einvoice-format';
import { legalMentions } from './einvoice-texts';
import { PDF_TEXTS } from './factur-x-texts';

export const FACTUR_X_FILENAME = 'factur-x.xml';
const FX_NS = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const MARGIN = 42;
const CONTENT = A4_WIDTH - 2 * MARGIN;
const BOTTOM = A4_HEIGHT - 60; // keep the footer free
const ACCENT = '#1f4e79';
const MUTED = '#555555';
const RULE = '#c8d2dc';

/**
 * The fonts embedded in every invoice (PDF/A forbids the non-embedded standard fonts). Looked up next to
 * this file (sources, tests), then in `einvoice-fonts/` next to the bundle's main.js (the api and worker
 * builds must copy the folder there: webpack `assets`), then in INVOICE_FONTS_DIR.
 */
export function invoiceFontDir(): string {
  const candidates = [
    join(__dirname, 'fonts'),
    join(__dirname, 'einvoice-fonts'),
    process.argv[1] ? join(dirname(process.argv[1]), 'einvoice-fonts') : '',
    process.env['INVOICE_FONTS_DIR'] ?? '',
    join(process.cwd(), 'libs/api/billing/src/lib/einvoice/fonts'),
  ];
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'LiberationSans-Regular.ttf')));
  if (!found) throw new Error(`Invoice fonts not found (looked in ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

const xmpText = (s: string) => s.replace(/[<>&"]/g, ' ').replace(/\s+/g, ' ').trim();

function facturXMetadata(): string {
  const property = (name: string, description: string) => `
              <rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>${name}</pdfaProperty:name>
                <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                <pdfaProperty:category>external</pdfaProperty:category>
                <pdfaProperty:description>${description}</pdfaProperty:description>
              </rdf:li>`;
  return `
        <rdf:Description rdf:about="" xmlns:fx="${FX_NS}">
            <fx:DocumentType>INVOICE</fx:DocumentType>
            <fx:DocumentFileName>${FACTUR_X_FILENAME}</fx:DocumentFileName>
            <fx:Version>1.0</fx:Version>
            <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>${FX_NS}</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>${property('DocumentFileName', 'The name of the embedded XML document')}${property('DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER')}${property('Version', 'The actual version of the standard applying to the embedded XML document')}${property('ConformanceLevel', 'The conformance level of the embedded XML document')}
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>`;
}

export interface RenderOptions {
  /** The CII XML to embed; built from the document when absent. */
  xml?: string;
  /** The PDF's creation date (default: now). Pass the issue time to make the bytes reproducible. */
  createdAt?: Date;
}

/**
 * The invoice or credit note as a Factur-X PDF/A-3b (EN 16931 profile): a readable A4 document in the
 * document's language with every French mandatory mention, the CII XML attached as factur-x.xml
 * (AFRelationship Alternative, text/xml, in /AF and the EmbeddedFiles name tree), XMP with pdfaid
 * (part 3, B) and the Factur-X extension schema, an sRGB output intent, embedded TrueType fonts.
 */
export function renderFacturX(doc: EInvoiceDocument, options: RenderOptions = {}): Promise<Buffer> {
  const xml = options.xml ?? buildCiiXml(doc);
  const createdAt = options.createdAt ?? new Date();
  const t = PDF_TEXTS[doc.locale];
  const fonts = invoiceFontDir();
  const title = `${doc.kind === 'invoice' ? t.invoice : t.creditNote} ${doc.number}`;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    subset: 'PDF/A-3b',
    pdfVersion: '1.7',
    lang: doc.locale === 'fr' ? 'fr-FR' : 'en-GB',
    font: join(fonts, 'LiberationSans-Regular.ttf'),
    bufferPages: true,
    displayTitle: true,
    info: { Title: xmpText(title), Subject: xmpText(title), Creator: 'Incubator billing', Producer: 'Incubator billing (pdfkit)', CreationDate: createdAt },
  });
  pdf.registerFont('regular', join(fonts, 'LiberationSans-Regular.ttf'));
  pdf.registerFont('bold', join(fonts, 'LiberationSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  drawDocument(pdf, doc);

  // pdfkit ≥ 0.16 writes /AFRelationship and lists the file in the catalog's /AF; its typings lag behind.
  const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: 'Alternative' } = {
    name: FACTUR_X_FILENAME,
    type: 'text/xml',
    relationship: 'Alternative',
    description: doc.locale === 'fr' ? 'Facture structurée Factur-X (CII, EN 16931)' : 'Factur-X structured invoice (CII, EN 16931)',
    creationDate: createdAt,
    modifiedDate: createdAt,
  };
  pdf.file(Buffer.from(xml, 'utf8'), attachment);
  pdf.appendXML(facturXMetadata());
  pdf.end();
  return done;
}

type Pdf = PDFKit.PDFDocument;

function drawDocument(pdf: Pdf, doc: EInvoiceDocument): void {
  const t = PDF_TEXTS[doc.locale];
  const money = (cents: number) => formatMoney(cents, doc.currency, doc.locale);
  let y = MARGIN;

  // Header: logo and seller name on the left, the title and dates on the right.
  let leftX = MARGIN;
  if (doc.seller.logo) {
    try {
      pdf.image(doc.seller.logo.data, MARGIN, y, { fit: [90, 60] });
      leftX = MARGIN + 100;
    } catch {
      // an unreadable logo never blocks an invoice
    }
  }
  pdf.font('bold').fontSize(13).fillColor(ACCENT).text(doc.seller.name, leftX, y + 4, { width: 250 });
  pdf.font('regular').fontSize(8.5).fillColor(MUTED).text(addressLines(doc.seller).join('\n'), leftX, pdf.y + 2, { width: 250 });

  const rightX = MARGIN + CONTENT - 200;
  pdf.font('bold').fontSize(20).fillColor(ACCENT).text(doc.kind === 'invoice' ? t.invoice : t.creditNote, rightX, y, { width: 200, align: 'right' });
  pdf.font('bold').fontSize(10).fillColor('black').text(`${t.number} ${doc.number}`, rightX, pdf.y + 2, { width: 200, align: 'right' });
  const facts: [string, string][] = [[t.issueDate, formatDate(doc.issueDate)]];
  if (doc.dueDate) facts.push([t.dueDate, formatDate(doc.dueDate)]);
  if (doc.periodStart && doc.periodEnd) facts.push([t.period, `${formatDate(doc.periodStart)} – ${formatDate(dayBefore(doc.periodEnd))}`]);
  pdf.font('regular').fontSize(9);
  for (const [label, value] of facts) pdf.text(labelled(label, value, doc.locale), rightX - 40, pdf.y + 1, { width: 240, align: 'right' });
  y = Math.max(pdf.y, MARGIN + 70) + 14;

  // Parties.
  const half = (CONTENT - 16) / 2;
  const sellerEnd = partyBlock(pdf, t.seller, doc.seller, MARGIN, y, half, doc.locale);
  const buyerEnd = partyBlock(pdf, t.buyer, doc.buyer, MARGIN + half + 16, y, half, doc.locale);
  y = Math.max(sellerEnd, buyerEnd) + 8;
  if (doc.delivery) {
    pdf.font('bold').fontSize(8).fillColor(ACCENT).text(t.delivery.toUpperCase(), MARGIN, y);
    const d = doc.delivery;
    const lines = [d.addressLine1, d.addressLine2, `${d.postcode} ${d.city}`, d.country === 'FR' ? null : d.country].filter((l): l is string => !!l);
    pdf.font('regular').fontSize(9).fillColor('black').text(lines.join(', '), MARGIN, pdf.y + 2, { width: CONTENT });
    y = pdf.y + 8;
  }
  if (doc.kind === 'credit_note' && doc.precedingInvoice) {
    pdf.font('bold').fontSize(9.5).fillColor('black').text(t.creditFor(doc.precedingInvoice.number, formatDate(doc.precedingInvoice.issueDate)), MARGIN, y, { width: CONTENT });
    if (doc.creditReason) pdf.font('regular').fontSize(9).text(labelled(t.reason, doc.creditReason, doc.locale), MARGIN, pdf.y + 2, { width: CONTENT });
    y = pdf.y + 8;
  }

  // Lines.
  const widths = [CONTENT - 68 - 34 - 66 - 50 - 74, 68, 34, 66, 50, 74];
  const aligns: ('left' | 'right')[] = ['left', 'left', 'right', 'right', 'right', 'right'];
  y = tableRow(pdf, [...t.columns], widths, aligns, y, { header: true });
  for (const line of doc.lines) {
    const cells = [
      line.label,
      line.periodStart && line.periodEnd ? `${formatDate(line.periodStart)}\n${formatDate(dayBefore(line.periodEnd))}` : '',
      formatQuantity(line.quantity, doc.locale),
      money(line.unitPriceCents),
      vatLabel(line.vatCategory, line.vatRateBp, doc.locale),
      money(line.amountCents),
    ];
    y = tableRow(pdf, cells, widths, aligns, y, { header: false, repeat: [...t.columns] });
  }
  y += 12;

  // VAT breakdown on the left, totals on the right.
  y = ensureRoom(pdf, y, 120);
  const vatWidths = [110, 80, 70];
  let vy = tableRow(pdf, [...t.vatColumns], vatWidths, ['left', 'right', 'right'], y, { header: true, title: t.vatSummary });
  for (const v of doc.vatBreakdown) {
    vy = tableRow(pdf, [vatLabel(v.vatCategory, v.vatRateBp, doc.locale), money(v.basisCents), money(v.vatCents)], vatWidths, ['left', 'right', 'right'], vy, { header: false });
    if (v.vatCategory !== 'S' && v.exemptionReason) {
      pdf.font('regular').fontSize(7.5).fillColor(MUTED).text(v.exemptionReason, MARGIN + 4, vy + 1, { width: 256 });
      vy = pdf.y + 3;
    }
  }
  const totals: [string, string, boolean][] = [
    [t.totalExcl, money(doc.totalExclVatCents), false],
    [t.totalVat, money(doc.vatCents), false],
    [doc.kind === 'invoice' ? t.totalIncl : t.creditTotal, money(doc.totalInclVatCents), true],
  ];
  if (doc.paidCents !== 0) totals.push([t.paid, money(doc.paidCents), false]);
  if (doc.kind === 'invoice') totals.push([t.due, money(doc.totalInclVatCents - doc.paidCents), true]);
  const tx = MARGIN + CONTENT - 220;
  let ty = y + 14;
  for (const [label, value, strong] of totals) {
    if (strong) pdf.rect(tx, ty - 3, 220, 17).fill('#eef3f8');
    pdf.font(strong ? 'bold' : 'regular').fontSize(strong ? 10.5 : 9.5).fillColor('black');
    pdf.text(label, tx + 6, ty, { width: 120 });
    pdf.text(value, tx + 110, ty, { width: 104, align: 'right' });
    ty += 18;
  }
  y = Math.max(vy, ty) + 14;

  // Payment instructions.
  const mentions = legalMentions(doc);
  const payment: string[] = [];
  if (doc.kind === 'invoice' && doc.paymentMethod === 'direct_debit') {
    payment.push(t.directDebit);
    if (doc.mandateReference) payment.push(labelled(t.mandate, doc.mandateReference, doc.locale));
    if (doc.seller.sepaCreditorId) payment.push(labelled(t.creditor, doc.seller.sepaCreditorId, doc.locale));
  } else if (doc.kind === 'invoice') {
    payment.push(t.transfer);
    if (doc.seller.iban) payment.push(labelled(t.iban, groupIban(doc.seller.iban), doc.locale));
    if (doc.seller.bic) payment.push(labelled(t.bic, doc.seller.bic, doc.locale));
    payment.push(labelled(t.reference, doc.number, doc.locale));
  }
  payment.push(mentions.paymentTerms);
  y = section(pdf, t.payment, payment, y);

  const legal = [mentions.operationNature, ...(doc.vatOnDebits ? [t.vatOnDebits] : []), mentions.latePenalty, mentions.recoveryIndemnity, mentions.noDiscount, t.facturX];
  section(pdf, t.mentions, legal, y);

  // Footer on every page: the seller's legal identity and the page number.
  const range = pdf.bufferedPageRange();
  const identity = [doc.seller.name, doc.seller.siren ? `${t.siren} ${doc.seller.siren}` : null, doc.seller.vatNumber ? `${t.vat} ${doc.seller.vatNumber}` : null].filter(Boolean).join(' — ');
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.moveTo(MARGIN, A4_HEIGHT - 44).lineTo(MARGIN + CONTENT, A4_HEIGHT - 44).lineWidth(0.5).strokeColor(RULE).stroke();
    pdf.font('regular').fontSize(7.5).fillColor(MUTED).text(identity, MARGIN, A4_HEIGHT - 38, { width: CONTENT - 150, lineBreak: false, ellipsis: true });
    pdf.text(`${doc.number} — ${t.page(i - range.start + 1, range.count)}`, MARGIN + CONTENT - 150, A4_HEIGHT - 38, { width: 150, align: 'right', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}

function addressLines(p: { addressLine1: string; addressLine2: string | null; postcode: string; city: string; country: string }): string[] {
  return [p.addressLine1, p.addressLine2, `${p.postcode} ${p.city}`, p.country === 'FR' ? null : p.country].filter((l): l is string => !!l);
}

function labelled(label: string, value: string, locale: 'fr' | 'en'): string {
  return `${label}${locale === 'fr' ? ' : ' : ': '}${value}`;
}

function partyBlock(pdf: Pdf, label: string, p: EInvoiceParty, x: number, y: number, width: number, locale: 'fr' | 'en'): number {
  const t = PDF_TEXTS[locale];
  pdf.font('bold').fontSize(8).fillColor(ACCENT).text(label.toUpperCase(), x + 8, y + 6, { width: width - 16 });
  pdf.font('bold').fontSize(10).fillColor('black').text(p.name, x + 8, pdf.y + 3, { width: width - 16 });
  pdf.font('regular').fontSize(9).text(addressLines(p).join('\n'), x + 8, pdf.y + 1, { width: width - 16 });
  const ids = [p.siren ? labelled(t.siren, p.siren, locale) : null, p.siret ? labelled(t.siret, p.siret, locale) : null, p.vatNumber ? labelled(t.vat, p.vatNumber, locale) : null, p.email].filter((l): l is string => !!l);
  pdf.fontSize(8).fillColor(MUTED).text(ids.join('\n'), x + 8, pdf.y + 3, { width: width - 16 });
  const end = pdf.y + 6;
  pdf.roundedRect(x, y, width, end - y, 4).lineWidth(0.6).strokeColor(RULE).stroke();
  pdf.fillColor('black');
  return end;
}

function ensureRoom(pdf: Pdf, y: number, needed: number): number {
  if (y + needed <= BOTTOM) return y;
  pdf.addPage();
  return MARGIN;
}

function tableRow(
  pdf: Pdf,
  cells: string[],
  widths: number[],
  aligns: ('left' | 'right')[],
  y: number,
  opts: { header: boolean; repeat?: string[]; title?: string },
): number {
  const size = opts.header ? 8 : 9;
  pdf.font(opts.header ? 'bold' : 'regular').fontSize(size);
  const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c || ' ', { width: widths[i] - 8 }))) + 8;
  if (opts.title) {
    y = ensureRoom(pdf, y, height + 30);
    pdf.font('bold').fontSize(9.5).fillColor(ACCENT).text(opts.title, MARGIN, y);
    y = pdf.y + 4;
    pdf.font('bold').fontSize(size);
  }
  if (y + height > BOTTOM) {
    pdf.addPage();
    y = MARGIN;
    if (opts.repeat) y = tableRow(pdf, opts.repeat, widths, aligns, y, { header: true });
    pdf.font(opts.header ? 'bold' : 'regular').fontSize(size);
  }
  const total = widths.reduce((a, b) => a + b, 0);
  if (opts.header) pdf.rect(MARGIN, y, total, height).fill(ACCENT);
  let x = MARGIN;
  pdf.fillColor(opts.header ? 'white' : 'black');
  cells.forEach((cell, i) => {
    pdf.text(cell, x + 4, y + 4, { width: widths[i] - 8, align: aligns[i] });
    x += widths[i];
  });
  if (!opts.header) pdf.moveTo(MARGIN, y + height).lineTo(MARGIN + total, y + height).lineWidth(0.4).strokeColor(RULE).stroke();
  pdf.fillColor('black');
  return y + height;
}

function section(pdf: Pdf, title: string, lines: string[], y: number): number {
  pdf.font('regular').fontSize(8.5);
  const needed = 20 + lines.reduce((sum, l) => sum + pdf.heightOfString(l, { width: CONTENT }) + 2, 0);
  y = ensureRoom(pdf, y, Math.min(needed, BOTTOM - MARGIN));
  pdf.font('bold').fontSize(9.5).fillColor(ACCENT).text(title, MARGIN, y);
  pdf.font('regular').fontSize(8.5).fillColor('black');
  for (const l of lines) pdf.text(l, MARGIN, pdf.y + 2, { width: CONTENT });
  return pdf.y + 12;
}

function vatLabel(category: 'S' | 'E' | 'O', rateBp: number, locale: 'fr' | 'en'): string {
  const t = PDF_TEXTS[locale];
  if (category === 'E') return t.exempt;
  if (category === 'O') return t.outside;
  return formatPercent(rateBp, locale);
}

function groupIban(iban: string): string {
  return iban.replace(/\s/g, '').replace(/(.{4})/g, '$1 ').trim();
}
