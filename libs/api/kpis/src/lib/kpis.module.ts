import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { KpiAggregatesService } from './kpi-aggregates.service';
import { KpiDefinitionService } from './kpi-definition.service';
import { KpiImportService } from './kpi-import.service';
import { KpiReportService } from './kpi-report.service';

@Module({
  imports: [AuditModule],
  providers: [KpiDefinitionService, KpiReportService, KpiAggregatesService, KpiImportService],
  exports: [KpiDefinitionService, KpiReportService, KpiAggregatesService, KpiImportService],
})
export class KpisModule {}
