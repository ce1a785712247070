import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEventResponse } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';
import type { AuditEntry, AuditFilter } from './audit.service';

interface AuditEventRow {
  id: string;
  organisation_id: string;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
  created_at: Date;
}

/** Every statement on `audit_events` (append-only: insert and read). */
@Injectable()
export class AuditEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entry: AuditEntry, db: Queryable): Promise<void> {
    await db.query(
      `INSERT INTO audit_events (organisation_id, actor_user_id, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.organisationId,
        entry.actorUserId,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        entry.requestId ?? null,
      ],
    );
  }

  /** The organisation's entries, newest first, with the actor's e-mail. */
  async page(organisationId: string, filter: AuditFilter, db: Queryable = this.dataSource): Promise<{ items: AuditEventResponse[]; total: number }> {
    const conditions = ['a.organisation_id = $1'];
    const params: unknown[] = [organisationId];
    if (filter.entityType) conditions.push(`a.entity_type = $${params.push(filter.entityType)}`);
    if (filter.entityId) conditions.push(`a.entity_id = $${params.push(filter.entityId)}`);
    const where = conditions.join(' AND ');
    const [{ total }] = await db.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM audit_events a WHERE ${where}`, params);
    const rows = await db.query<AuditEventRow[]>(
      `SELECT a.*, u.email AS actor_email FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toAuditEvent), total };
  }
}

function toAuditEvent(row: AuditEventRow): AuditEventResponse {
  return {
    id: row.id,
    actor: row.actor_user_id ? { id: row.actor_user_id, email: row.actor_email ?? '' } : null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    createdAt: row.created_at.toISOString(),
  };
}
