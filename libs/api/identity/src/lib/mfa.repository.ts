import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MfaPolicy } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** The MFA state of a user in an organisation (the account page). */
export interface MfaState {
  enabled: boolean;
  /** The organisation requires MFA of the user's role there. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** A user's sealed TOTP secret and the time step of the last code accepted (a code is accepted once). */
export interface MfaSecret {
  sealedSecret: string | null;
  lastTimeStep: string | null;
}

/** What disabling MFA checks, locked. */
export interface MfaDisableState extends MfaSecret {
  passwordHash: string;
  required: boolean;
}

/** A live sign-in challenge (the second step), locked. */
export interface MfaChallenge {
  id: string;
  userId: string;
  organisationId: string;
  attempts: number;
  userAgent: string | null;
  ip: string | null;
}

export type MfaChallengePurpose = 'verify' | 'enrol';

interface ChallengeRow {
  id: string;
  user_id: string;
  organisation_id: string;
  attempts: number;
  user_agent: string | null;
  ip: string | null;
}

/**
 * Every MFA statement: the MFA columns of `users`, `mfa_challenges`, `mfa_recovery_codes`, and the
 * organisation's MFA policy (`organisations.mfa_required_roles`, which identity enforces).
 */
@Injectable()
export class MfaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async state(userId: string, organisationId: string, db: Queryable = this.dataSource): Promise<MfaState> {
    const [row] = await db.query<Array<{ enabled: boolean; required: boolean; left: number }>>(
      `SELECT u.mfa_enabled_at IS NOT NULL AS enabled, m.role = ANY(o.mfa_required_roles) AS required,
              (SELECT count(*)::int FROM mfa_recovery_codes c WHERE c.user_id = u.id AND c.used_at IS NULL) AS left
       FROM users u JOIN memberships m ON m.user_id = u.id AND m.organisation_id = $2 JOIN organisations o ON o.id = m.organisation_id
       WHERE u.id = $1`,
      [userId, organisationId],
    );
    return { enabled: row.enabled, required: row.required, recoveryCodesLeft: row.left };
  }

  async enrolmentSubject(userId: string, db: Queryable = this.dataSource): Promise<{ email: string; enabled: boolean }> {
    const [row] = await db.query<Array<{ email: string; mfa_enabled_at: Date | null }>>('SELECT email, mfa_enabled_at FROM users WHERE id = $1', [userId]);
    return { email: row.email, enabled: row.mfa_enabled_at !== null };
  }

  async setPendingSecret(userId: string, sealedSecret: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('UPDATE users SET mfa_pending_secret = $2 WHERE id = $1', [userId, sealedSecret]);
  }

  async lockPendingSecret(userId: string, db: Queryable): Promise<{ sealedPendingSecret: string | null; enabled: boolean }> {
    const [row] = await db.query<Array<{ mfa_pending_secret: string | null; mfa_enabled_at: Date | null }>>(
      'SELECT mfa_pending_secret, mfa_enabled_at FROM users WHERE id = $1 FOR UPDATE',
      [userId],
    );
    return { sealedPendingSecret: row.mfa_pending_secret, enabled: row.mfa_enabled_at !== null };
  }

  /** Puts the pending secret in force. */
  async enable(userId: string, timeStep: number | null, db: Queryable): Promise<void> {
    await db.query(
      `UPDATE users SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_enabled_at = now(), mfa_last_time_step = $2, updated_at = now() WHERE id = $1`,
      [userId, timeStep],
    );
  }

  async lockForDisable(userId: string, organisationId: string, db: Queryable): Promise<MfaDisableState> {
    const [row] = await db.query<Array<{ password_hash: string; mfa_secret: string | null; mfa_last_time_step: string | null; required: boolean }>>(
      `SELECT u.password_hash, u.mfa_secret, u.mfa_last_time_step, m.role = ANY(o.mfa_required_roles) AS required
       FROM users u JOIN memberships m ON m.user_id = u.id AND m.organisation_id = $2 JOIN organisations o ON o.id = m.organisation_id
       WHERE u.id = $1 FOR UPDATE OF u`,
      [userId, organisationId],
    );
    return { passwordHash: row.password_hash, sealedSecret: row.mfa_secret, lastTimeStep: row.mfa_last_time_step, required: row.required };
  }

  /** Turns MFA off: the secrets and the recovery codes are gone. */
  async disable(userId: string, db: Queryable): Promise<void> {
    await db.query(
      `UPDATE users SET mfa_secret = NULL, mfa_pending_secret = NULL, mfa_enabled_at = NULL, mfa_last_time_step = NULL, updated_at = now() WHERE id = $1`,
      [userId],
    );
    await db.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
  }

  async lockSecret(userId: string, db: Queryable): Promise<MfaSecret> {
    const [row] = await db.query<Array<{ mfa_secret: string | null; mfa_last_time_step: string | null }>>(
      'SELECT mfa_secret, mfa_last_time_step FROM users WHERE id = $1 FOR UPDATE',
      [userId],
    );
    return { sealedSecret: row.mfa_secret, lastTimeStep: row.mfa_last_time_step };
  }

  async setLastTimeStep(userId: string, timeStep: number | null, db: Queryable): Promise<void> {
    await db.query('UPDATE users SET mfa_last_time_step = $2 WHERE id = $1', [userId, timeStep]);
  }

  /** Spends an unused recovery code of the user; answers whether there was one. */
  async spendRecoveryCode(userId: string, codeHash: string, db: Queryable): Promise<boolean> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[spent]] = await db.query<[Array<{ id: string }>, number]>(
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, codeHash],
    );
    return spent !== undefined;
  }

  async replaceRecoveryCodes(userId: string, codeHashes: string[], db: Queryable): Promise<void> {
    await db.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    await db.query(`INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::char(64)[])`, [userId, codeHashes]);
  }

  async insertChallenge(
    challenge: { tokenHash: string; userId: string; organisationId: string; purpose: MfaChallengePurpose; userAgent: string | null; ip: string | null; ttlSeconds: number },
    db: Queryable = this.dataSource,
  ): Promise<void> {
    await db.query(
      `INSERT INTO mfa_challenges (token_hash, user_id, organisation_id, purpose, user_agent, ip, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [challenge.tokenHash, challenge.userId, challenge.organisationId, challenge.purpose, challenge.userAgent, challenge.ip, challenge.ttlSeconds],
    );
  }

  /** The live, unconsumed challenge of a token that has attempts left, locked; null otherwise. */
  async lockLiveChallenge(tokenHash: string, purpose: MfaChallengePurpose, maxAttempts: number, db: Queryable): Promise<MfaChallenge | null> {
    const [row] = await db.query<ChallengeRow[]>(
      `SELECT id, user_id, organisation_id, attempts, user_agent, ip FROM mfa_challenges
       WHERE token_hash = $1 AND purpose = $2 AND consumed_at IS NULL AND expires_at > now() AND attempts < $3 FOR UPDATE`,
      [tokenHash, purpose, maxAttempts],
    );
    return row
      ? { id: row.id, userId: row.user_id, organisationId: row.organisation_id, attempts: row.attempts, userAgent: row.user_agent, ip: row.ip }
      : null;
  }

  async countChallengeAttempt(challengeId: string, db: Queryable): Promise<void> {
    await db.query('UPDATE mfa_challenges SET attempts = attempts + 1 WHERE id = $1', [challengeId]);
  }

  async consumeChallenge(challengeId: string, db: Queryable): Promise<void> {
    await db.query('UPDATE mfa_challenges SET consumed_at = now() WHERE id = $1', [challengeId]);
  }

  async policy(organisationId: string, db: Queryable = this.dataSource): Promise<MfaPolicy> {
    const [row] = await db.query<Array<{ mfa_required_roles: MfaPolicy['requiredRoles'] }>>('SELECT mfa_required_roles FROM organisations WHERE id = $1', [organisationId]);
    return { requiredRoles: row.mfa_required_roles };
  }

  async lockPolicy(organisationId: string, db: Queryable): Promise<MfaPolicy> {
    const [row] = await db.query<Array<{ mfa_required_roles: MfaPolicy['requiredRoles'] }>>('SELECT mfa_required_roles FROM organisations WHERE id = $1 FOR UPDATE', [
      organisationId,
    ]);
    return { requiredRoles: row.mfa_required_roles };
  }

  async setPolicy(organisationId: string, requiredRoles: MfaPolicy['requiredRoles'], db: Queryable): Promise<void> {
    await db.query('UPDATE organisations SET mfa_required_roles = $2, updated_at = now() WHERE id = $1', [organisationId, requiredRoles]);
  }
}
