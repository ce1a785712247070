import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';

/** Every statement on `password_resets`. */
@Injectable()
export class PasswordResetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many of the user's links are still usable. */
  async countOpen(userId: string, db: Queryable = this.dataSource): Promise<number> {
    const [{ open }] = await db.query<Array<{ open: number }>>(
      'SELECT count(*)::int AS open FROM password_resets WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()',
      [userId],
    );
    return open;
  }

  async insert(userId: string, tokenHash: string, ttlMinutes: number, db: Queryable = this.dataSource): Promise<{ id: string; expiresAt: Date }> {
    const [row] = await db.query<Array<{ id: string; expires_at: Date }>>(
      `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))
       RETURNING id, expires_at`,
      [userId, tokenHash, ttlMinutes],
    );
    return { id: row.id, expiresAt: row.expires_at };
  }

  async isLive(tokenHash: string, db: Queryable = this.dataSource): Promise<boolean> {
    const [live] = await db.query<unknown[]>('SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()', [tokenHash]);
    return live !== undefined;
  }

  /** Spends a live link, atomically (two confirmations racing with one link: one wins); answers its user. */
  async spend(tokenHash: string, db: Queryable): Promise<string | null> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[reset]] = await db.query<[Array<{ user_id: string }>, number]>(
      `UPDATE password_resets SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    return reset?.user_id ?? null;
  }

  /** Spends every open link of the user (a link sent before a password change must not undo it). */
  async spendAllOf(userId: string, db: Queryable): Promise<void> {
    await db.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
  }
}
