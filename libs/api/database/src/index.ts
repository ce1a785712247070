export * from './lib/api-database';
