export * from './lib/einvoice';
