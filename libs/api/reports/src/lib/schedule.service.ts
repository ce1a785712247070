import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CronExpressionParser } from 'cron-parser';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { JobQueues } from '@incubator/api/queues';
import { ReportsJob } from '@incubator/contracts';
import type { ScheduleKind, ScheduleResponse, SetTargetRequest, TargetResponse, UpdateScheduleRequest } from '@incubator/contracts';
import { ReportErrors } from './report.errors';
import { ScheduleRepository } from './schedule.repository';
import { TargetRepository } from './target.repository';

/** Five fields (minute hour day month weekday), or six with seconds first as BullMQ allows. */
export function checkCron(cron: string, timeZone: string): Date {
  if (![5, 6].includes(cron.trim().split(/\s+/).length)) throw new Error('five or six fields expected');
  return CronExpressionParser.parse(cron, { tz: timeZone }).next().toDate();
}

/**
 * The organisation's schedules (board pack, occupancy, KPI reminders, waitlist expiry) and yearly
 * targets, as admins see and change them. A change is stored, audited and handed to the worker, which
 * alone registers repeatable jobs.
 */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedules: ScheduleRepository,
    private readonly targetRows: TargetRepository,
    private readonly queues: JobQueues,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string): Promise<ScheduleResponse[]> {
    const schedules = await this.schedules.list(organisationId);
    return schedules.map((schedule) => ({
      kind: schedule.kind,
      cron: schedule.cron,
      timeZone: schedule.timeZone,
      enabled: schedule.enabled,
      nextRunAt: schedule.enabled ? checkCron(schedule.cron, schedule.timeZone).toISOString() : null,
      updatedAt: schedule.updatedAt.toISOString(),
    }));
  }

  async update(caller: Caller, kind: ScheduleKind, change: UpdateScheduleRequest): Promise<ScheduleResponse> {
    const before = (await this.list(caller.organisationId)).find((s) => s.kind === kind);
    if (!before) throw ReportErrors.schedule_not_found({ kind });
    const next = { cron: change.cron ?? before.cron, enabled: change.enabled ?? before.enabled };
    try {
      checkCron(next.cron, before.timeZone);
    } catch {
      throw ReportErrors.invalid_cron();
    }
    await this.dataSource.transaction(async (manager) => {
      await this.schedules.update(manager, caller.organisationId, kind, next);
      await this.audit.recordBy(manager, caller, { action: 'schedule.updated', entityType: 'schedule', entityId: caller.organisationId, before: { kind, cron: before.cron, enabled: before.enabled }, after: { kind, ...next } });
    });
    await this.queues.add(ReportsJob.SyncSchedules, { organisationId: caller.organisationId });
    return (await this.list(caller.organisationId)).find((s) => s.kind === kind)!;
  }

  targets(organisationId: string): Promise<TargetResponse[]> {
    return this.targetRows.list(organisationId);
  }

  async setTarget(caller: Caller, target: SetTargetRequest): Promise<TargetResponse[]> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.targetRows.value(manager, caller.organisationId, target.key, target.year);
      await this.targetRows.upsert(manager, caller.organisationId, target);
      await this.audit.recordBy(manager, caller, { action: 'target.set', entityType: 'target', entityId: caller.organisationId, before: before !== null ? { ...target, value: before } : null, after: { ...target } });
    });
    return this.targets(caller.organisationId);
  }
}
