export * from './lib/postgres-errors';
export * from './lib/prepared-query';
