export * from './lib/einvoice/einvoice-document';
