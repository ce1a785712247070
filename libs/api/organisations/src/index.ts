export * from './lib/organisation.entity';
export * from './lib/site.entity';
