import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, SecurityEvents } from '@incubator/api/audit';
import { MemberResponse, PageResponse, Role, UpdateMemberRequest } from '@incubator/contracts';
import type { Caller } from './caller';

export interface MemberFilter {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

const MEMBER_COLUMNS = `u.id AS user_id, u.email, u.display_name, u.last_login_at, m.id AS membership_id, m.role,
  m.startup_id, m.is_active, m.created_at AS joined_at`;

/** The organisation's members: list, change role, deactivate. Always within the caller's organisation. */
@Injectable()
export class MemberService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly securityEvents: SecurityEvents,
  ) {}

  async list(caller: Caller, filter: MemberFilter): Promise<PageResponse<MemberResponse>> {
    const conditions = ['m.organisation_id = $1'];
    const params: unknown[] = [caller.organisationId];
    if (filter.role) conditions.push(`m.role = $${params.push(filter.role)}`);
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(`(u.email ILIKE $${params.push(pattern)} OR u.display_name ILIKE $${params.length})`);
    }
    const where = conditions.join(' AND ');
    const from = 'FROM memberships m JOIN users u ON u.id = m.user_id';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from} WHERE ${where}`, params);
    const rows = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} ${from} WHERE ${where} ORDER BY lower(u.display_name), u.email
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toResponse), total, limit: filter.limit, offset: filter.offset };
  }

  /**
   * Changes a member's role, startup or active flag, audited with before/after. Refuses (409) any
   * change that would leave the organisation without an active admin. Deactivation ends their sessions.
   */
  async update(caller: Caller, userId: string, change: UpdateMemberRequest): Promise<MemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      // Lock the organisation's admin rows first so two concurrent demotions can't both pass the check.
      await manager.query(`SELECT id FROM memberships WHERE organisation_id = $1 AND role = 'admin' FOR UPDATE`, [caller.organisationId]);
      const before = await this.find(manager, caller.organisationId, userId, true);
      const role = change.role ?? before.role;
      const startupId = role === 'startup' ? (change.startupId !== undefined ? change.startupId : before.startupId) : null;
      if (role === 'startup' && !startupId) {
        throw new BadRequestException({ message: 'A startup member needs a startup', fields: { startupId: ['startupId is required for the startup role'] } });
      }
      if (startupId) {
        const [startup] = await manager.query('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [startupId, caller.organisationId]);
        if (!startup) throw new NotFoundException('No such startup in this organisation');
      }
      const isActive = change.isActive ?? before.isActive;
      if (before.role === 'admin' && before.isActive && (role !== 'admin' || !isActive)) {
        const [{ admins }] = await manager.query(
          `SELECT count(*)::int AS admins FROM memberships WHERE organisation_id = $1 AND role = 'admin' AND is_active`,
          [caller.organisationId],
        );
        if (admins <= 1) throw new ConflictException('The organisation needs at least one active admin');
      }
      await manager.query(
        'UPDATE memberships SET role = $3, startup_id = $4, is_active = $5, updated_at = now() WHERE user_id = $1 AND organisation_id = $2',
        [userId, caller.organisationId, role, startupId, isActive],
      );
      if (!isActive) {
        await manager.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND organisation_id = $2 AND revoked_at IS NULL', [userId, caller.organisationId]);
      }
      const after = await this.find(manager, caller.organisationId, userId);
      await this.audit.recordBy(manager, caller, {
        action: 'membership.updated',
        entityType: 'membership',
        entityId: before.membershipId,
        before: { role: before.role, startupId: before.startupId, isActive: before.isActive },
        after: { role: after.role, startupId: after.startupId, isActive: after.isActive },
      });
      // A change of who may do what (role, or access removed/restored) is also a security event, in the same transaction.
      if (after.role !== before.role || after.isActive !== before.isActive) {
        await this.securityEvents.record(
          {
            type: 'member.role-changed',
            organisationId: caller.organisationId,
            userId: caller.userId,
            email: caller.email,
            requestId: caller.requestId,
            detail: { memberUserId: userId, before: { role: before.role, isActive: before.isActive }, after: { role: after.role, isActive: after.isActive } },
          },
          manager,
        );
      }
      return after;
    });
  }

  private async find(manager: EntityManager, organisationId: string, userId: string, lock = false) {
    const [row] = await manager.query(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organisation_id = $1 AND m.user_id = $2 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [organisationId, userId],
    );
    if (!row) throw new NotFoundException('No such member in this organisation');
    return { ...toResponse(row), membershipId: row.membership_id as string };
  }
}

function toResponse(row: Record<string, unknown>): MemberResponse {
  return {
    userId: row['user_id'] as string,
    email: row['email'] as string,
    displayName: row['display_name'] as string,
    role: row['role'] as Role,
    startupId: (row['startup_id'] as string | null) ?? null,
    isActive: row['is_active'] as boolean,
    lastLoginAt: row['last_login_at'] ? (row['last_login_at'] as Date).toISOString() : null,
    joinedAt: (row['joined_at'] as Date).toISOString(),
  };
}
