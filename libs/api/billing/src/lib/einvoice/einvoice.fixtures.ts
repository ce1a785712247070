import { deflateSync } from 'node:zlib';
import type { EInvoiceDocument } from './einvoice-document';

/**
 * Sample documents for the tests (and for anyone checking a rendering by eye): an invoice with rent,
 * a service, a discount and an exempt training line (two VAT categories), and a partial credit note.
 */

/** A small opaque PNG (a two-colour badge) built without any image library. */
export function sampleLogoPng(size = 96): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const inner = Math.hypot(x - size / 2, y - size / 2) < size * 0.32;
      rows.push(...(inner ? [255, 255, 255] : [31, 78, 121]));
    }
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

export function sampleInvoice(overrides: Partial<EInvoiceDocument> = {}): EInvoiceDocument {
  return {
    kind: 'invoice',
    number: 'F-2027-000042',
    issueDate: '2027-01-01',
    dueDate: '2027-01-31',
    currency: 'EUR',
    locale: 'fr',
    precedingInvoice: null,
    creditReason: null,
    periodStart: '2027-01-01',
    periodEnd: '2027-02-01',
    seller: {
      name: 'Technopole Rives & Innovation SPL',
      siren: '732829320',
      siret: '73282932000074',
      vatNumber: 'FR44732829320',
      addressLine1: '12 rue des Pionniers',
      addressLine2: 'Bâtiment A',
      postcode: '69007',
      city: 'Lyon',
      country: 'FR',
      email: 'facturation@technopole-rives.example',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      sepaCreditorId: 'FR12ZZZ123456',
      logo: { contentType: 'image/png', data: sampleLogoPng() },
    },
    buyer: {
      name: 'Hélios Robotique SAS',
      siren: '552100554',
      siret: '55210055400013',
      vatNumber: 'FR40552100554',
      addressLine1: '5 avenue Jean Jaurès',
      addressLine2: null,
      postcode: '69003',
      city: 'Lyon',
      country: 'FR',
      email: 'compta@helios-robotique.example',
    },
    delivery: { addressLine1: '12 rue des Pionniers', addressLine2: 'Bâtiment B, bureau 204', postcode: '69007', city: 'Lyon', country: 'FR' },
    operationNature: 'services',
    vatOnDebits: true,
    paymentMethod: 'transfer',
    mandateReference: null,
    paymentTermsDays: 30,
    latePenaltyRateBp: 1215,
    recoveryIndemnityCents: 4000,
    lines: [
      { position: 1, label: 'Loyer bureau B-204 (24 m²) — janvier 2027', periodStart: '2027-01-01', periodEnd: '2027-02-01', quantity: 1, unitPriceCents: 125_000, amountCents: 125_000, vatRateBp: 2000, vatCategory: 'S', vatExemptionReason: null },
      { position: 2, label: 'Salle de réunion « Confluence » (heures)', periodStart: null, periodEnd: null, quantity: 3, unitPriceCents: 4_500, amountCents: 13_500, vatRateBp: 2000, vatCategory: 'S', vatExemptionReason: null },
      { position: 3, label: 'Remise de bienvenue', periodStart: null, periodEnd: null, quantity: 1, unitPriceCents: -10_000, amountCents: -10_000, vatRateBp: 2000, vatCategory: 'S', vatExemptionReason: null },
      { position: 4, label: 'Atelier de formation professionnelle continue', periodStart: null, periodEnd: null, quantity: 1, unitPriceCents: 30_000, amountCents: 30_000, vatRateBp: 0, vatCategory: 'E', vatExemptionReason: 'Exonération de TVA, article 261-4-4° a du CGI' },
    ],
    vatBreakdown: [
      { vatCategory: 'S', vatRateBp: 2000, basisCents: 128_500, vatCents: 25_700, exemptionReason: null },
      { vatCategory: 'E', vatRateBp: 0, basisCents: 30_000, vatCents: 0, exemptionReason: 'Exonération de TVA, article 261-4-4° a du CGI' },
    ],
    totalExclVatCents: 158_500,
    vatCents: 25_700,
    totalInclVatCents: 184_200,
    paidCents: 0,
    ...overrides,
  };
}

/** A partial credit note for the meeting-room line of {@link sampleInvoice}, amounts positive. */
export function sampleCreditNote(overrides: Partial<EInvoiceDocument> = {}): EInvoiceDocument {
  const invoice = sampleInvoice();
  return {
    ...invoice,
    kind: 'credit_note',
    number: 'AV-2027-000003',
    issueDate: '2027-01-15',
    dueDate: null,
    precedingInvoice: { number: invoice.number, issueDate: invoice.issueDate },
    creditReason: 'Salle de réunion annulée par le parc',
    periodStart: null,
    periodEnd: null,
    lines: [{ position: 1, label: 'Salle de réunion « Confluence » (heures)', periodStart: null, periodEnd: null, quantity: 3, unitPriceCents: 4_500, amountCents: 13_500, vatRateBp: 2000, vatCategory: 'S', vatExemptionReason: null }],
    vatBreakdown: [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 13_500, vatCents: 2_700, exemptionReason: null }],
    totalExclVatCents: 13_500,
    vatCents: 2_700,
    totalInclVatCents: 16_200,
    ...overrides,
  };
}
