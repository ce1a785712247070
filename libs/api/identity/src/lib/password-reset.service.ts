import { GoneException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecurityEvents } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import { MailService } from '@incubator/api/mail';
import { isLocale } from '@incubator/contracts';
import { passwordResetEmail, passwordResetLink } from './emails';
import { PasswordHasher } from './password-hasher';
import { hashToken, newSecretToken } from './secret-token';
import { updateReturning } from './update-returning';

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
  ) {}

  /** Emails a reset link if the account exists. The caller's answer is the same either way. */
  async request(email: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    const [user] = await this.dataSource.query('SELECT id, email, locale FROM users WHERE email = $1', [normalised]);
    const [{ open }] = user
      ? await this.dataSource.query('SELECT count(*)::int AS open FROM password_resets WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()', [user.id])
      : [{ open: 0 }];
    // The caller is told nothing either way; the log says what happened (an account probed, a link sent, too many open).
    const outcome = !user ? 'unknown-account' : open >= MAX_OPEN_RESETS ? 'too-many-open-links' : 'link-sent';
    await this.events.record({ type: 'password.reset-requested', userId: user?.id ?? null, email: normalised, detail: { outcome } });
    if (outcome !== 'link-sent') return;
    const token = newSecretToken();
    const [reset] = await this.dataSource.query(
      `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))
       RETURNING id, expires_at`,
      [user.id, hashToken(token), this.config.PASSWORD_RESET_TTL_MINUTES],
    );
    await this.mail.send(
      passwordResetEmail({
        to: user.email,
        locale: isLocale(user.locale) ? user.locale : 'fr',
        link: passwordResetLink(this.config.PUBLIC_WEB_URL, token),
        expiresAt: reset.expires_at,
      }),
      `password-reset:${reset.id}`,
    );
  }

  /**
   * Sets the new password once per link and signs the account out everywhere. The token is checked
   * before the password is hashed: hashing is the costly step (argon2), and anyone may post guesses here.
   */
  async confirm(token: string, password: string): Promise<void> {
    const [live] = await this.dataSource.query(
      'SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()',
      [hashToken(token)],
    );
    if (!live) throw linkGone();
    const passwordHash = await this.hasher.hash(password);
    // Checked again, atomically, as the link is spent: two confirmations racing with one link, one wins.
    await this.dataSource.transaction(async (manager) => {
      const [reset] = await updateReturning<{ user_id: string }>(
        manager,
        `UPDATE password_resets SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [hashToken(token)],
      );
      if (!reset) throw linkGone();
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [reset.user_id, passwordHash]);
      await manager.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [reset.user_id]);
      await manager.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [reset.user_id]);
      await this.events.record({ type: 'password.reset', userId: reset.user_id, detail: { sessionsRevoked: true } }, manager);
    });
  }
}

function linkGone(): GoneException {
  return new GoneException({
    error: 'Gone',
    message: {
      fr: 'Ce lien est invalide, expiré ou déjà utilisé ; demandez-en un nouveau.',
      en: 'This link is invalid, expired or already used; ask for a new one.',
    },
  });
}
