export * from './lib/api-queues';
