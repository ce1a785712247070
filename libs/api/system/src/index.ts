export * from './lib/heartbeat.entity';
export * from './lib/heartbeat.service';
export * from './lib/jobs/heartbeat.processor';
export * from './lib/jobs/heartbeat.scheduler';
export * from './lib/system.errors';
export * from './lib/system.module';
