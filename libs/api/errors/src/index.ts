export * from './lib/domain-error';
export * from './lib/error-catalogue';
