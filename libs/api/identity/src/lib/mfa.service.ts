import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { AuditService, SecurityEvents } from '@incubator/api/audit';
import type { MfaChallengeResponse, MfaEnrolmentResponse, MfaPolicy, MfaStatusResponse } from '@incubator/contracts';
import type { Caller } from './caller';
import { IdentityErrors } from './identity.errors';
import { type MfaChallenge, MfaRepository, type MfaSecret } from './mfa.repository';
import { MfaSecretBox } from './mfa-secret-box';
import { PasswordHasher } from './password-hasher';
import { hashToken, newSecretToken } from './secret-token';

/** Where a request comes from, for sessions, challenges and security events. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Who a completed challenge signs in. */
export interface ChallengeOutcome {
  userId: string;
  organisationId: string;
  client: ClientContext;
}

const CHALLENGE_TTL_SECONDS = 300;
/** Wrong codes one challenge takes before it dies (the password must then be typed again). */
const CHALLENGE_MAX_ATTEMPTS = 5;
/**
 * Wrong codes one account takes per window, across challenges: typing the password again must not
 * reset the count, or someone holding the password could try the million codes five at a time.
 */
const ACCOUNT_MAX_FAILURES = 10;
const ACCOUNT_FAILURE_WINDOW_SECONDS = 900;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A TOTP code is six digits; anything else is a recovery code (xxxx-xxxx-xxxx-xxxx, 80 bits). */
export const TOTP_CODE_PATTERN = /^\d{6}$/;
export const RECOVERY_CODE_PATTERN = /^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/i;

/**
 * TOTP (RFC 6238, otplib) second factor with single-use recovery codes. The secret is encrypted at rest
 * and shown once, at enrolment; a code is accepted once (the time step of the last one is kept), and
 * wrong codes are counted per challenge and per account.
 */
@Injectable()
export class MfaService {
  private readonly box: MfaSecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly events: SecurityEvents,
    private readonly audit: AuditService,
    private readonly mfa: MfaRepository,
  ) {
    this.box = new MfaSecretBox(config.JWT_SECRET);
  }

  async status(caller: Caller): Promise<MfaStatusResponse> {
    const state = await this.mfa.state(caller.userId, caller.organisationId);
    return { ...state, recoveryCodesLeft: state.enabled ? state.recoveryCodesLeft : 0 };
  }

  /** Starts (or restarts) an enrolment: a new pending secret, not in force until a code confirms it. */
  async startEnrolment(userId: string): Promise<MfaEnrolmentResponse> {
    const user = await this.mfa.enrolmentSubject(userId);
    // Swapping the secret of an enabled factor would let a stolen session replace it: disable first.
    if (user.enabled) throw IdentityErrors.mfa_already_enabled();
    const secret = generateSecret();
    await this.mfa.setPendingSecret(userId, this.box.seal(secret));
    const otpauthUri = generateURI({ issuer: 'Incubator', label: user.email, secret });
    return { secret, otpauthUri, qrCodeDataUrl: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  /** Confirms the pending secret with a code of the app: MFA is on, and the recovery codes are returned once. */
  async confirmEnrolment(userId: string, organisationId: string | null, code: string, client: ClientContext, manager?: EntityManager): Promise<string[]> {
    const run = async (tx: EntityManager) => {
      const user = await this.mfa.lockPendingSecret(userId, tx);
      if (user.enabled) throw IdentityErrors.mfa_already_enabled();
      const secret = user.sealedPendingSecret ? this.box.open(user.sealedPendingSecret) : null;
      if (!secret) throw IdentityErrors.mfa_no_enrolment();
      const result = await verify({ secret, token: code, epochTolerance: 30 });
      if (!result.valid) throw IdentityErrors.mfa_code_rejected();
      await this.mfa.enable(userId, timeStepOf(result), tx);
      const codes = await this.replaceRecoveryCodes(tx, userId);
      await this.events.record({ type: 'mfa.enabled', userId, organisationId, ...client }, tx);
      return codes;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Turns MFA off: the password and a code (or recovery code) both, and not where the organisation requires it. */
  async disable(caller: Caller, password: string, code: string, client: ClientContext): Promise<void> {
    const failure = await this.dataSource.transaction(async (tx) => {
      const user = await this.mfa.lockForDisable(caller.userId, caller.organisationId, tx);
      if (!user.sealedSecret) throw IdentityErrors.mfa_not_enabled();
      if (user.required) throw IdentityErrors.mfa_required();
      // Returned, not thrown: the failed attempt is recorded and must commit.
      if (!(await this.hasher.verify(user.passwordHash, password))) return IdentityErrors.wrong_password();
      if (!(await this.checkCode(tx, caller.userId, user, code))) {
        await this.events.record({ type: 'mfa.failed', userId: caller.userId, organisationId: caller.organisationId, ...client, detail: { during: 'disable' } }, tx);
        return IdentityErrors.mfa_code_rejected();
      }
      await this.mfa.disable(caller.userId, tx);
      await this.events.record({ type: 'mfa.disabled', userId: caller.userId, organisationId: caller.organisationId, ...client }, tx);
      return null;
    });
    if (failure) throw failure;
  }

  async policy(organisationId: string): Promise<MfaPolicy> {
    return this.mfa.policy(organisationId);
  }

  async setPolicy(caller: Caller, policy: MfaPolicy): Promise<MfaPolicy> {
    const requiredRoles = [...new Set(policy.requiredRoles)].sort();
    return this.dataSource.transaction(async (tx) => {
      const before = await this.mfa.lockPolicy(caller.organisationId, tx);
      await this.mfa.setPolicy(caller.organisationId, requiredRoles, tx);
      await this.audit.recordBy(tx, caller, {
        action: 'organisation.mfa-policy-changed',
        entityType: 'organisation',
        entityId: caller.organisationId,
        before: { mfaRequiredRoles: before.requiredRoles },
        after: { mfaRequiredRoles: requiredRoles },
      });
      return { requiredRoles };
    });
  }

  /** After a right password: the second step to ask for, or null when none is needed. */
  async challengeFor(
    member: { userId: string; organisation: { id: string }; mfaEnabled: boolean; mfaEnrolmentRequired: boolean },
    client: ClientContext,
  ): Promise<MfaChallengeResponse | null> {
    const purpose = member.mfaEnabled ? 'verify' : member.mfaEnrolmentRequired ? 'enrol' : null;
    if (!purpose) return null;
    const challengeToken = newSecretToken();
    await this.mfa.insertChallenge({
      tokenHash: hashToken(challengeToken),
      userId: member.userId,
      organisationId: member.organisation.id,
      purpose,
      userAgent: client.userAgent,
      ip: client.ip,
      ttlSeconds: CHALLENGE_TTL_SECONDS,
    });
    return { mfa: purpose, challengeToken, expiresIn: CHALLENGE_TTL_SECONDS };
  }

  /** The second step of a sign-in: a TOTP code or an unused recovery code. Consumes the challenge. */
  async verifyChallenge(challengeToken: string, answer: { code?: string; recoveryCode?: string }, client: ClientContext): Promise<ChallengeOutcome> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const challenge = await this.liveChallenge(tx, challengeToken, 'verify');
      await this.assertUnderFailureLimit(tx, challenge.userId);
      const user = await this.mfa.lockSecret(challenge.userId, tx);
      const given = answer.code ?? answer.recoveryCode ?? '';
      const ok = user.sealedSecret ? await this.checkCode(tx, challenge.userId, user, given, client, challenge.organisationId) : false;
      if (!ok) {
        // Counted in this transaction, which commits: the 401 is thrown after it.
        await this.mfa.countChallengeAttempt(challenge.id, tx);
        await this.events.record({ type: 'mfa.failed', userId: challenge.userId, organisationId: challenge.organisationId, ...client, detail: { attempt: challenge.attempts + 1 } }, tx);
        return null;
      }
      await this.mfa.consumeChallenge(challenge.id, tx);
      return { userId: challenge.userId, organisationId: challenge.organisationId, client: this.challengeClient(challenge, client) };
    });
    if (!outcome) throw IdentityErrors.mfa_invalid_code();
    return outcome;
  }

  /** Enrolment required at sign-in: the user has no session yet, the challenge stands for one. */
  async startChallengeEnrolment(challengeToken: string): Promise<MfaEnrolmentResponse> {
    const challenge = await this.liveChallenge(this.dataSource.manager, challengeToken, 'enrol');
    return this.startEnrolment(challenge.userId);
  }

  async confirmChallengeEnrolment(challengeToken: string, code: string, client: ClientContext): Promise<ChallengeOutcome & { recoveryCodes: string[] }> {
    return this.dataSource.transaction(async (tx) => {
      const challenge = await this.liveChallenge(tx, challengeToken, 'enrol');
      const recoveryCodes = await this.confirmEnrolment(challenge.userId, challenge.organisationId, code, client, tx);
      await this.mfa.consumeChallenge(challenge.id, tx);
      return { userId: challenge.userId, organisationId: challenge.organisationId, client: this.challengeClient(challenge, client), recoveryCodes };
    });
  }

  private async liveChallenge(manager: EntityManager, challengeToken: string, purpose: 'verify' | 'enrol'): Promise<MfaChallenge> {
    const challenge = await this.mfa.lockLiveChallenge(hashToken(challengeToken), purpose, CHALLENGE_MAX_ATTEMPTS, manager);
    if (!challenge) throw IdentityErrors.mfa_challenge_expired();
    return challenge;
  }

  /** The session opened by a challenge keeps the user agent of the sign-in that started it. */
  private challengeClient(challenge: MfaChallenge, client: ClientContext): ClientContext {
    return { ...client, userAgent: client.userAgent ?? challenge.userAgent, ip: client.ip ?? challenge.ip };
  }

  private async assertUnderFailureLimit(manager: EntityManager, userId: string): Promise<void> {
    const failures = await this.events.recent(userId, 'mfa.failed', ACCOUNT_FAILURE_WINDOW_SECONDS, manager);
    if (failures.count < ACCOUNT_MAX_FAILURES) return;
    const retryAfter = Math.max(1, Math.ceil((failures.oldestEpoch ?? Date.now() / 1000) + ACCOUNT_FAILURE_WINDOW_SECONDS - Date.now() / 1000));
    // The exception filter turns the retryAfter detail into the Retry-After header.
    throw IdentityErrors.mfa_too_many_failures({ retryAfter });
  }

  /**
   * A TOTP code (once per time step: a code seen by a shoulder-surfer or a phishing proxy cannot be
   * played again) or an unused recovery code, which is then spent.
   */
  private async checkCode(
    tx: EntityManager,
    userId: string,
    user: MfaSecret,
    given: string,
    client?: ClientContext,
    organisationId?: string,
  ): Promise<boolean> {
    if (TOTP_CODE_PATTERN.test(given)) {
      const secret = user.sealedSecret ? this.box.open(user.sealedSecret) : null;
      if (!secret) return false;
      const last = user.lastTimeStep === null ? undefined : Number(user.lastTimeStep);
      const result = await verify({ secret, token: given, epochTolerance: 30, afterTimeStep: last });
      if (!result.valid) return false;
      await this.mfa.setLastTimeStep(userId, timeStepOf(result), tx);
      return true;
    }
    if (!RECOVERY_CODE_PATTERN.test(given)) return false;
    if (!(await this.mfa.spendRecoveryCode(userId, hashToken(given.toLowerCase()), tx))) return false;
    await this.events.record({ type: 'mfa.recovery-code-used', userId, organisationId: organisationId ?? null, ...(client ?? {}) }, tx);
    return true;
  }

  private async replaceRecoveryCodes(tx: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCode());
    await this.mfa.replaceRecoveryCodes(userId, codes.map((code) => hashToken(code)), tx);
    return codes;
  }
}

/** The TOTP time step a valid code belonged to (otplib's result type is shared with HOTP, which has none). */
function timeStepOf(result: object): number | null {
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
}

/** 16 characters of base32 (80 bits: an unsalted SHA-256 of it cannot be reversed by brute force). */
function recoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte % 32]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

