import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PageResponse, SecurityEventResponse } from '@incubator/contracts';
import type { SecurityEventType } from './security-events.service';

export interface SecurityEventFilter {
  type?: SecurityEventType;
  limit: number;
  offset: number;
}

/** Reads an organisation's security events for its admins, newest first (writing is SecurityEvents'). */
@Injectable()
export class SecurityEventLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, filter: SecurityEventFilter): Promise<PageResponse<SecurityEventResponse>> {
    const conditions = ['e.organisation_id = $1'];
    const params: unknown[] = [organisationId];
    if (filter.type) conditions.push(`e.type = $${params.push(filter.type)}`);
    const where = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM security_events e WHERE ${where}`, params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.*, u.email AS user_email FROM security_events e LEFT JOIN users u ON u.id = e.user_id
       WHERE ${where} ORDER BY e.occurred_at DESC, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return {
      items: rows.map((row) => ({
        id: row['id'] as string,
        type: row['type'] as string,
        user: row['user_id'] ? { id: row['user_id'] as string, email: row['user_email'] as string } : null,
        email: (row['email'] as string | null) ?? null,
        ip: (row['ip'] as string | null) ?? null,
        requestId: (row['request_id'] as string | null) ?? null,
        detail: (row['detail'] as Record<string, unknown> | null) ?? null,
        occurredAt: (row['occurred_at'] as Date).toISOString(),
      })),
      total,
      limit: filter.limit,
      offset: filter.offset,
    };
  }
}
