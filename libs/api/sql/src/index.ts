export * from './lib/postgres-errors';
export * from './lib/prepared-query';
export * from './lib/versioned-cache';
export * from './lib/loggable-error';
export * from './lib/sql-filter';
export * from './lib/table-export';
export * from './lib/queryable';
