import type { DataSource, EntityManager } from 'typeorm';
import { OPERATOR_ROLE, type OperatorRole } from '@incubator/contracts';
import { preparedQuery } from '@incubator/api/sql';
import type { OperatorCaller } from './caller';

/**
 * Platform operators are users listed in platform_operators (migration 1763771100000) and belonging
 * to no organisation. They sign in like anyone; their session has no organisation (organisation_id
 * null, `org: null` in the access token) and is valid only while the row exists.
 */

/** The same shape as a member row (see auth.service.ts), without an organisation. */
export interface OperatorRow {
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  role: OperatorRole;
  startup_id: null;
  organisation_id: null;
  organisation_slug: null;
  organisation_name: null;
}

/** The operator row of a user, or null when the user is not a platform operator. */
export async function operatorRow(manager: EntityManager, userId: string): Promise<OperatorRow | null> {
  const [row] = await manager.query(
    `SELECT u.id AS user_id, u.email, u.display_name, u.locale, $2::text AS role, NULL AS startup_id,
            NULL AS organisation_id, NULL AS organisation_slug, NULL AS organisation_name
     FROM users u JOIN platform_operators p ON p.user_id = u.id WHERE u.id = $1`,
    [userId, OPERATOR_ROLE],
  );
  return row ?? null;
}

/** The guard's check for a platform session: live, and its user still an operator. */
export async function resolveOperatorCaller(
  dataSource: DataSource,
  claims: { sub: string; sid: string },
  requestId: string | null,
): Promise<OperatorCaller | null> {
  const [row] = await preparedQuery<{ email: string }>(
    dataSource,
    `SELECT u.email FROM sessions s
     JOIN platform_operators p ON p.user_id = s.user_id
     JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.user_id = $2 AND s.organisation_id IS NULL AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [claims.sid, claims.sub],
  );
  if (!row) return null;
  return { userId: claims.sub, email: row.email, organisationId: null, role: OPERATOR_ROLE, startupId: null, sessionId: claims.sid, requestId };
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
  const [membership] = await manager.query(
    'SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 LIMIT 1',
    [email],
  );
  if (membership) throw new OperatorIsMemberError(`${email} belongs to an organisation: use another address for the platform operator`);
  const [account] = await manager.query(
    `INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash, updated_at = now()
     RETURNING id`,
    [email, operator.displayName, operator.passwordHash, operator.locale],
  );
  await manager.query('INSERT INTO platform_operators (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [account.id]);
  return account.id;
}
