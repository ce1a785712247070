import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import { MailService } from '@incubator/api/mail';
import { isUniqueViolation } from '@incubator/api/sql';
import { AcceptInvitationRequest, InvitationPreview, InvitationResponse, InviteRequest, PageResponse } from '@incubator/contracts';
import { type IssuedSession, AuthService } from './auth.service';
import type { Caller, OperatorCaller } from './caller';
import { invitationEmail, invitationLink } from './emails';
import { IdentityErrors } from './identity.errors';
import { type Invitation, InvitationRepository, toInvitationResponse } from './invitation.repository';
import { MembershipRepository } from './membership.repository';
import { PasswordHasher } from './password-hasher';
import { hashToken, newSecretToken } from './secret-token';
import { UserRepository } from './user.repository';

@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
  ) {}

  /** Creates a single-use invitation and emails its link; refuses duplicates with 409. */
  async invite(caller: Pick<Caller, 'organisationId' | 'userId' | 'requestId'>, request: InviteRequest): Promise<InvitationResponse> {
    const email = request.email.trim().toLowerCase();
    if (request.role === 'startup' && !request.startupId) throw IdentityErrors.startup_required();
    const startupId = request.role === 'startup' ? request.startupId ?? null : null;
    const token = newSecretToken();

    const { invitation, organisation } = await this.dataSource.transaction(async (manager) => {
      const organisation = await this.invitations.invitingOrganisation(caller.organisationId, manager);
      if (startupId && !(await this.memberships.startupInOrganisation(startupId, caller.organisationId, manager))) throw IdentityErrors.startup_not_found();
      if (await this.memberships.isMemberByEmail(email, caller.organisationId, manager)) throw IdentityErrors.already_member();
      const invitation = await this.invitations
        .insert(
          {
            organisationId: caller.organisationId,
            email,
            role: request.role,
            startupId,
            locale: request.locale ?? organisation.defaultLocale,
            tokenHash: hashToken(token),
            invitedBy: caller.userId,
            ttlHours: this.config.INVITATION_TTL_HOURS,
          },
          manager,
        )
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw IdentityErrors.invitation_pending();
          throw error;
        });
      await this.audit.recordBy(manager, caller, {
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { email, role: request.role, startupId },
      });
      return { invitation, organisation };
    });

    await this.mail.send(
      invitationEmail({
        to: email,
        locale: invitation.locale,
        organisationName: organisation.name,
        role: invitation.role,
        link: invitationLink(this.config.PUBLIC_WEB_URL, token),
        expiresAt: invitation.expiresAt,
        timeZone: organisation.timeZone,
      }),
      `invitation:${invitation.id}`,
    );
    return toInvitationResponse(invitation);
  }

  /**
   * The platform operator, outside every organisation, invites into a given one (its first admin): the
   * same rules and e-mail, recorded in that organisation's audit trail with the operator as the actor.
   * The caller (the operator's controller) has checked that the organisation exists.
   */
  inviteOnBehalf(operator: OperatorCaller, organisationId: string, request: InviteRequest): Promise<InvitationResponse> {
    return this.invite({ organisationId, userId: operator.userId, requestId: operator.requestId }, request);
  }

  /** Pending invitations first, then the most recent. */
  async list(caller: Caller, limit: number, offset: number): Promise<PageResponse<InvitationResponse>> {
    const { items, total } = await this.invitations.page(caller.organisationId, limit, offset);
    return { items, total, limit, offset };
  }

  async revoke(caller: Caller, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revoked = await this.invitations.revoke(invitationId, caller.organisationId, manager);
      if (!revoked) throw IdentityErrors.invitation_not_found();
      await this.audit.recordBy(manager, caller, {
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitationId,
        before: { email: revoked.email },
      });
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.invitations.findByToken(hashToken(token));
    assertUsable(invitation);
    return {
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisationName,
      expiresAt: invitation.expiresAt.toISOString(),
      existingAccount: invitation.existingAccount,
    };
  }

  /**
   * Accepts an invitation once: creates the account (or, for an existing account, checks its
   * password), adds the membership, and signs the person in. The row lock makes a double submit safe.
   */
  async accept(request: AcceptInvitationRequest): Promise<IssuedSession> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.lockByToken(hashToken(request.token), manager);
      assertUsable(invitation);
      const existing = await this.users.credentialsByEmail(invitation.email, manager);
      let userId: string;
      if (existing) {
        if (!(await this.hasher.verify(existing.passwordHash, request.password))) throw IdentityErrors.existing_account_password();
        userId = existing.id;
      } else {
        if (!request.displayName) throw IdentityErrors.display_name_required();
        userId = await this.users.insert(
          { email: invitation.email, displayName: request.displayName, passwordHash: await this.hasher.hash(request.password), locale: request.locale ?? invitation.locale },
          manager,
        );
      }
      const membershipId = await this.memberships.insert(userId, invitation.organisationId, invitation.role, invitation.startupId, manager);
      if (!membershipId) throw IdentityErrors.already_joined();
      await this.invitations.markAccepted(invitation.id, manager);
      await this.audit.record(manager, {
        organisationId: invitation.organisationId,
        actorUserId: userId,
        action: 'invitation.accepted',
        entityType: 'membership',
        entityId: membershipId,
        after: { userId, role: invitation.role, startupId: invitation.startupId },
      });
      const member = await this.auth.memberIn(manager, userId, invitation.organisationId);
      if (!member) throw IdentityErrors.membership_not_activated();
      return this.auth.openSession(manager, member);
    });
  }
}

function assertUsable<T extends Invitation>(invitation: T | null): asserts invitation is T {
  if (!invitation || invitation.revokedAt) throw IdentityErrors.invitation_withdrawn();
  if (invitation.acceptedAt) throw IdentityErrors.invitation_used();
  if (invitation.expiresAt.getTime() <= Date.now()) throw IdentityErrors.invitation_expired();
}
