import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecurityEvents } from '@incubator/api/audit';
import type { SessionSummary } from '@incubator/contracts';
import type { AnyCaller } from './caller';
import { IdentityErrors } from './identity.errors';
import type { ClientContext } from './mfa.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetRepository } from './password-reset.repository';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

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
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
  ) {}

  list(caller: AnyCaller): Promise<SessionSummary[]> {
    return this.sessions.listLive(caller.userId, caller.sessionId);
  }

  /** Ends one of the caller's own sessions; another user's is not found (404), whoever asks. */
  async revoke(caller: AnyCaller, sessionId: string, client: ClientContext): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.sessions.revokeOwn(sessionId, caller.userId, tx))) throw IdentityErrors.session_not_found();
      await this.events.record({ type: 'session.revoked', userId: caller.userId, organisationId: caller.organisationId, ...client, detail: { sessionId } }, tx);
    });
  }

  async revokeOthers(caller: AnyCaller, client: ClientContext): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const count = await this.sessions.revokeOthers(caller.userId, caller.sessionId, tx);
      await this.events.record({ type: 'session.revoked', userId: caller.userId, organisationId: caller.organisationId, ...client, detail: { allOthers: true, count } }, tx);
    });
  }

  /**
   * Changes the password with the current one, and ends every other session: whoever had the old
   * password (or a session opened with it) is out; this device stays signed in.
   */
  async changePassword(caller: AnyCaller, currentPassword: string, newPassword: string, client: ClientContext): Promise<void> {
    const currentHash = await this.users.passwordHash(caller.userId);
    if (!(await this.hasher.verify(currentHash, currentPassword))) throw IdentityErrors.wrong_current_password();
    const hash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await this.users.setPasswordHash(caller.userId, hash, tx);
      await this.sessions.revokeOthers(caller.userId, caller.sessionId, tx);
      // A reset link sent before the change must not undo it.
      await this.resets.spendAllOf(caller.userId, tx);
      await this.events.record({ type: 'password.changed', userId: caller.userId, organisationId: caller.organisationId, ...client }, tx);
    });
  }
}
