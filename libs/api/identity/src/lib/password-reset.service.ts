import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecurityEvents } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import { MailService } from '@incubator/api/mail';
import { passwordResetEmail, passwordResetLink } from './emails';
import { IdentityErrors } from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { PasswordResetRepository } from './password-reset.repository';
import { hashToken, newSecretToken } from './secret-token';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

/** Resets at most this many times per account per validity period, so the form can't be used to spam. */
const MAX_OPEN_RESETS = 3;

@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    private readonly events: SecurityEvents,
    private readonly resets: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
  ) {}

  /** Emails a reset link if the account exists. The caller's answer is the same either way. */
  async request(email: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    const user = await this.users.contactByEmail(normalised);
    const open = user ? await this.resets.countOpen(user.id) : 0;
    // The caller is told nothing either way; the log says what happened (an account probed, a link sent, too many open).
    const outcome = !user ? 'unknown-account' : open >= MAX_OPEN_RESETS ? 'too-many-open-links' : 'link-sent';
    await this.events.record({ type: 'password.reset-requested', userId: user?.id ?? null, email: normalised, detail: { outcome } });
    if (!user || outcome !== 'link-sent') return;
    const token = newSecretToken();
    const reset = await this.resets.insert(user.id, hashToken(token), this.config.PASSWORD_RESET_TTL_MINUTES);
    await this.mail.send(
      passwordResetEmail({
        to: user.email,
        locale: user.locale,
        link: passwordResetLink(this.config.PUBLIC_WEB_URL, token),
        expiresAt: reset.expiresAt,
      }),
      `password-reset:${reset.id}`,
    );
  }

  /**
   * Sets the new password once per link and signs the account out everywhere. The token is checked
   * before the password is hashed: hashing is the costly step (argon2), and anyone may post guesses here.
   */
  async confirm(token: string, password: string): Promise<void> {
    if (!(await this.resets.isLive(hashToken(token)))) throw IdentityErrors.reset_link_invalid();
    const passwordHash = await this.hasher.hash(password);
    // Checked again, atomically, as the link is spent: two confirmations racing with one link, one wins.
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.resets.spend(hashToken(token), manager);
      if (!userId) throw IdentityErrors.reset_link_invalid();
      await this.users.setPasswordHash(userId, passwordHash, manager);
      await this.resets.spendAllOf(userId, manager);
      await this.sessions.revokeAllOf(userId, manager);
      await this.events.record({ type: 'password.reset', userId, detail: { sessionsRevoked: true } }, manager);
    });
  }
}
