import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { AuthUser, isLocale, ROLE_PERMISSIONS, Role, SessionResponse } from '@incubator/contracts';
import { AccessTokenService } from './access-token.service';
import type { Caller } from './caller';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { hashToken, newSecretToken } from './secret-token';
import { preparedQuery } from '@incubator/api/sql';

/** One row joining a user, their membership in an organisation, and the organisation. */
interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  role: Role;
  startup_id: string | null;
  organisation_id: string;
  organisation_slug: string;
  organisation_name: string;
}

const MEMBER_SELECT = `
  SELECT u.id AS user_id, u.email, u.display_name, u.locale, m.role, m.startup_id,
         o.id AS organisation_id, o.slug AS organisation_slug, o.name AS organisation_name
  FROM users u
  JOIN memberships m ON m.user_id = u.id AND m.is_active
  JOIN organisations o ON o.id = m.organisation_id`;

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly tokens: AccessTokenService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Signs in to the given organisation (or the user's oldest active membership). A wrong email, a wrong
   * password and an account without an active membership all get the same 401, after the same work.
   */
  async login(email: string, password: string, address: string, organisationSlug?: string): Promise<SessionResponse> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalised, address);
    const [account] = await this.dataSource.query('SELECT id, password_hash FROM users WHERE email = $1', [normalised]);
    const passwordOk = await this.hasher.verify(account?.password_hash ?? null, password);
    const member = passwordOk ? await this.findMember(account.id, organisationSlug) : null;
    if (!member) {
      await this.throttle.recordFailure(normalised, address);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await this.throttle.recordSuccess(normalised);
    await this.dataSource.query('UPDATE users SET last_login_at = now() WHERE id = $1', [member.user_id]);
    return this.openSession(this.dataSource.manager, member);
  }

  /** Exchanges a refresh token for a new access token and a new refresh token (rotation). */
  async refresh(refreshToken: string): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query(
        `SELECT id, user_id, organisation_id FROM sessions
         WHERE refresh_token_hash = $1 AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
        [hashToken(refreshToken)],
      );
      if (!session) throw new UnauthorizedException('Session expired; sign in again');
      const member = await this.memberIn(manager, session.user_id, session.organisation_id);
      if (!member) {
        await manager.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [session.id]);
        throw new UnauthorizedException('Session expired; sign in again');
      }
      const next = newSecretToken();
      await manager.query('UPDATE sessions SET refresh_token_hash = $2, last_used_at = now() WHERE id = $1', [session.id, hashToken(next)]);
      return this.sessionResponse(member, session.id, next);
    });
  }

  async logout(caller: Caller): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [caller.sessionId]);
  }

  /**
   * Resolves the caller of a request from verified token claims: the session must be live and the
   * membership active, checked on every request so revocations apply at once.
   */
  async resolveCaller(claims: { sub: string; org: string; sid: string }, requestId: string | null): Promise<Caller | null> {
    // Runs on every authenticated request: a prepared statement skips planning it each time.
    const [row] = await preparedQuery<{ email: string; role: Caller['role']; startup_id: string | null }>(
      this.dataSource,
      `SELECT u.email, m.role, m.startup_id FROM sessions s
       JOIN memberships m ON m.user_id = s.user_id AND m.organisation_id = s.organisation_id AND m.is_active
       JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.organisation_id = $3 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.sid, claims.sub, claims.org],
    );
    if (!row) return null;
    return {
      userId: claims.sub,
      email: row.email,
      organisationId: claims.org,
      role: row.role,
      startupId: row.startup_id,
      sessionId: claims.sid,
      requestId,
    };
  }

  async me(caller: Caller): Promise<AuthUser> {
    const member = await this.memberIn(this.dataSource.manager, caller.userId, caller.organisationId);
    if (!member) throw new ForbiddenException();
    return toAuthUser(member);
  }

  /** Starts a session for a member (used by login and by invitation acceptance). */
  async openSession(manager: EntityManager, member: MemberRow): Promise<SessionResponse> {
    const refreshToken = newSecretToken();
    const [session] = await manager.query(
      `INSERT INTO sessions (user_id, organisation_id, refresh_token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING id`,
      [member.user_id, member.organisation_id, hashToken(refreshToken), this.config.REFRESH_TOKEN_TTL_DAYS],
    );
    return this.sessionResponse(member, session.id, refreshToken);
  }

  async memberIn(manager: EntityManager, userId: string, organisationId: string): Promise<MemberRow | null> {
    const [row] = await manager.query(`${MEMBER_SELECT} WHERE u.id = $1 AND o.id = $2`, [userId, organisationId]);
    return row ?? null;
  }

  private async findMember(userId: string, organisationSlug?: string): Promise<MemberRow | null> {
    const [row] = organisationSlug
      ? await this.dataSource.query(`${MEMBER_SELECT} WHERE u.id = $1 AND o.slug = $2`, [userId, organisationSlug])
      : await this.dataSource.query(`${MEMBER_SELECT} WHERE u.id = $1 ORDER BY m.created_at, o.slug LIMIT 1`, [userId]);
    return row ?? null;
  }

  private async sessionResponse(member: MemberRow, sessionId: string, refreshToken: string): Promise<SessionResponse> {
    const accessToken = await this.tokens.sign({ sub: member.user_id, org: member.organisation_id, sid: sessionId });
    return { accessToken, expiresIn: this.tokens.ttlSeconds, refreshToken, user: toAuthUser(member) };
  }
}

function toAuthUser(member: MemberRow): AuthUser {
  return {
    id: member.user_id,
    email: member.email,
    displayName: member.display_name,
    locale: isLocale(member.locale) ? member.locale : 'fr',
    organisation: { id: member.organisation_id, slug: member.organisation_slug, name: member.organisation_name },
    role: member.role,
    startupId: member.startup_id,
    permissions: [...ROLE_PERMISSIONS[member.role]],
  };
}

export type { MemberRow };
