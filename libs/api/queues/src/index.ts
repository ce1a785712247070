export * from './lib/queues.module';
export * from './lib/redis-connection';
