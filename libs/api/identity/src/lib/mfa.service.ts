import { BadRequestException, ConflictException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@incubator/api/config';
import { AuditService, SecurityEvents } from '@incubator/api/audit';
import { bilingualError } from '@incubator/contracts';
import type { MfaChallengeResponse, MfaEnrolmentResponse, MfaPolicy, MfaStatusResponse } from '@incubator/contracts';
import type { Caller } from './caller';
import { MfaSecretBox } from './mfa-secret-box';
import { PasswordHasher } from './password-hasher';
import { hashToken, newSecretToken } from './secret-token';
import { updateReturning } from './update-returning';

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

const INVALID_CODE = { fr: 'Code invalide ou expiré.', en: 'Invalid or expired code.' };
const INVALID_CHALLENGE = { fr: 'Étape de connexion expirée ; reconnectez-vous.', en: 'Sign-in step expired; sign in again.' };

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
  ) {
    this.box = new MfaSecretBox(config.JWT_SECRET);
  }

  async status(caller: Caller): Promise<MfaStatusResponse> {
    const [row] = await this.dataSource.query(
      `SELECT u.mfa_enabled_at IS NOT NULL AS enabled, m.role = ANY(o.mfa_required_roles) AS required,
              (SELECT count(*)::int FROM mfa_recovery_codes c WHERE c.user_id = u.id AND c.used_at IS NULL) AS left
       FROM users u JOIN memberships m ON m.user_id = u.id AND m.organisation_id = $2 JOIN organisations o ON o.id = m.organisation_id
       WHERE u.id = $1`,
      [caller.userId, caller.organisationId],
    );
    return { enabled: row.enabled, required: row.required, recoveryCodesLeft: row.enabled ? row.left : 0 };
  }

  /** Starts (or restarts) an enrolment: a new pending secret, not in force until a code confirms it. */
  async startEnrolment(userId: string): Promise<MfaEnrolmentResponse> {
    const [user] = await this.dataSource.query('SELECT email, mfa_enabled_at FROM users WHERE id = $1', [userId]);
    // Swapping the secret of an enabled factor would let a stolen session replace it: disable first.
    if (user.mfa_enabled_at) throw new ConflictException(bilingualError({ fr: 'La double authentification est déjà activée.', en: 'Two-factor authentication is already on.' }));
    const secret = generateSecret();
    await this.dataSource.query('UPDATE users SET mfa_pending_secret = $2 WHERE id = $1', [userId, this.box.seal(secret)]);
    const otpauthUri = generateURI({ issuer: 'Incubator', label: user.email, secret });
    return { secret, otpauthUri, qrCodeDataUrl: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  /** Confirms the pending secret with a code of the app: MFA is on, and the recovery codes are returned once. */
  async confirmEnrolment(userId: string, organisationId: string | null, code: string, client: ClientContext, manager?: EntityManager): Promise<string[]> {
    const run = async (tx: EntityManager) => {
      const [user] = await tx.query('SELECT mfa_pending_secret, mfa_enabled_at FROM users WHERE id = $1 FOR UPDATE', [userId]);
      if (user.mfa_enabled_at) throw new ConflictException(bilingualError({ fr: 'La double authentification est déjà activée.', en: 'Two-factor authentication is already on.' }));
      const secret = user.mfa_pending_secret ? this.box.open(user.mfa_pending_secret) : null;
      if (!secret) throw new BadRequestException(bilingualError({ fr: 'Aucune activation en cours.', en: 'No enrolment in progress.' }, { code: { fr: 'commencez par scanner le QR code', en: 'scan the QR code first' } }));
      const result = await verify({ secret, token: code, epochTolerance: 30 });
      if (!result.valid) throw new BadRequestException(bilingualError(INVALID_CODE, { code: { fr: 'ce code ne correspond pas', en: 'this code does not match' } }));
      await tx.query(
        `UPDATE users SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_enabled_at = now(), mfa_last_time_step = $2, updated_at = now() WHERE id = $1`,
        [userId, timeStepOf(result)],
      );
      const codes = await this.replaceRecoveryCodes(tx, userId);
      await this.events.record({ type: 'mfa.enabled', userId, organisationId, ...client }, tx);
      return codes;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Turns MFA off: the password and a code (or recovery code) both, and not where the organisation requires it. */
  async disable(caller: Caller, password: string, code: string, client: ClientContext): Promise<void> {
    const failure = await this.dataSource.transaction(async (tx) => {
      const [user] = await tx.query(
        `SELECT u.password_hash, u.mfa_secret, u.mfa_last_time_step, m.role = ANY(o.mfa_required_roles) AS required
         FROM users u JOIN memberships m ON m.user_id = u.id AND m.organisation_id = $2 JOIN organisations o ON o.id = m.organisation_id
         WHERE u.id = $1 FOR UPDATE OF u`,
        [caller.userId, caller.organisationId],
      );
      if (!user.mfa_secret) throw new ConflictException(bilingualError({ fr: 'La double authentification n’est pas activée.', en: 'Two-factor authentication is not on.' }));
      if (user.required) {
        throw new ConflictException(bilingualError({ fr: 'Votre organisation exige la double authentification pour votre rôle.', en: 'Your organisation requires two-factor authentication for your role.' }));
      }
      if (!(await this.hasher.verify(user.password_hash, password))) {
        return bilingualError({ fr: 'Mot de passe incorrect.', en: 'Wrong password.' }, { password: { fr: 'ce n’est pas votre mot de passe actuel', en: 'this is not your current password' } });
      }
      if (!(await this.checkCode(tx, caller.userId, user, code))) {
        await this.events.record({ type: 'mfa.failed', userId: caller.userId, organisationId: caller.organisationId, ...client, detail: { during: 'disable' } }, tx);
        return bilingualError(INVALID_CODE, { code: { fr: 'ce code ne correspond pas', en: 'this code does not match' } });
      }
      await tx.query(
        `UPDATE users SET mfa_secret = NULL, mfa_pending_secret = NULL, mfa_enabled_at = NULL, mfa_last_time_step = NULL, updated_at = now() WHERE id = $1`,
        [caller.userId],
      );
      await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [caller.userId]);
      await this.events.record({ type: 'mfa.disabled', userId: caller.userId, organisationId: caller.organisationId, ...client }, tx);
      return null;
    });
    if (failure) throw new BadRequestException(failure);
  }

  async policy(organisationId: string): Promise<MfaPolicy> {
    const [row] = await this.dataSource.query('SELECT mfa_required_roles FROM organisations WHERE id = $1', [organisationId]);
    return { requiredRoles: row.mfa_required_roles };
  }

  async setPolicy(caller: Caller, policy: MfaPolicy): Promise<MfaPolicy> {
    const requiredRoles = [...new Set(policy.requiredRoles)].sort();
    return this.dataSource.transaction(async (tx) => {
      const [before] = await tx.query('SELECT mfa_required_roles FROM organisations WHERE id = $1 FOR UPDATE', [caller.organisationId]);
      await tx.query('UPDATE organisations SET mfa_required_roles = $2, updated_at = now() WHERE id = $1', [caller.organisationId, requiredRoles]);
      await this.audit.recordBy(tx, caller, {
        action: 'organisation.mfa-policy-changed',
        entityType: 'organisation',
        entityId: caller.organisationId,
        before: { mfaRequiredRoles: before.mfa_required_roles },
        after: { mfaRequiredRoles: requiredRoles },
      });
      return { requiredRoles };
    });
  }

  /** After a right password: the second step to ask for, or null when none is needed. */
  async challengeFor(member: { user_id: string; organisation_id: string; mfa_enabled: boolean; mfa_enrolment_required: boolean }, client: ClientContext): Promise<MfaChallengeResponse | null> {
    const purpose = member.mfa_enabled ? 'verify' : member.mfa_enrolment_required ? 'enrol' : null;
    if (!purpose) return null;
    const challengeToken = newSecretToken();
    await this.dataSource.query(
      `INSERT INTO mfa_challenges (token_hash, user_id, organisation_id, purpose, user_agent, ip, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [hashToken(challengeToken), member.user_id, member.organisation_id, purpose, client.userAgent, client.ip, CHALLENGE_TTL_SECONDS],
    );
    return { mfa: purpose, challengeToken, expiresIn: CHALLENGE_TTL_SECONDS };
  }

  /** The second step of a sign-in: a TOTP code or an unused recovery code. Consumes the challenge. */
  async verifyChallenge(challengeToken: string, answer: { code?: string; recoveryCode?: string }, client: ClientContext): Promise<ChallengeOutcome> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const challenge = await this.liveChallenge(tx, challengeToken, 'verify');
      await this.assertUnderFailureLimit(tx, challenge.user_id);
      const [user] = await tx.query('SELECT mfa_secret, mfa_last_time_step FROM users WHERE id = $1 FOR UPDATE', [challenge.user_id]);
      const given = answer.code ?? answer.recoveryCode ?? '';
      const ok = user.mfa_secret ? await this.checkCode(tx, challenge.user_id, user, given, client, challenge.organisation_id) : false;
      if (!ok) {
        // Counted in this transaction, which commits: the 401 is thrown after it.
        await tx.query('UPDATE mfa_challenges SET attempts = attempts + 1 WHERE id = $1', [challenge.id]);
        await this.events.record({ type: 'mfa.failed', userId: challenge.user_id, organisationId: challenge.organisation_id, ...client, detail: { attempt: challenge.attempts + 1 } }, tx);
        return null;
      }
      await tx.query('UPDATE mfa_challenges SET consumed_at = now() WHERE id = $1', [challenge.id]);
      return { userId: challenge.user_id, organisationId: challenge.organisation_id, client: this.challengeClient(challenge, client) };
    });
    if (!outcome) throw new UnauthorizedException(bilingualError(INVALID_CODE));
    return outcome;
  }

  /** Enrolment required at sign-in: the user has no session yet, the challenge stands for one. */
  async startChallengeEnrolment(challengeToken: string): Promise<MfaEnrolmentResponse> {
    const challenge = await this.liveChallenge(this.dataSource.manager, challengeToken, 'enrol');
    return this.startEnrolment(challenge.user_id);
  }

  async confirmChallengeEnrolment(challengeToken: string, code: string, client: ClientContext): Promise<ChallengeOutcome & { recoveryCodes: string[] }> {
    return this.dataSource.transaction(async (tx) => {
      const challenge = await this.liveChallenge(tx, challengeToken, 'enrol');
      const recoveryCodes = await this.confirmEnrolment(challenge.user_id, challenge.organisation_id, code, client, tx);
      await tx.query('UPDATE mfa_challenges SET consumed_at = now() WHERE id = $1', [challenge.id]);
      return { userId: challenge.user_id, organisationId: challenge.organisation_id, client: this.challengeClient(challenge, client), recoveryCodes };
    });
  }

  private async liveChallenge(manager: EntityManager, challengeToken: string, purpose: 'verify' | 'enrol') {
    const [challenge] = await manager.query(
      `SELECT id, user_id, organisation_id, attempts, user_agent, ip FROM mfa_challenges
       WHERE token_hash = $1 AND purpose = $2 AND consumed_at IS NULL AND expires_at > now() AND attempts < $3 FOR UPDATE`,
      [hashToken(challengeToken), purpose, CHALLENGE_MAX_ATTEMPTS],
    );
    if (!challenge) throw new UnauthorizedException(bilingualError(INVALID_CHALLENGE));
    return challenge as { id: string; user_id: string; organisation_id: string; attempts: number; user_agent: string | null; ip: string | null };
  }

  /** The session opened by a challenge keeps the user agent of the sign-in that started it. */
  private challengeClient(challenge: { user_agent: string | null; ip: string | null }, client: ClientContext): ClientContext {
    return { ...client, userAgent: client.userAgent ?? challenge.user_agent, ip: client.ip ?? challenge.ip };
  }

  private async assertUnderFailureLimit(manager: EntityManager, userId: string): Promise<void> {
    const [{ failures, oldest }] = await manager.query(
      `SELECT count(*)::int AS failures, extract(epoch FROM min(occurred_at))::float AS oldest FROM security_events
       WHERE user_id = $1 AND type = 'mfa.failed' AND occurred_at > now() - make_interval(secs => $2)`,
      [userId, ACCOUNT_FAILURE_WINDOW_SECONDS],
    );
    if (failures < ACCOUNT_MAX_FAILURES) return;
    const retryAfter = Math.max(1, Math.ceil(oldest + ACCOUNT_FAILURE_WINDOW_SECONDS - Date.now() / 1000));
    throw new HttpException(
      { ...bilingualError({ fr: 'Trop de codes erronés ; réessayez plus tard.', en: 'Too many wrong codes; try again later.' }), error: 'Too Many Requests', retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /**
   * A TOTP code (once per time step: a code seen by a shoulder-surfer or a phishing proxy cannot be
   * played again) or an unused recovery code, which is then spent.
   */
  private async checkCode(
    tx: EntityManager,
    userId: string,
    user: { mfa_secret: string | null; mfa_last_time_step: string | null },
    given: string,
    client?: ClientContext,
    organisationId?: string,
  ): Promise<boolean> {
    if (TOTP_CODE_PATTERN.test(given)) {
      const secret = user.mfa_secret ? this.box.open(user.mfa_secret) : null;
      if (!secret) return false;
      const last = user.mfa_last_time_step === null ? undefined : Number(user.mfa_last_time_step);
      const result = await verify({ secret, token: given, epochTolerance: 30, afterTimeStep: last });
      if (!result.valid) return false;
      await tx.query('UPDATE users SET mfa_last_time_step = $2 WHERE id = $1', [userId, timeStepOf(result)]);
      return true;
    }
    if (!RECOVERY_CODE_PATTERN.test(given)) return false;
    const [spent] = await updateReturning(
      tx,
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, hashToken(given.toLowerCase())],
    );
    if (!spent) return false;
    await this.events.record({ type: 'mfa.recovery-code-used', userId, organisationId: organisationId ?? null, ...(client ?? {}) }, tx);
    return true;
  }

  private async replaceRecoveryCodes(tx: EntityManager, userId: string): Promise<string[]> {
    await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCode());
    await tx.query(
      `INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::char(64)[])`,
      [userId, codes.map((code) => hashToken(code))],
    );
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

