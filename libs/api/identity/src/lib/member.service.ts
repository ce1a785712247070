import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, SecurityEvents } from '@incubator/api/audit';
import { MemberResponse, PageResponse, UpdateMemberRequest } from '@incubator/contracts';
import type { Caller } from './caller';
import { IdentityErrors } from './identity.errors';
import { type MemberFilter, MembershipRepository } from './membership.repository';
import { SessionRepository } from './session.repository';

export type { MemberFilter } from './membership.repository';

/** The organisation's members: list, change role, deactivate. Always within the caller's organisation. */
@Injectable()
export class MemberService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly securityEvents: SecurityEvents,
    private readonly memberships: MembershipRepository,
    private readonly sessions: SessionRepository,
  ) {}

  async list(caller: Caller, filter: MemberFilter): Promise<PageResponse<MemberResponse>> {
    const { items, total } = await this.memberships.page(caller.organisationId, filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /**
   * Changes a member's role, startup or active flag, audited with before/after. Refuses (409) any
   * change that would leave the organisation without an active admin. Deactivation ends their sessions.
   */
  async update(caller: Caller, userId: string, change: UpdateMemberRequest): Promise<MemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      // Lock the organisation's admin rows first so two concurrent demotions can't both pass the check.
      await this.memberships.lockAdmins(caller.organisationId, manager);
      const before = await this.memberships.find(caller.organisationId, userId, true, manager);
      if (!before) throw IdentityErrors.member_not_found();
      const role = change.role ?? before.role;
      const startupId = role === 'startup' ? (change.startupId !== undefined ? change.startupId : before.startupId) : null;
      if (role === 'startup' && !startupId) throw IdentityErrors.startup_required();
      if (startupId && !(await this.memberships.startupInOrganisation(startupId, caller.organisationId, manager))) throw IdentityErrors.startup_not_found();
      const isActive = change.isActive ?? before.isActive;
      if (before.role === 'admin' && before.isActive && (role !== 'admin' || !isActive)) {
        if ((await this.memberships.countActiveAdmins(caller.organisationId, manager)) <= 1) throw IdentityErrors.last_admin();
      }
      await this.memberships.update(caller.organisationId, userId, { role, startupId, isActive }, manager);
      if (!isActive) await this.sessions.revokeAllInOrganisation(userId, caller.organisationId, manager);
      const after = await this.memberships.find(caller.organisationId, userId, false, manager);
      if (!after) throw IdentityErrors.member_not_found();
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
}
