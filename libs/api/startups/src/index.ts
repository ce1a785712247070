export * from './lib/startup-export.service';
export * from './lib/startup.errors';
export * from './lib/startup.repository';
export * from './lib/startup.service';
export * from './lib/startups.module';
export * from './lib/startup-visibility';
export * from './lib/startups.seed';
