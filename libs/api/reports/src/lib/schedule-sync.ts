import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueues, ScheduleRegistry } from '@incubator/api/queues';
import { JOB_QUEUE, QueueName } from '@incubator/contracts';
import type { ScheduleKind } from '@incubator/contracts';
import { ScheduleRepository } from './schedule.repository';

export const schedulerId = (organisationId: string, kind: ScheduleKind) => `schedule:${organisationId}:${kind}`;

/**
 * Registers each organisation's schedules (the `report_schedules` rows) as BullMQ job schedulers in its
 * time zone, each enqueueing the job its domain registered for the kind (ScheduleRegistry). The worker
 * only: at start for every organisation, then whenever an admin changes a schedule.
 */
@Injectable()
export class ScheduleSync implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduleSync.name);

  constructor(
    private readonly schedules: ScheduleRepository,
    private readonly registry: ScheduleRegistry,
    private readonly queues: JobQueues,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const organisationId of await this.schedules.organisationIds()) await this.sync(organisationId);
  }

  async sync(organisationId: string): Promise<void> {
    const schedules = await this.schedules.list(organisationId);
    for (const schedule of schedules) {
      const id = schedulerId(organisationId, schedule.kind);
      const job = this.registry.job(schedule.kind, organisationId);
      const queue = JOB_QUEUE[job.name];
      if (schedule.enabled) await this.queues.upsertScheduler(id, { pattern: schedule.cron, tz: schedule.timeZone }, job);
      else await this.queues.removeScheduler(queue, id);
      // Every schedule used to fire on the reports queue: one whose job now runs elsewhere leaves that behind.
      if (queue !== QueueName.Reports) await this.queues.removeScheduler(QueueName.Reports, id);
    }
    this.logger.log({ organisationId, schedules: schedules.length }, 'schedules registered');
  }
}
