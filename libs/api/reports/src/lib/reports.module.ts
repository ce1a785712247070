import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { KpisModule } from '@incubator/api/kpis';
import { MailModule } from '@incubator/api/mail';
import { SpaceModule } from '@incubator/api/space';
import { BoardDashboardCache } from './board-dashboard.cache';
import { BoardQuarterService } from './board-quarter.service';
import { KpiReminders } from './kpi-reminders';
import { ReportsProcessor, ScheduleRegistry } from './report-jobs';
import { ReportFiles } from './report-files';
import { ReportRunService } from './report-run.service';
import { ReportRunner } from './report-runner';
import { ScheduleService } from './schedule.service';

const services = [BoardDashboardCache, BoardQuarterService, ReportRunService, ScheduleService];

/** Reports for the api: board quarter data, report runs, schedules and targets. */
@Module({ imports: [AuditModule, KpisModule, SpaceModule], providers: services, exports: services })
export class ReportsModule {}

/** The worker side: producing runs, firing schedules, KPI reminders. */
@Module({ imports: [ReportsModule, KpisModule, SpaceModule, MailModule], providers: [ReportFiles, ReportRunner, KpiReminders, ScheduleRegistry, ReportsProcessor] })
export class ReportsJobsModule {}
