export * from './lib/audit.module';
export * from './lib/audit.service';
export * from './lib/security-event-log';
export type { RecentEvents } from './lib/security-event.repository';
export * from './lib/security-events.service';
