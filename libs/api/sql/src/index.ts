export * from './lib/prepared-query';
