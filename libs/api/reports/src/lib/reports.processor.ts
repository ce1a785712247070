import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { QueueProcessor } from '@incubator/api/queues';
import { QueueName, ReportsJob } from '@incubator/contracts';
import { ReportRunJob } from './report-run.job';
import { ReportScheduleJob, SyncSchedulesJob } from './report-schedule.job';

/** The lock a report job holds; a worker that dies loses it and the job goes to another worker. */
const LOCK_MS = Number(process.env['REPORT_LOCK_MS'] ?? 30_000);

/** The reports queue in the worker: runs, fired report schedules and schedule changes. */
@Processor(QueueName.Reports, { lockDuration: LOCK_MS, stalledInterval: LOCK_MS })
export class ReportsProcessor extends QueueProcessor<typeof QueueName.Reports> {
  constructor(moduleRef: ModuleRef) {
    super(QueueName.Reports, moduleRef, {
      jobs: [ReportRunJob, ReportScheduleJob, SyncSchedulesJob],
      schedules: {
        board_pack: (organisationId) => ({ name: ReportsJob.Fire, data: { organisationId, kind: 'board_pack' } }),
        occupancy: (organisationId) => ({ name: ReportsJob.Fire, data: { organisationId, kind: 'occupancy' } }),
      },
    });
  }
}
