export * from './lib/job-handler';
export * from './lib/job-queues';
export * from './lib/job-registry';
export * from './lib/queue-processor';
export * from './lib/queue.errors';
export * from './lib/queues.module';
export * from './lib/redis-connection';
export * from './lib/schedule-registry';
