export * from './lib/audit-event.entity';
export * from './lib/audit.module';
export * from './lib/audit.service';
export * from './lib/security-event-log';
export * from './lib/security-events.service';
