import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { IdentityModule } from '@incubator/api/identity';
import { ContactRepository } from './contact.repository';
import { ContactService } from './contact.service';
import { StartupImportService } from './startup-import.service';
import { StartupExportService } from './startup-export.service';
import { StartupRepository } from './startup.repository';
import { StartupService } from './startup.service';

@Module({
  imports: [AuditModule, IdentityModule],
  providers: [StartupRepository, StartupService, StartupExportService, ContactRepository, ContactService, StartupImportService],
  exports: [StartupRepository, StartupService, StartupExportService, ContactService, StartupImportService],
})
export class StartupsModule {}
