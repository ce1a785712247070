import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEventResponse, PageResponse } from '@incubator/contracts';

export interface AuditEntry {
  organisationId: string;
  actorUserId: string | null;
  /** `<entity>.<verb>`, e.g. `membership.updated`, `invitation.created`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
  requestId?: string | null;
}

/** The signed-in person a change is attributed to (structurally, identity's Caller). */
export interface AuditActor {
  organisationId: string;
  userId: string;
  requestId: string | null;
}

export type AuditChange = Omit<AuditEntry, 'organisationId' | 'actorUserId' | 'requestId'>;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

/** The audit trail. Entries are written in the same transaction as the change they describe. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
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

  /** Records a change made by the caller of a request, in their organisation. */
  recordBy(manager: EntityManager, actor: AuditActor, change: AuditChange): Promise<void> {
    return this.record(manager, { ...change, organisationId: actor.organisationId, actorUserId: actor.userId, requestId: actor.requestId });
  }

  async list(organisationId: string, filter: AuditFilter): Promise<PageResponse<AuditEventResponse>> {
    const conditions = ['a.organisation_id = $1'];
    const params: unknown[] = [organisationId];
    if (filter.entityType) conditions.push(`a.entity_type = $${params.push(filter.entityType)}`);
    if (filter.entityId) conditions.push(`a.entity_id = $${params.push(filter.entityId)}`);
    const where = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_events a WHERE ${where}`, params);
    const rows = await this.dataSource.query(
      `SELECT a.*, u.email AS actor_email FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return {
      items: rows.map((row: Record<string, unknown>) => ({
        id: row['id'],
        actor: row['actor_user_id'] ? { id: row['actor_user_id'], email: row['actor_email'] } : null,
        action: row['action'],
        entityType: row['entity_type'],
        entityId: row['entity_id'],
        before: row['before'],
        after: row['after'],
        requestId: row['request_id'],
        createdAt: (row['created_at'] as Date).toISOString(),
      })) as AuditEventResponse[],
      total,
      limit: filter.limit,
      offset: filter.offset,
    };
  }
}
