import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isLocale, type Locale } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** What a sign-in or an invitation checks a password against. */
export interface UserCredentials {
  id: string;
  passwordHash: string;
}

/** Who a password-reset e-mail goes to. */
export interface UserContact {
  id: string;
  email: string;
  locale: Locale;
}

interface CredentialsRow {
  id: string;
  password_hash: string;
}

interface ContactRow {
  id: string;
  email: string;
  locale: string;
}

/** Every statement of identity on `users` outside MFA (see MfaRepository) and memberships. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The account of a (normalised) e-mail, with its password hash; null when there is none. */
  async credentialsByEmail(email: string, db: Queryable = this.dataSource): Promise<UserCredentials | null> {
    const [row] = await db.query<CredentialsRow[]>('SELECT id, password_hash FROM users WHERE email = $1', [email]);
    return row ? { id: row.id, passwordHash: row.password_hash } : null;
  }

  async passwordHash(userId: string, db: Queryable = this.dataSource): Promise<string | null> {
    const [row] = await db.query<Array<{ password_hash: string }>>('SELECT password_hash FROM users WHERE id = $1', [userId]);
    return row?.password_hash ?? null;
  }

  async contactByEmail(email: string, db: Queryable = this.dataSource): Promise<UserContact | null> {
    const [row] = await db.query<ContactRow[]>('SELECT id, email, locale FROM users WHERE email = $1', [email]);
    return row ? { id: row.id, email: row.email, locale: isLocale(row.locale) ? row.locale : 'fr' } : null;
  }

  /** Creates an account; answers its id. */
  async insert(user: { email: string; displayName: string; passwordHash: string; locale: Locale }, db: Queryable): Promise<string> {
    const [created] = await db.query<Array<{ id: string }>>('INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4) RETURNING id', [
      user.email,
      user.displayName,
      user.passwordHash,
      user.locale,
    ]);
    return created.id;
  }

  async touchLastLogin(userId: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [userId]);
  }

  async setPasswordHash(userId: string, passwordHash: string, db: Queryable): Promise<void> {
    await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
  }
}
