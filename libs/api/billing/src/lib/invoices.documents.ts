import { Injectable } from '@nestjs/common';
import type { EInvoiceDocument } from './einvoice/einvoice-document';
import { buildCiiXml, renderFacturX } from './einvoice';
import { BillingErrors } from './billing.errors';

/**
 * What makes the Factur-X files of an issued document: the CII XML builder and the PDF/A-3 renderer of
 * einvoice/, behind a token so a test (or a server without the fonts) can bind another.
 */
export abstract class InvoiceRenderer {
  abstract pdf(doc: EInvoiceDocument): Promise<Buffer>;
  abstract xml(doc: EInvoiceDocument): Promise<string>;
}

/** The real one: `renderFacturX` (PDF/A-3 with the XML embedded) and `buildCiiXml` (EN 16931 CII). */
@Injectable()
export class FacturXInvoiceRenderer extends InvoiceRenderer {
  pdf(doc: EInvoiceDocument): Promise<Buffer> {
    return renderFacturX(doc);
  }

  async xml(doc: EInvoiceDocument): Promise<string> {
    return buildCiiXml(doc);
  }
}

/** A stand-in that makes no document (answers billing.document_unavailable). */
@Injectable()
export class UnavailableInvoiceRenderer extends InvoiceRenderer {
  pdf(): Promise<Buffer> {
    return Promise.reject(BillingErrors.document_unavailable());
  }

  xml(): Promise<string> {
    return Promise.reject(BillingErrors.document_unavailable());
  }
}
