import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { StartupExportService } from './startup-export.service';
import { StartupService } from './startup.service';

@Module({ imports: [AuditModule], providers: [StartupService, StartupExportService], exports: [StartupService, StartupExportService] })
export class StartupsModule {}
