import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { BoardAggregatesRepository } from './board-aggregates.repository';
import { KpiAggregatesRepository } from './kpi-aggregates.repository';
import { KpiAggregatesService } from './kpi-aggregates.service';
import { KpiDefinitionRepository } from './kpi-definition.repository';
import { KpiDefinitionService } from './kpi-definition.service';
import { KpiImportRepository } from './kpi-import.repository';
import { KpiImportService } from './kpi-import.service';
import { KpiReportRepository } from './kpi-report.repository';
import { KpiReportService } from './kpi-report.service';
import { KpiRollupRepository } from './kpi-rollup.repository';
import { KpiRollupService } from './kpi-rollup.service';

@Module({
  imports: [AuditModule],
  providers: [
    KpiDefinitionRepository,
    KpiReportRepository,
    KpiImportRepository,
    KpiAggregatesRepository,
    BoardAggregatesRepository,
    KpiRollupRepository,
    KpiRollupService,
    KpiDefinitionService,
    KpiReportService,
    KpiAggregatesService,
    KpiImportService,
  ],
  exports: [KpiRollupService, KpiDefinitionService, KpiReportService, KpiAggregatesService, KpiImportService],
})
export class KpisModule {}
