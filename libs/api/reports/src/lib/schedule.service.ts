import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { bilingualError, QueueName, ReportsJob } from '@incubator/contracts';
import type { ScheduleKind, ScheduleResponse, SetTargetRequest, SyncSchedulesPayload, TargetResponse, UpdateScheduleRequest } from '@incubator/contracts';

/** Five fields (minute hour day month weekday), or six with seconds first as BullMQ allows. */
export function checkCron(cron: string, timeZone: string): Date {
  if (![5, 6].includes(cron.trim().split(/\s+/).length)) throw new Error('five or six fields expected');
  return CronExpressionParser.parse(cron, { tz: timeZone }).next().toDate();
}

/**
 * The organisation's schedules (board pack, occupancy, KPI reminders) and yearly targets, as admins
 * see and change them. A change is stored, audited and handed to the worker, which alone registers
 * repeatable jobs.
 */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue<SyncSchedulesPayload>,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string): Promise<ScheduleResponse[]> {
    const rows = await this.dataSource.query(
      `SELECT s.kind, s.cron, s.enabled, s.updated_at, o.time_zone FROM report_schedules s JOIN organisations o ON o.id = s.organisation_id
       WHERE s.organisation_id = $1 ORDER BY s.kind`,
      [organisationId],
    );
    return rows.map((row: { kind: ScheduleKind; cron: string; enabled: boolean; updated_at: Date; time_zone: string }) => ({
      kind: row.kind,
      cron: row.cron,
      timeZone: row.time_zone,
      enabled: row.enabled,
      nextRunAt: row.enabled ? checkCron(row.cron, row.time_zone).toISOString() : null,
      updatedAt: row.updated_at.toISOString(),
    }));
  }

  async update(caller: Caller, kind: ScheduleKind, change: UpdateScheduleRequest): Promise<ScheduleResponse> {
    const before = (await this.list(caller.organisationId)).find((s) => s.kind === kind);
    if (!before) throw new NotFoundException('No such schedule');
    const next = { cron: change.cron ?? before.cron, enabled: change.enabled ?? before.enabled };
    try {
      checkCron(next.cron, before.timeZone);
    } catch {
      throw new BadRequestException(
        bilingualError({ fr: 'Expression cron invalide.', en: 'Invalid cron expression.' }, { cron: { fr: 'cinq champs attendus : minute heure jour mois jour-de-semaine', en: 'five fields expected: minute hour day month weekday' } }),
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE report_schedules SET cron = $3, enabled = $4, updated_at = now() WHERE organisation_id = $1 AND kind = $2', [caller.organisationId, kind, next.cron, next.enabled]);
      await this.audit.recordBy(manager, caller, { action: 'schedule.updated', entityType: 'schedule', entityId: caller.organisationId, before: { kind, cron: before.cron, enabled: before.enabled }, after: { kind, ...next } });
    });
    await this.queue.add(ReportsJob.SyncSchedules, { organisationId: caller.organisationId });
    return (await this.list(caller.organisationId)).find((s) => s.kind === kind)!;
  }

  async targets(organisationId: string): Promise<TargetResponse[]> {
    const rows = await this.dataSource.query('SELECT key, year, value::text FROM organisation_targets WHERE organisation_id = $1 ORDER BY year DESC, key', [organisationId]);
    return rows.map((r: { key: TargetResponse['key']; year: number; value: string }) => ({ key: r.key, year: r.year, value: r.value.replace(/\.00$/, '') }));
  }

  async setTarget(caller: Caller, target: SetTargetRequest): Promise<TargetResponse[]> {
    await this.dataSource.transaction(async (manager) => {
      const [before] = await manager.query('SELECT value::text FROM organisation_targets WHERE organisation_id = $1 AND key = $2 AND year = $3', [caller.organisationId, target.key, target.year]);
      await manager.query(
        `INSERT INTO organisation_targets (organisation_id, key, year, value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, key, year) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [caller.organisationId, target.key, target.year, target.value],
      );
      await this.audit.recordBy(manager, caller, { action: 'target.set', entityType: 'target', entityId: caller.organisationId, before: before ? { ...target, value: before.value } : null, after: { ...target } });
    });
    return this.targets(caller.organisationId);
  }
}
