import { Module } from '@nestjs/common';
import { AuditEventRepository } from './audit-event.repository';
import { AuditService } from './audit.service';
import { SecurityEventLog } from './security-event-log';
import { SecurityEventRepository } from './security-event.repository';
import { SecurityEvents } from './security-events.service';

@Module({
  providers: [AuditEventRepository, AuditService, SecurityEventRepository, SecurityEvents, SecurityEventLog],
  exports: [AuditService, SecurityEvents, SecurityEventLog],
})
export class AuditModule {}
