import { BadRequestException, ConflictException, GoneException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import { MailService } from '@incubator/api/mail';
import {
  AcceptInvitationRequest,
  InvitationPreview,
  InvitationResponse,
  InviteRequest,
  isLocale,
  PageResponse,
} from '@incubator/contracts';
import { type IssuedSession, AuthService } from './auth.service';
import type { Caller } from './caller';
import { invitationEmail, invitationLink } from './emails';
import { PasswordHasher } from './password-hasher';
import { hashToken, newSecretToken } from './secret-token';
import { isUniqueViolation } from '@incubator/api/sql';
import { updateReturning } from './update-returning';

@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** Creates a single-use invitation and emails its link; refuses duplicates with 409. */
  async invite(caller: Caller, request: InviteRequest): Promise<InvitationResponse> {
    const email = request.email.trim().toLowerCase();
    if (request.role === 'startup' && !request.startupId) {
      throw new BadRequestException({ message: 'A startup member needs a startup', fields: { startupId: ['startupId is required for the startup role'] } });
    }
    const startupId = request.role === 'startup' ? request.startupId ?? null : null;
    const token = newSecretToken();

    const { invitation, organisation } = await this.dataSource.transaction(async (manager) => {
      const [organisation] = await manager.query('SELECT name, time_zone, default_locale FROM organisations WHERE id = $1', [caller.organisationId]);
      if (startupId) {
        const [startup] = await manager.query('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [startupId, caller.organisationId]);
        if (!startup) throw new NotFoundException('No such startup in this organisation');
      }
      const [member] = await manager.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.organisation_id = $2`,
        [email, caller.organisationId],
      );
      if (member) throw new ConflictException('This person is already a member of the organisation');
      const locale = request.locale ?? (isLocale(organisation.default_locale) ? organisation.default_locale : 'fr');
      const [invitation] = await manager
        .query(
          `INSERT INTO invitations (organisation_id, email, role, startup_id, locale, token_hash, invited_by, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8)) RETURNING *`,
          [caller.organisationId, email, request.role, startupId, locale, hashToken(token), caller.userId, this.config.INVITATION_TTL_HOURS],
        )
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictException('A pending invitation already exists for this email');
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
        expiresAt: invitation.expires_at,
        timeZone: organisation.time_zone,
      }),
      `invitation:${invitation.id}`,
    );
    return toResponse(invitation);
  }

  /** Pending invitations first, then the most recent. */
  async list(caller: Caller, limit: number, offset: number): Promise<PageResponse<InvitationResponse>> {
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM invitations WHERE organisation_id = $1 AND revoked_at IS NULL', [caller.organisationId]);
    const rows = await this.dataSource.query(
      `SELECT * FROM invitations WHERE organisation_id = $1 AND revoked_at IS NULL
       ORDER BY (accepted_at IS NULL) DESC, created_at DESC, id LIMIT $2 OFFSET $3`,
      [caller.organisationId, limit, offset],
    );
    return { items: rows.map(toResponse), total, limit, offset };
  }

  async revoke(caller: Caller, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [revoked] = await updateReturning<{ id: string; email: string }>(
        manager,
        `UPDATE invitations SET revoked_at = now()
         WHERE id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id, email`,
        [invitationId, caller.organisationId],
      );
      if (!revoked) throw new NotFoundException('No pending invitation with this id');
      await this.audit.recordBy(manager, caller, {
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitationId,
        before: { email: revoked.email },
      });
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const [row] = await this.dataSource.query(
      `SELECT i.*, o.name AS organisation_name, EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS existing_account
       FROM invitations i JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = $1`,
      [hashToken(token)],
    );
    assertUsable(row);
    return {
      email: row.email,
      role: row.role,
      organisationName: row.organisation_name,
      expiresAt: row.expires_at.toISOString(),
      existingAccount: row.existing_account,
    };
  }

  /**
   * Accepts an invitation once: creates the account (or, for an existing account, checks its
   * password), adds the membership, and signs the person in. The row lock makes a double submit safe.
   */
  async accept(request: AcceptInvitationRequest): Promise<IssuedSession> {
    return this.dataSource.transaction(async (manager) => {
      const [invitation] = await manager.query('SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE', [hashToken(request.token)]);
      assertUsable(invitation);
      const [existing] = await manager.query('SELECT id, password_hash FROM users WHERE email = $1', [invitation.email]);
      let userId: string;
      if (existing) {
        if (!(await this.hasher.verify(existing.password_hash, request.password))) {
          throw new UnauthorizedException('This email already has an account: enter its current password');
        }
        userId = existing.id;
      } else {
        if (!request.displayName) {
          throw new BadRequestException({ message: 'A new account needs a name', fields: { displayName: ['displayName is required for a new account'] } });
        }
        const [created] = await manager.query(
          'INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4) RETURNING id',
          [invitation.email, request.displayName, await this.hasher.hash(request.password), request.locale ?? invitation.locale],
        );
        userId = created.id;
      }
      const [membership] = await manager.query(
        `INSERT INTO memberships (user_id, organisation_id, role, startup_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, organisation_id) DO NOTHING RETURNING id`,
        [userId, invitation.organisation_id, invitation.role, invitation.startup_id],
      );
      if (!membership) throw new ConflictException('You are already a member of this organisation');
      await manager.query('UPDATE invitations SET accepted_at = now() WHERE id = $1', [invitation.id]);
      await this.audit.record(manager, {
        organisationId: invitation.organisation_id,
        actorUserId: userId,
        action: 'invitation.accepted',
        entityType: 'membership',
        entityId: membership.id,
        after: { userId, role: invitation.role, startupId: invitation.startup_id },
      });
      const member = await this.auth.memberIn(manager, userId, invitation.organisation_id);
      if (!member) throw new ConflictException('The membership could not be activated');
      return this.auth.openSession(manager, member);
    });
  }
}

function assertUsable(row: { expires_at: Date; accepted_at: Date | null; revoked_at: Date | null } | undefined): asserts row {
  if (!row || row.revoked_at) throw new NotFoundException('This invitation does not exist or was withdrawn');
  if (row.accepted_at) throw new GoneException('This invitation has already been used');
  if (row.expires_at.getTime() <= Date.now()) throw new GoneException('This invitation has expired; ask for a new one');
}

function toResponse(row: Record<string, unknown>): InvitationResponse {
  return {
    id: row['id'] as string,
    email: row['email'] as string,
    role: row['role'] as InvitationResponse['role'],
    startupId: (row['startup_id'] as string | null) ?? null,
    expiresAt: (row['expires_at'] as Date).toISOString(),
    acceptedAt: row['accepted_at'] ? (row['accepted_at'] as Date).toISOString() : null,
    createdAt: (row['created_at'] as Date).toISOString(),
  };
}
