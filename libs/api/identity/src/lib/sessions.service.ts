import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecurityEvents } from '@incubator/api/audit';
import { bilingualError } from '@incubator/contracts';
import type { SessionSummary } from '@incubator/contracts';
import type { AnyCaller } from './caller';
import type { ClientContext } from './mfa.service';
import { PasswordHasher } from './password-hasher';

interface SessionRow {
  id: string;
  organisation_id: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  created_at: Date;
  last_used_at: Date;
  user_agent: string | null;
  ip: string | null;
}

/**
 * "My sessions" and password change: what a user does when a device is lost or a password leaked.
 * Both act on the user's sessions in every organisation: a session is a way into the account.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly events: SecurityEvents,
  ) {}

  async list(caller: AnyCaller): Promise<SessionSummary[]> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.organisation_id, o.slug AS organisation_slug, o.name AS organisation_name, s.created_at, s.last_used_at, s.user_agent, s.ip
       FROM sessions s LEFT JOIN organisations o ON o.id = s.organisation_id
       WHERE s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
       ORDER BY s.last_used_at DESC, s.id LIMIT 100`,
      [caller.userId],
    );
    return rows.map((row) => ({
      id: row.id,
      // The platform operator's sessions are in no organisation.
      organisation: row.organisation_id === null ? null : { id: row.organisation_id, slug: row.organisation_slug ?? '', name: row.organisation_name ?? '' },
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
      userAgent: row.user_agent,
      ip: row.ip,
      current: row.id === caller.sessionId,
    }));
  }

  /** Ends one of the caller's own sessions; another user's is not found (404), whoever asks. */
  async revoke(caller: AnyCaller, sessionId: string, client: ClientContext): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [, affected] = await tx.query(
        'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()',
        [sessionId, caller.userId],
      );
      if (!affected) throw new NotFoundException(bilingualError({ fr: 'Session introuvable.', en: 'Session not found.' }));
      await this.events.record({ type: 'session.revoked', userId: caller.userId, organisationId: caller.organisationId, ...client, detail: { sessionId } }, tx);
    });
  }

  async revokeOthers(caller: AnyCaller, client: ClientContext): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [, affected] = await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [caller.userId, caller.sessionId]);
      await this.events.record({ type: 'session.revoked', userId: caller.userId, organisationId: caller.organisationId, ...client, detail: { allOthers: true, count: affected } }, tx);
    });
  }

  /**
   * Changes the password with the current one, and ends every other session: whoever had the old
   * password (or a session opened with it) is out; this device stays signed in.
   */
  async changePassword(caller: AnyCaller, currentPassword: string, newPassword: string, client: ClientContext): Promise<void> {
    const [user] = await this.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [caller.userId]);
    if (!(await this.hasher.verify(user?.password_hash ?? null, currentPassword))) {
      throw new BadRequestException(
        bilingualError({ fr: 'Mot de passe actuel incorrect.', en: 'Wrong current password.' }, { currentPassword: { fr: 'ce n’est pas votre mot de passe actuel', en: 'this is not your current password' } }),
      );
    }
    const hash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await tx.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [caller.userId, hash]);
      await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [caller.userId, caller.sessionId]);
      // A reset link sent before the change must not undo it.
      await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [caller.userId]);
      await this.events.record({ type: 'password.changed', userId: caller.userId, organisationId: caller.organisationId, ...client }, tx);
    });
  }
}
