export * from './lib/organisation.entity';
export * from './lib/organisation.service';
export * from './lib/organisations.module';
export * from './lib/site.entity';
export * from './lib/organisation-today';
