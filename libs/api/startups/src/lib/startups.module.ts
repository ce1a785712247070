import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { StartupExportService } from './startup-export.service';
import { StartupRepository } from './startup.repository';
import { StartupService } from './startup.service';

@Module({ imports: [AuditModule], providers: [StartupRepository, StartupService, StartupExportService], exports: [StartupRepository, StartupService, StartupExportService] })
export class StartupsModule {}
