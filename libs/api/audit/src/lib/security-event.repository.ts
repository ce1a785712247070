import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SecurityEventResponse } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';
import type { SecurityEventFilter } from './security-event-log';
import type { SecurityEvent, SecurityEventType } from './security-events.service';

interface SecurityEventRow {
  id: string;
  type: SecurityEventType;
  organisation_id: string | null;
  user_id: string | null;
  user_email: string | null;
  email: string | null;
  ip: string | null;
  request_id: string | null;
  detail: Record<string, unknown> | null;
  occurred_at: Date;
}

/** How many events of a kind a user had lately, and when the oldest of them occurred. */
export interface RecentEvents {
  count: number;
  /** Seconds since the epoch; null when there are none. */
  oldestEpoch: number | null;
}

/** Every statement on `security_events`. */
@Injectable()
export class SecurityEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(event: SecurityEvent, db: Queryable = this.dataSource): Promise<void> {
    await db.query(`INSERT INTO security_events (type, organisation_id, user_id, email, ip, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      event.type,
      event.organisationId ?? null,
      event.userId ?? null,
      event.email ?? null,
      event.ip ?? null,
      event.requestId ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
    ]);
  }

  async recent(userId: string, type: SecurityEventType, windowSeconds: number, db: Queryable = this.dataSource): Promise<RecentEvents> {
    const [row] = await db.query<Array<{ failures: number; oldest: number | null }>>(
      `SELECT count(*)::int AS failures, extract(epoch FROM min(occurred_at))::float AS oldest FROM security_events
       WHERE user_id = $1 AND type = $3 AND occurred_at > now() - make_interval(secs => $2)`,
      [userId, windowSeconds, type],
    );
    return { count: row.failures, oldestEpoch: row.oldest };
  }

  /** The organisation's events, newest first, with the user's e-mail. */
  async page(organisationId: string, filter: SecurityEventFilter, db: Queryable = this.dataSource): Promise<{ items: SecurityEventResponse[]; total: number }> {
    const conditions = ['e.organisation_id = $1'];
    const params: unknown[] = [organisationId];
    if (filter.type) conditions.push(`e.type = $${params.push(filter.type)}`);
    const where = conditions.join(' AND ');
    const [{ total }] = await db.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM security_events e WHERE ${where}`, params);
    const rows = await db.query<SecurityEventRow[]>(
      `SELECT e.*, u.email AS user_email FROM security_events e LEFT JOIN users u ON u.id = e.user_id
       WHERE ${where} ORDER BY e.occurred_at DESC, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toSecurityEvent), total };
  }
}

function toSecurityEvent(row: SecurityEventRow): SecurityEventResponse {
  return {
    id: row.id,
    type: row.type,
    user: row.user_id ? { id: row.user_id, email: row.user_email ?? '' } : null,
    email: row.email ?? null,
    ip: row.ip ?? null,
    requestId: row.request_id ?? null,
    detail: row.detail ?? null,
    occurredAt: row.occurred_at.toISOString(),
  };
}
