import { Module } from '@nestjs/common';
import { AuditModule } from '@incubator/api/audit';
import { IdentityModule } from '@incubator/api/identity';
import { KpisModule } from '@incubator/api/kpis';
import { MailModule } from '@incubator/api/mail';
import { OrganisationsModule } from '@incubator/api/organisations';
import { SpaceModule } from '@incubator/api/space';
import { BoardDashboardCache } from './board-dashboard.cache';
import { BoardOutcomesRepository } from './board-outcomes.repository';
import { BoardOutcomesService } from './board-outcomes.service';
import { BoardQuarterRepository } from './board-quarter.repository';
import { BoardQuarterService } from './board-quarter.service';
import { ReportFiles } from './report-files';
import { ReportRunRepository } from './report-run.repository';
import { ReportRunService } from './report-run.service';
import { ReportRunner } from './report-runner';
import { ReportsProcessor } from './reports.processor';
import { ScheduleRepository } from './schedule.repository';
import { ScheduleService } from './schedule.service';
import { ScheduleSync } from './schedule-sync';
import { TargetRepository } from './target.repository';

const repositories = [BoardOutcomesRepository, BoardQuarterRepository, ReportRunRepository, ScheduleRepository, TargetRepository];
const services = [BoardDashboardCache, BoardOutcomesService, BoardQuarterService, ReportRunService, ScheduleService];

/** Reports for the api: board quarter data, report runs, schedules and targets. */
@Module({ imports: [AuditModule, KpisModule, SpaceModule], providers: [...repositories, ...services], exports: [...repositories, ...services] })
export class ReportsModule {}

/** The worker side: producing and delivering runs, firing report schedules, registering every schedule. */
@Module({ imports: [ReportsModule, KpisModule, SpaceModule, IdentityModule, MailModule, OrganisationsModule], providers: [ReportFiles, ReportRunner, ScheduleSync, ReportsProcessor] })
export class ReportsJobsModule {}
