export * from './lib/api-organisations';
