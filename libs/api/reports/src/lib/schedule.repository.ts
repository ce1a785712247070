import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { ScheduleKind } from '@incubator/contracts';

/** An organisation's schedule with the time zone its cron is read in. */
export interface ScheduleRecord {
  kind: ScheduleKind;
  cron: string;
  enabled: boolean;
  timeZone: string;
  updatedAt: Date;
}

interface ScheduleRow {
  kind: ScheduleKind;
  cron: string;
  enabled: boolean;
  time_zone: string;
  updated_at: Date;
}

/** Every statement on `report_schedules`. */
@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, db: Queryable = this.dataSource): Promise<ScheduleRecord[]> {
    const rows = await db.query<ScheduleRow[]>(
      `SELECT s.kind, s.cron, s.enabled, s.updated_at, o.time_zone FROM report_schedules s JOIN organisations o ON o.id = s.organisation_id
       WHERE s.organisation_id = $1 ORDER BY s.kind`,
      [organisationId],
    );
    return rows.map((row) => ({ kind: row.kind, cron: row.cron, enabled: row.enabled, timeZone: row.time_zone, updatedAt: row.updated_at }));
  }

  /** The organisations that have schedules. */
  async organisationIds(): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ organisation_id: string }>>('SELECT DISTINCT organisation_id FROM report_schedules');
    return rows.map((row) => row.organisation_id);
  }

  async update(db: Queryable, organisationId: string, kind: ScheduleKind, change: { cron: string; enabled: boolean }): Promise<void> {
    await db.query('UPDATE report_schedules SET cron = $3, enabled = $4, updated_at = now() WHERE organisation_id = $1 AND kind = $2', [organisationId, kind, change.cron, change.enabled]);
  }
}
