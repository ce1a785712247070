export * from './lib/startup-export.service';
export * from './lib/startup.entity';
export * from './lib/startup.service';
export * from './lib/startups.module';
export * from './lib/startup-visibility';
