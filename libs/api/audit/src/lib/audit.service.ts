import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEventResponse, PageResponse } from '@incubator/contracts';
import { AuditEventRepository } from './audit-event.repository';

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
  constructor(private readonly events: AuditEventRepository) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.events.insert(entry, manager);
  }

  /** Records a change made by the caller of a request, in their organisation. */
  recordBy(manager: EntityManager, actor: AuditActor, change: AuditChange): Promise<void> {
    return this.record(manager, { ...change, organisationId: actor.organisationId, actorUserId: actor.userId, requestId: actor.requestId });
  }

  async list(organisationId: string, filter: AuditFilter): Promise<PageResponse<AuditEventResponse>> {
    const { items, total } = await this.events.page(organisationId, filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }
}
