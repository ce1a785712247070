import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role, SessionSummary } from '@incubator/contracts';
import { preparedQuery, type Queryable } from '@incubator/api/sql';

/** A live session found by its refresh token (locked for the rotation). */
export interface RefreshableSession {
  id: string;
  userId: string;
  /** Null for a platform operator's session. */
  organisationId: string | null;
}

/** The session a retired refresh token belonged to, when that token is presented again. */
export interface RetiredTokenSession extends RefreshableSession {
  revoked: boolean;
  /** Retired within the grace and the newest retired token of its session: two tabs refreshing at once. */
  race: boolean;
}

/** What the guard learns of a member's live session on each request. */
export interface LiveMemberSession {
  email: string;
  role: Role;
  startupId: string | null;
}

interface SessionRow {
  id: string;
  user_id: string;
  organisation_id: string | null;
}

interface RetiredRow extends SessionRow {
  revoked: boolean;
  race: boolean;
}

interface SummaryRow {
  id: string;
  organisation_id: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  created_at: Date;
  last_used_at: Date;
  user_agent: string | null;
  ip: string | null;
}

/** Every statement on `sessions` and `retired_refresh_tokens`. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts a session; answers its id. */
  async open(
    session: { userId: string; organisationId: string | null; refreshTokenHash: string; ttlDays: number; userAgent: string | null; ip: string | null },
    db: Queryable,
  ): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO sessions (user_id, organisation_id, refresh_token_hash, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, now() + make_interval(days => $4), left($5, 200), left($6, 64)) RETURNING id`,
      [session.userId, session.organisationId, session.refreshTokenHash, session.ttlDays, session.userAgent, session.ip],
    );
    return row.id;
  }

  async lockLiveByRefreshToken(tokenHash: string, db: Queryable): Promise<RefreshableSession | null> {
    const [row] = await db.query<SessionRow[]>(
      `SELECT id, user_id, organisation_id FROM sessions
       WHERE refresh_token_hash = $1 AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
      [tokenHash],
    );
    return row ? toSession(row) : null;
  }

  async lockByRetiredToken(tokenHash: string, graceSeconds: number, db: Queryable): Promise<RetiredTokenSession | null> {
    const [row] = await db.query<RetiredRow[]>(
      `SELECT s.id, s.user_id, s.organisation_id, s.revoked_at IS NOT NULL AS revoked,
              r.retired_at > now() - make_interval(secs => $2) AND r.retired_at = (SELECT max(retired_at) FROM retired_refresh_tokens WHERE session_id = s.id) AS race
       FROM retired_refresh_tokens r JOIN sessions s ON s.id = r.session_id
       WHERE r.token_hash = $1 FOR UPDATE OF s`,
      [tokenHash, graceSeconds],
    );
    return row ? { ...toSession(row), revoked: row.revoked, race: row.race } : null;
  }

  /** Replaces the refresh token of a session, keeping the old one as retired (to detect its reuse). */
  async rotate(sessionId: string, oldTokenHash: string, newTokenHash: string, db: Queryable): Promise<void> {
    await db.query('INSERT INTO retired_refresh_tokens (token_hash, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [oldTokenHash, sessionId]);
    await db.query('UPDATE sessions SET refresh_token_hash = $2, last_used_at = now() WHERE id = $1', [sessionId, newTokenHash]);
  }

  async revoke(sessionId: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
  }

  /** Ends one of the user's own live sessions; answers whether there was one. */
  async revokeOwn(sessionId: string, userId: string, db: Queryable): Promise<boolean> {
    const [, affected] = await db.query<[unknown[], number]>(
      'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()',
      [sessionId, userId],
    );
    return affected > 0;
  }

  /** Ends every session of the user but one; answers how many. */
  async revokeOthers(userId: string, keptSessionId: string, db: Queryable): Promise<number> {
    const [, affected] = await db.query<[unknown[], number]>('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [
      userId,
      keptSessionId,
    ]);
    return affected;
  }

  async revokeAllOf(userId: string, db: Queryable): Promise<void> {
    await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  async revokeAllInOrganisation(userId: string, organisationId: string, db: Queryable): Promise<void> {
    await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND organisation_id = $2 AND revoked_at IS NULL', [userId, organisationId]);
  }

  /**
   * The member behind a live session, checked on every authenticated request: a prepared statement
   * skips planning it each time. A role the organisation requires MFA of, without MFA, has none.
   */
  async liveMemberSession(claims: { sid: string; sub: string; org: string }): Promise<LiveMemberSession | null> {
    const [row] = await preparedQuery<{ email: string; role: Role; startup_id: string | null }>(
      this.dataSource,
      `SELECT u.email, m.role, m.startup_id FROM sessions s
       JOIN memberships m ON m.user_id = s.user_id AND m.organisation_id = s.organisation_id AND m.is_active
       JOIN users u ON u.id = s.user_id
       JOIN organisations o ON o.id = s.organisation_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.organisation_id = $3 AND s.revoked_at IS NULL AND s.expires_at > now() AND o.suspended_at IS NULL
         AND (u.mfa_enabled_at IS NOT NULL OR NOT m.role = ANY(o.mfa_required_roles))`,
      [claims.sid, claims.sub, claims.org],
    );
    return row ? { email: row.email, role: row.role, startupId: row.startup_id } : null;
  }

  /** The user's live sessions, in every organisation, most recently used first. */
  async listLive(userId: string, currentSessionId: string, db: Queryable = this.dataSource): Promise<SessionSummary[]> {
    const rows = await db.query<SummaryRow[]>(
      `SELECT s.id, s.organisation_id, o.slug AS organisation_slug, o.name AS organisation_name, s.created_at, s.last_used_at, s.user_agent, s.ip
       FROM sessions s LEFT JOIN organisations o ON o.id = s.organisation_id
       WHERE s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
       ORDER BY s.last_used_at DESC, s.id LIMIT 100`,
      [userId],
    );
    return rows.map((row) => toSummary(row, currentSessionId));
  }
}

function toSession(row: SessionRow): RefreshableSession {
  return { id: row.id, userId: row.user_id, organisationId: row.organisation_id };
}

function toSummary(row: SummaryRow, currentSessionId: string): SessionSummary {
  return {
    id: row.id,
    // The platform operator's sessions are in no organisation.
    organisation: row.organisation_id === null ? null : { id: row.organisation_id, slug: row.organisation_slug ?? '', name: row.organisation_name ?? '' },
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
    userAgent: row.user_agent,
    ip: row.ip,
    current: row.id === currentSessionId,
  };
}
