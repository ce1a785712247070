export * from './einvoice-document';
export { buildCiiXml, EN16931_GUIDELINE } from './cii-xml';
export { renderFacturX, FACTUR_X_FILENAME, type RenderOptions } from './factur-x-pdf';
export { readEmbeddedXml } from './factur-x-reader';
export { legalMentions, type LegalMentions } from './einvoice-texts';
export { formatMoney, formatDate } from './einvoice-format';
/** Example documents (an invoice and a credit note covering every kind of line): tests and previews. */
export { sampleCreditNote, sampleInvoice } from './einvoice.fixtures';
