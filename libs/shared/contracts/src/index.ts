export * from './lib/errors';
export * from './lib/health';
export * from './lib/locale';
export * from './lib/queues';
export * from './lib/system';
export * from './lib/identity';
export * from './lib/programs';
export * from './lib/space';
