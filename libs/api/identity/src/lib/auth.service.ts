import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { AuthUser, isLocale, permissionsOf, Role, SessionResponse } from '@incubator/contracts';
import { SecurityEvents } from '@incubator/api/audit';
import { bilingualError } from '@incubator/contracts';
import type { MfaChallengeResponse } from '@incubator/contracts';
import { AccessTokenService } from './access-token.service';
import { type AnyCaller, type Caller, isOperator } from './caller';
import { LoginThrottle } from './login-throttle';
import { ChallengeOutcome, ClientContext, MfaService } from './mfa.service';
import { PasswordHasher } from './password-hasher';
import { operatorRow, type OperatorRow, resolveOperatorCaller } from './platform-operator';
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
  mfa_enabled: boolean;
  /** The organisation requires MFA of this role and the user has none: no session until enrolled. */
  mfa_enrolment_required: boolean;
}

/** A session as issued: the refresh token goes into the httpOnly cookie, never into the JSON body. */
export type IssuedSession = SessionResponse & { refreshToken: string };
/** A sign-in answers a session, or a second step when MFA is on (or must be enrolled first). */
export type IssuedLogin = IssuedSession | MfaChallengeResponse;

/** Where a request came from, as the controller knows it (the address is passed apart, as before). */
export type ClientHints = Partial<Pick<ClientContext, 'userAgent' | 'requestId'>>;

/**
 * A replay of the token rotated away within this many seconds is taken for two tabs refreshing at
 * once (both send the cookie they share; one wins), not for theft: it gets a 401 without ending the
 * session. Any older replay revokes the session.
 */
const REFRESH_RACE_GRACE_SECONDS = 2;
const SESSION_EXPIRED = { fr: 'Session expirée ; reconnectez-vous.', en: 'Session expired; sign in again.' };

const MEMBER_SELECT = `
  SELECT u.id AS user_id, u.email, u.display_name, u.locale, m.role, m.startup_id,
         o.id AS organisation_id, o.slug AS organisation_slug, o.name AS organisation_name,
         u.mfa_enabled_at IS NOT NULL AS mfa_enabled,
         (u.mfa_enabled_at IS NULL AND m.role = ANY(o.mfa_required_roles)) AS mfa_enrolment_required
  FROM users u
  JOIN memberships m ON m.user_id = u.id AND m.is_active
  JOIN organisations o ON o.id = m.organisation_id`;

/** Whoever a session is opened for: a member of an organisation, or the platform operator (no organisation). */
type SessionSubject = MemberRow | OperatorRow;

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly tokens: AccessTokenService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly mfa: MfaService,
    private readonly events: SecurityEvents,
  ) {}

  /**
   * Signs in to the given organisation (or the user's oldest active membership). A wrong email, a wrong
   * password and an account without an active membership all get the same 401, after the same work.
   * With MFA on (or required and not yet enrolled) the right password opens no session: it answers a
   * short-lived challenge for the second step (see completeChallenge).
   */
  async login(email: string, password: string, address: string, organisationSlug?: string, hints: ClientHints = {}): Promise<IssuedLogin> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalised, address);
    const [account] = await this.dataSource.query('SELECT id, password_hash FROM users WHERE email = $1', [normalised]);
    const passwordOk = await this.hasher.verify(account?.password_hash ?? null, password);
    const member = passwordOk ? ((await operatorRow(this.dataSource.manager, account.id)) ?? (await this.findMember(account.id, organisationSlug))) : null;
    if (!member) {
      await this.throttle.recordFailure(normalised);
      const reason = !account ? 'unknown-account' : passwordOk ? 'no-active-membership' : 'wrong-password';
      await this.events.record({ type: 'sign-in.failed', userId: account?.id ?? null, email: normalised, ip: address, requestId: hints.requestId ?? null, detail: { reason } });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await this.throttle.recordSuccess(normalised, address);
    const client: ClientContext = { ip: address, userAgent: hints.userAgent ?? null, requestId: hints.requestId ?? null };
    const challenge = 'mfa_enabled' in member ? await this.mfa.challengeFor(member, client) : null;
    if (challenge) return challenge;
    return this.signIn(member, client, 'password');
  }

  /** Opens the session of a completed sign-in and records it as a security event. */
  private async signIn(member: SessionSubject, client: Partial<ClientContext>, via: 'password' | 'mfa'): Promise<IssuedSession> {
    await this.dataSource.query('UPDATE users SET last_login_at = now() WHERE id = $1', [member.user_id]);
    const session = await this.openSession(this.dataSource.manager, member, client);
    await this.events.record({
      type: 'sign-in.succeeded',
      organisationId: member.organisation_id,
      userId: member.user_id,
      ip: client.ip ?? null,
      requestId: client.requestId ?? null,
      detail: { via },
    });
    return session;
  }

  /** Opens the session a completed MFA challenge (code, recovery code or enrolment) stood for. */
  async completeChallenge(outcome: ChallengeOutcome): Promise<IssuedSession> {
    const member = await this.memberIn(this.dataSource.manager, outcome.userId, outcome.organisationId);
    // Deactivated between the two steps.
    if (!member || member.mfa_enrolment_required) throw new UnauthorizedException(bilingualError(SESSION_EXPIRED));
    return this.signIn(member, outcome.client, 'mfa');
  }

  /**
   * Exchanges a refresh token for a new access token and a new refresh token (rotation). A token the
   * session has already rotated away from means two parties hold the chain (OWASP ASVS 3.5.2): the
   * whole session is revoked, so the thief's copy and the owner's both stop, and the event is recorded.
   */
  async refresh(refreshToken: string, client: Partial<ClientContext> = {}): Promise<IssuedSession> {
    const tokenHash = hashToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager): Promise<IssuedSession | null> => {
      const [session] = await manager.query(
        `SELECT id, user_id, organisation_id FROM sessions
         WHERE refresh_token_hash = $1 AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
        [tokenHash],
      );
      if (!session) {
        await this.detectReuse(manager, tokenHash, client);
        return null;
      }
      const member: SessionSubject | null =
        session.organisation_id === null ? await operatorRow(manager, session.user_id) : await this.memberIn(manager, session.user_id, session.organisation_id);
      if (!member || ('mfa_enrolment_required' in member && member.mfa_enrolment_required)) {
        await manager.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [session.id]);
        return null;
      }
      const next = newSecretToken();
      await manager.query('INSERT INTO retired_refresh_tokens (token_hash, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [tokenHash, session.id]);
      await manager.query('UPDATE sessions SET refresh_token_hash = $2, last_used_at = now() WHERE id = $1', [session.id, hashToken(next)]);
      return this.sessionResponse(member, session.id, next);
    });
    // Thrown after the commit, so a revocation made above is kept.
    if (!outcome) throw new UnauthorizedException(bilingualError(SESSION_EXPIRED));
    return outcome;
  }

  /** A retired token presented again: revoke its session (unless it is a two-tab race, see the grace). */
  private async detectReuse(manager: EntityManager, tokenHash: string, client: Partial<ClientContext>): Promise<void> {
    const [retired] = await manager.query(
      `SELECT s.id, s.user_id, s.organisation_id, s.revoked_at IS NOT NULL AS revoked,
              r.retired_at > now() - make_interval(secs => $2) AND r.retired_at = (SELECT max(retired_at) FROM retired_refresh_tokens WHERE session_id = s.id) AS race
       FROM retired_refresh_tokens r JOIN sessions s ON s.id = r.session_id
       WHERE r.token_hash = $1 FOR UPDATE OF s`,
      [tokenHash, REFRESH_RACE_GRACE_SECONDS],
    );
    if (!retired || (retired.race && !retired.revoked)) return;
    await manager.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [retired.id]);
    await this.events.record(
      {
        type: 'refresh-token.reused',
        userId: retired.user_id,
        organisationId: retired.organisation_id,
        ip: client.ip ?? null,
        requestId: client.requestId ?? null,
        detail: { sessionId: retired.id, userAgent: client.userAgent ?? null, sessionAlreadyRevoked: retired.revoked },
      },
      manager,
    );
  }

  async logout(caller: AnyCaller): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [caller.sessionId]);
  }

  /**
   * Resolves the caller of a request from verified token claims: the session must be live and the
   * membership active, checked on every request so revocations apply at once. A session of a role the
   * organisation now requires MFA of, by a user without it, is refused too: enrolment comes first.
   */
  async resolveCaller(claims: { sub: string; org: string | null; sid: string }, requestId: string | null): Promise<AnyCaller | null> {
    if (claims.org === null) return resolveOperatorCaller(this.dataSource, claims, requestId);
    // Runs on every authenticated request: a prepared statement skips planning it each time.
    const [row] = await preparedQuery<{ email: string; role: Caller['role']; startup_id: string | null }>(
      this.dataSource,
      `SELECT u.email, m.role, m.startup_id FROM sessions s
       JOIN memberships m ON m.user_id = s.user_id AND m.organisation_id = s.organisation_id AND m.is_active
       JOIN users u ON u.id = s.user_id
       JOIN organisations o ON o.id = s.organisation_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.organisation_id = $3 AND s.revoked_at IS NULL AND s.expires_at > now()
         AND (u.mfa_enabled_at IS NOT NULL OR NOT m.role = ANY(o.mfa_required_roles))`,
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

  async me(caller: AnyCaller): Promise<AuthUser> {
    const member = isOperator(caller)
      ? await operatorRow(this.dataSource.manager, caller.userId)
      : await this.memberIn(this.dataSource.manager, caller.userId, caller.organisationId);
    if (!member) throw new ForbiddenException();
    return toAuthUser(member);
  }

  /** Starts a session for a member (used by login, MFA challenges and invitation acceptance). */
  async openSession(manager: EntityManager, member: SessionSubject, client: Partial<ClientContext> = {}): Promise<IssuedSession> {
    const refreshToken = newSecretToken();
    const [session] = await manager.query(
      `INSERT INTO sessions (user_id, organisation_id, refresh_token_hash, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, now() + make_interval(days => $4), left($5, 200), left($6, 64)) RETURNING id`,
      [member.user_id, member.organisation_id, hashToken(refreshToken), this.config.REFRESH_TOKEN_TTL_DAYS, client.userAgent ?? null, client.ip ?? null],
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

  private async sessionResponse(member: SessionSubject, sessionId: string, refreshToken: string): Promise<IssuedSession> {
    const accessToken = await this.tokens.sign({ sub: member.user_id, org: member.organisation_id, sid: sessionId });
    return { accessToken, expiresIn: this.tokens.ttlSeconds, refreshToken, user: toAuthUser(member) };
  }
}

function toAuthUser(member: SessionSubject): AuthUser {
  return {
    id: member.user_id,
    email: member.email,
    displayName: member.display_name,
    locale: isLocale(member.locale) ? member.locale : 'fr',
    organisation:
      member.organisation_id === null ? null : { id: member.organisation_id, slug: member.organisation_slug, name: member.organisation_name },
    role: member.role,
    startupId: member.startup_id,
    permissions: [...permissionsOf(member.role)],
  };
}

export type { MemberRow };
