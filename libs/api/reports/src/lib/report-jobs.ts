import { organisationToday } from '@incubator/api/organisations';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { LEGACY_OFFER_EXPIRY_SCHEDULER_ID, WaitlistService } from '@incubator/api/space';
import { previousPeriod, quarterOf, QueueName, ReportsJob, shiftQuarter } from '@incubator/contracts';
import type { ReportRunPayload, ScheduleFirePayload, ScheduleKind, SyncSchedulesPayload } from '@incubator/contracts';
import { KpiReminders } from './kpi-reminders';
import { ReportRunService } from './report-run.service';
import { ReportRunner } from './report-runner';

type ReportsPayload = ReportRunPayload | ScheduleFirePayload | SyncSchedulesPayload;

/** The lock a report job holds; a worker that dies loses it and the job goes to another worker. */
const LOCK_MS = Number(process.env['REPORT_LOCK_MS'] ?? 30_000);

export const schedulerId = (organisationId: string, kind: ScheduleKind) => `schedule:${organisationId}:${kind}`;

/**
 * Registers each organisation's schedules as BullMQ job schedulers in its time zone. The worker only:
 * at start for every organisation, then whenever an admin changes a schedule.
 */
@Injectable()
export class ScheduleRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduleRegistry.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue<ReportsPayload>,
    @InjectQueue(QueueName.Space) private readonly spaceQueue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.spaceQueue.removeJobScheduler(LEGACY_OFFER_EXPIRY_SCHEDULER_ID);
    const organisations: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM organisations');
    for (const organisation of organisations) await this.sync(organisation.id);
  }

  async sync(organisationId: string): Promise<void> {
    const schedules: Array<{ kind: ScheduleKind; cron: string; enabled: boolean; time_zone: string }> = await this.dataSource.query(
      `SELECT s.kind, s.cron, s.enabled, o.time_zone FROM report_schedules s JOIN organisations o ON o.id = s.organisation_id WHERE s.organisation_id = $1`,
      [organisationId],
    );
    for (const s of schedules) {
      const id = schedulerId(organisationId, s.kind);
      if (s.enabled) {
        await this.queue.upsertJobScheduler(id, { pattern: s.cron, tz: s.time_zone }, { name: ReportsJob.Fire, data: { organisationId, kind: s.kind } });
      } else {
        await this.queue.removeJobScheduler(id);
      }
    }
    this.logger.log({ organisationId, schedules: schedules.length }, 'schedules registered');
  }
}

/** The reports queue in the worker: runs, fired schedules and schedule changes. */
@Processor(QueueName.Reports, { lockDuration: LOCK_MS, stalledInterval: LOCK_MS })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: ReportRunner,
    private readonly runs: ReportRunService,
    private readonly reminders: KpiReminders,
    private readonly registry: ScheduleRegistry,
    private readonly waitlist: WaitlistService,
  ) {
    super();
  }

  async process(job: Job<ReportsPayload>): Promise<void> {
    switch (job.name) {
      case ReportsJob.Run:
        return this.runner.run((job.data as ReportRunPayload).runId);
      case ReportsJob.Fire:
        return this.fire(job.data as ScheduleFirePayload);
      case ReportsJob.SyncSchedules:
        return this.registry.sync((job.data as SyncSchedulesPayload).organisationId);
      default:
        throw new Error(`Unknown job "${job.name}" on queue "${QueueName.Reports}"`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<ReportsPayload> | undefined, error: Error): Promise<void> {
    if (job?.name !== ReportsJob.Run) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    await this.runner.failed((job.data as ReportRunPayload).runId, error, final);
  }

  /** A schedule fired: the period just closed, in the organisation's time zone. */
  private async fire({ organisationId, kind }: ScheduleFirePayload): Promise<void> {
    const today = await organisationToday(this.dataSource, organisationId);
    if (kind === 'kpi_reminders') {
      const sent = await this.reminders.send(organisationId);
      this.logger.log({ organisationId, sent }, 'KPI reminders sent');
      return;
    }
    if (kind === 'waitlist_expiry') {
      if ((await this.waitlist.expireOffers(organisationId)).length) this.logger.log({ organisationId }, 'waitlist offers lapsed');
      return;
    }
    const period = kind === 'board_pack' ? shiftQuarter(quarterOf(today), 1) : previousPeriod(today.slice(0, 7));
    const run = await this.runs.request(organisationId, { kind, period, trigger: 'schedule', requestedBy: null });
    this.logger.log({ organisationId, kind, period, runId: run.id }, 'scheduled report requested');
  }
}
