export * from './lib/organisation.errors';
export * from './lib/organisation.repository';
export * from './lib/organisation.service';
export * from './lib/organisations.module';
export * from './lib/organisations.seed';
