export * from './lib/startup.entity';
export * from './lib/startup.service';
export * from './lib/startups.module';
