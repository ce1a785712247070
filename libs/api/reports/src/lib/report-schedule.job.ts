import { Logger } from '@nestjs/common';
import { Job, JobHandler } from '@incubator/api/queues';
import { previousPeriod, quarterOf, ReportsJob, shiftQuarter } from '@incubator/contracts';
import type { ScheduleFirePayload, SyncSchedulesPayload } from '@incubator/contracts';
import { BoardQuarterRepository } from './board-quarter.repository';
import { ReportRunService } from './report-run.service';
import { ScheduleSync } from './schedule-sync';

/** A report schedule fired: request the run of the period just closed, in the organisation's time zone. */
@JobHandler(ReportsJob.Fire)
export class ReportScheduleJob implements Job<typeof ReportsJob.Fire> {
  private readonly logger = new Logger(ReportScheduleJob.name);

  constructor(
    private readonly runs: ReportRunService,
    private readonly organisations: BoardQuarterRepository,
  ) {}

  async handle({ organisationId, kind }: ScheduleFirePayload): Promise<void> {
    const today = await this.organisations.today(organisationId);
    const period = kind === 'board_pack' ? shiftQuarter(quarterOf(today), 1) : previousPeriod(today.slice(0, 7));
    const run = await this.runs.request(organisationId, { kind, period, trigger: 'schedule', requestedBy: null });
    this.logger.log({ organisationId, kind, period, runId: run.id }, 'scheduled report requested');
  }
}

/** An admin changed a schedule: register the organisation's job schedulers again. */
@JobHandler(ReportsJob.SyncSchedules)
export class SyncSchedulesJob implements Job<typeof ReportsJob.SyncSchedules> {
  constructor(private readonly sync: ScheduleSync) {}

  handle({ organisationId }: SyncSchedulesPayload): Promise<void> {
    return this.sync.sync(organisationId);
  }
}
