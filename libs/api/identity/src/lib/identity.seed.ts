import type { EntityManager } from 'typeorm';
import type { Role } from '@incubator/contracts';
import { upsertPlatformOperator } from './platform-operator.repository';

export interface IdentitySeed {
  /** One hash for every account (`PasswordHasher`), computed before the transaction. */
  passwordHash: string;
  /** Accounts and their membership, keyed by email so reseeding updates instead of adding. */
  members: Array<{ organisationId: string; email: string; displayName: string; role: Role; locale: 'fr' | 'en'; startupId: string | null }>;
  /** The platform operator, outside every organisation. */
  operator?: { email: string; displayName: string; locale: 'fr' | 'en' };
}

/** Writes the demo accounts with their memberships, then the platform operator; returns the user ids by email. */
export async function seedIdentity(manager: EntityManager, data: IdentitySeed): Promise<Map<string, string>> {
  const userIds = new Map<string, string>();
  for (const member of data.members) {
    const [account] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash
       RETURNING id`,
      [member.email, member.displayName, data.passwordHash, member.locale],
    );
    await manager.query(
      `INSERT INTO memberships (user_id, organisation_id, role, startup_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, organisation_id) DO UPDATE
         SET role = EXCLUDED.role, startup_id = EXCLUDED.startup_id, is_active = true, updated_at = now()`,
      [account.id, member.organisationId, member.role, member.startupId],
    );
    userIds.set(member.email, account.id);
  }
  if (data.operator) userIds.set(data.operator.email, await upsertPlatformOperator(manager, { ...data.operator, passwordHash: data.passwordHash }));
  return userIds;
}
