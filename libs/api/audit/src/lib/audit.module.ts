import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { SecurityEventLog } from './security-event-log';
import { SecurityEvents } from './security-events.service';

@Module({ providers: [AuditService, SecurityEvents, SecurityEventLog], exports: [AuditService, SecurityEvents, SecurityEventLog] })
export class AuditModule {}
