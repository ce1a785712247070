export * from './lib/api-system';
