import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isLocale, type Locale, OPERATOR_ROLE, type OperatorRole } from '@incubator/contracts';
import { preparedQuery, type Queryable } from '@incubator/api/sql';

/**
 * Platform operators are users listed in platform_operators (migration 1763771100000) and belonging
 * to no organisation. They sign in like anyone; their session has no organisation (organisation_id
 * null, `org: null` in the access token) and is valid only while the row exists.
 */

/** The platform operator signing in: like a member (SignInMember), without an organisation. */
export interface SignInOperator {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  role: OperatorRole;
  startupId: null;
  organisation: null;
}

interface OperatorRow {
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
}

/** Every statement on `platform_operators`. */
@Injectable()
export class PlatformOperatorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user as a platform operator, or null when they are not one. */
  async operator(userId: string, db: Queryable = this.dataSource): Promise<SignInOperator | null> {
    const [row] = await db.query<OperatorRow[]>(
      `SELECT u.id AS user_id, u.email, u.display_name, u.locale
       FROM users u JOIN platform_operators p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    return row
      ? { userId: row.user_id, email: row.email, displayName: row.display_name, locale: isLocale(row.locale) ? row.locale : 'fr', role: OPERATOR_ROLE, startupId: null, organisation: null }
      : null;
  }

  /** The guard's check for a platform session: live, and its user still an operator. Answers the e-mail. */
  async liveOperatorSession(claims: { sub: string; sid: string }): Promise<string | null> {
    const [row] = await preparedQuery<{ email: string }>(
      this.dataSource,
      `SELECT u.email FROM sessions s
       JOIN platform_operators p ON p.user_id = s.user_id
       JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.organisation_id IS NULL AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.sid, claims.sub],
    );
    return row?.email ?? null;
  }
}

/** An account that already belongs to an organisation cannot also be the operator above them all. */
export class OperatorIsMemberError extends Error {}

/**
 * Creates the operator's account (or updates its name and password) and lists it as an operator;
 * used by `npm run operator:create` and the demo seed. Idempotent on the email.
 */
export async function upsertPlatformOperator(
  manager: EntityManager,
  operator: { email: string; displayName: string; passwordHash: string; locale: 'fr' | 'en' },
): Promise<string> {
  const email = operator.email.trim().toLowerCase();
  const [membership] = await manager.query<unknown[]>('SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 LIMIT 1', [email]);
  if (membership) throw new OperatorIsMemberError(`${email} belongs to an organisation: use another address for the platform operator`);
  const [account] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash, updated_at = now()
     RETURNING id`,
    [email, operator.displayName, operator.passwordHash, operator.locale],
  );
  await manager.query('INSERT INTO platform_operators (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [account.id]);
  return account.id;
}
