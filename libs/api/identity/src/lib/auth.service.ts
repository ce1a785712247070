import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { AuthUser, OPERATOR_ROLE, permissionsOf, SessionResponse } from '@incubator/contracts';
import { SecurityEvents } from '@incubator/api/audit';
import type { MfaChallengeResponse } from '@incubator/contracts';
import { AccessTokenService } from './access-token.service';
import { type AnyCaller, isOperator } from './caller';
import { IdentityErrors } from './identity.errors';
import { LoginThrottle } from './login-throttle';
import { ChallengeOutcome, ClientContext, MfaService } from './mfa.service';
import { MembershipRepository, type SignInMember } from './membership.repository';
import { PasswordHasher } from './password-hasher';
import { PlatformOperatorRepository, type SignInOperator } from './platform-operator.repository';
import { hashToken, newSecretToken } from './secret-token';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

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

/** Whoever a session is opened for: a member of an organisation, or the platform operator (no organisation). */
type SessionSubject = SignInMember | SignInOperator;

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
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly operators: PlatformOperatorRepository,
    private readonly sessions: SessionRepository,
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
    const account = await this.users.credentialsByEmail(normalised);
    const passwordOk = await this.hasher.verify(account?.passwordHash ?? null, password);
    const member = account && passwordOk ? ((await this.operators.operator(account.id)) ?? (await this.memberships.signInMemberBySlug(account.id, organisationSlug))) : null;
    if (!member) {
      await this.throttle.recordFailure(normalised);
      const reason = !account ? 'unknown-account' : passwordOk ? 'no-active-membership' : 'wrong-password';
      await this.events.record({ type: 'sign-in.failed', userId: account?.id ?? null, email: normalised, ip: address, requestId: hints.requestId ?? null, detail: { reason } });
      throw IdentityErrors.invalid_credentials();
    }
    await this.throttle.recordSuccess(normalised, address);
    const client: ClientContext = { ip: address, userAgent: hints.userAgent ?? null, requestId: hints.requestId ?? null };
    const challenge = member.organisation !== null ? await this.mfa.challengeFor(member, client) : null;
    if (challenge) return challenge;
    return this.signIn(member, client, 'password');
  }

  /** Opens the session of a completed sign-in and records it as a security event. */
  private async signIn(member: SessionSubject, client: Partial<ClientContext>, via: 'password' | 'mfa'): Promise<IssuedSession> {
    await this.users.touchLastLogin(member.userId);
    const session = await this.openSession(this.dataSource.manager, member, client);
    await this.events.record({
      type: 'sign-in.succeeded',
      organisationId: member.organisation?.id ?? null,
      userId: member.userId,
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
    if (!member || member.mfaEnrolmentRequired) throw IdentityErrors.session_expired();
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
      const session = await this.sessions.lockLiveByRefreshToken(tokenHash, manager);
      if (!session) {
        await this.detectReuse(manager, tokenHash, client);
        return null;
      }
      const member: SessionSubject | null =
        session.organisationId === null ? await this.operators.operator(session.userId, manager) : await this.memberIn(manager, session.userId, session.organisationId);
      if (!member || (member.organisation !== null && member.mfaEnrolmentRequired)) {
        await this.sessions.revoke(session.id, manager);
        return null;
      }
      const next = newSecretToken();
      await this.sessions.rotate(session.id, tokenHash, hashToken(next), manager);
      return this.sessionResponse(member, session.id, next);
    });
    // Thrown after the commit, so a revocation made above is kept.
    if (!outcome) throw IdentityErrors.session_expired();
    return outcome;
  }

  /** A retired token presented again: revoke its session (unless it is a two-tab race, see the grace). */
  private async detectReuse(manager: EntityManager, tokenHash: string, client: Partial<ClientContext>): Promise<void> {
    const retired = await this.sessions.lockByRetiredToken(tokenHash, REFRESH_RACE_GRACE_SECONDS, manager);
    if (!retired || (retired.race && !retired.revoked)) return;
    await this.sessions.revoke(retired.id, manager);
    await this.events.record(
      {
        type: 'refresh-token.reused',
        userId: retired.userId,
        organisationId: retired.organisationId,
        ip: client.ip ?? null,
        requestId: client.requestId ?? null,
        detail: { sessionId: retired.id, userAgent: client.userAgent ?? null, sessionAlreadyRevoked: retired.revoked },
      },
      manager,
    );
  }

  async logout(caller: AnyCaller): Promise<void> {
    await this.sessions.revoke(caller.sessionId);
  }

  /**
   * Resolves the caller of a request from verified token claims: the session must be live and the
   * membership active, checked on every request so revocations apply at once. A session of a role the
   * organisation now requires MFA of, by a user without it, is refused too: enrolment comes first.
   */
  async resolveCaller(claims: { sub: string; org: string | null; sid: string }, requestId: string | null): Promise<AnyCaller | null> {
    if (claims.org === null) {
      const email = await this.operators.liveOperatorSession(claims);
      return email === null
        ? null
        : { userId: claims.sub, email, organisationId: null, role: OPERATOR_ROLE, startupId: null, sessionId: claims.sid, requestId };
    }
    const session = await this.sessions.liveMemberSession({ sid: claims.sid, sub: claims.sub, org: claims.org });
    if (!session) return null;
    return {
      userId: claims.sub,
      email: session.email,
      organisationId: claims.org,
      role: session.role,
      startupId: session.startupId,
      sessionId: claims.sid,
      requestId,
    };
  }

  async me(caller: AnyCaller): Promise<AuthUser> {
    const member = isOperator(caller)
      ? await this.operators.operator(caller.userId)
      : await this.memberIn(this.dataSource.manager, caller.userId, caller.organisationId);
    if (!member) throw IdentityErrors.membership_ended();
    return toAuthUser(member);
  }

  /** Starts a session for a member (used by login, MFA challenges and invitation acceptance). */
  async openSession(manager: EntityManager, member: SessionSubject, client: Partial<ClientContext> = {}): Promise<IssuedSession> {
    const refreshToken = newSecretToken();
    const sessionId = await this.sessions.open(
      {
        userId: member.userId,
        organisationId: member.organisation?.id ?? null,
        refreshTokenHash: hashToken(refreshToken),
        ttlDays: this.config.REFRESH_TOKEN_TTL_DAYS,
        userAgent: client.userAgent ?? null,
        ip: client.ip ?? null,
      },
      manager,
    );
    return this.sessionResponse(member, sessionId, refreshToken);
  }

  /** The user's active membership in the organisation, as a sign-in subject (null when there is none). */
  memberIn(manager: EntityManager, userId: string, organisationId: string): Promise<SignInMember | null> {
    return this.memberships.signInMember(userId, organisationId, manager);
  }

  private async sessionResponse(member: SessionSubject, sessionId: string, refreshToken: string): Promise<IssuedSession> {
    const accessToken = await this.tokens.sign({ sub: member.userId, org: member.organisation?.id ?? null, sid: sessionId });
    return { accessToken, expiresIn: this.tokens.ttlSeconds, refreshToken, user: toAuthUser(member) };
  }
}

function toAuthUser(member: SessionSubject): AuthUser {
  return {
    id: member.userId,
    email: member.email,
    displayName: member.displayName,
    locale: member.locale,
    organisation: member.organisation,
    role: member.role,
    startupId: member.startupId,
    permissions: [...permissionsOf(member.role)],
  };
}
