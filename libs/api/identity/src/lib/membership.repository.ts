import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isLocale, type Locale, type MemberResponse, type OrganisationSummary, type Role } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** An active member of an organisation, as other domains need them (to write to, to name). */
export interface ActiveMember {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  role: Role;
  startupId: string | null;
}

export interface ActiveMemberFilter {
  roles: Role[];
  /** Only the members of these startups (startup members); left out, every member with one of the roles. */
  startupIds?: string[];
}

interface ActiveMemberRow {
  user_id: string;
  email: string;
  display_name: string;
  locale: Locale;
  role: Role;
  startup_id: string | null;
}

/**
 * What other domains may read of identity's `users` and `memberships` (reports and KPI reminders
 * write to members, programs names authors) — so no other domain queries those tables itself.
 */
@Injectable()
export class MemberDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's active members with one of the roles (optionally only of those startups), ordered by e-mail. */
  async activeMembers(organisationId: string, filter: ActiveMemberFilter, db: Queryable = this.dataSource): Promise<ActiveMember[]> {
    const rows = await db.query<ActiveMemberRow[]>(
      `SELECT u.id AS user_id, u.email, u.display_name, u.locale, m.role, m.startup_id
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organisation_id = $1 AND m.is_active AND m.role = ANY($2)
         AND ($3::uuid[] IS NULL OR m.startup_id = ANY($3))
       ORDER BY u.email, m.startup_id`,
      [organisationId, filter.roles, filter.startupIds ?? null],
    );
    return rows.map(toActiveMember);
  }

  /** A user's display name, or null when there is no such user. */
  async displayName(userId: string, db: Queryable = this.dataSource): Promise<string | null> {
    const [row] = await db.query<Array<{ display_name: string }>>('SELECT display_name FROM users WHERE id = $1', [userId]);
    return row?.display_name ?? null;
  }
}

function toActiveMember(row: ActiveMemberRow): ActiveMember {
  return { userId: row.user_id, email: row.email, displayName: row.display_name, locale: row.locale, role: row.role, startupId: row.startup_id };
}

/** A member's listing filter (the members page). */
export interface MemberFilter {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

/** A member as the members page shows them, with the membership's id (for the audit trail). */
export type MemberRecord = MemberResponse & { membershipId: string };

/** Someone signing in to an organisation: their membership there, and whether MFA stands in the way. */
export interface SignInMember {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  role: Role;
  startupId: string | null;
  organisation: OrganisationSummary;
  mfaEnabled: boolean;
  /** The organisation requires MFA of this role and the user has none: no session until enrolled. */
  mfaEnrolmentRequired: boolean;
}

interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  last_login_at: Date | null;
  membership_id: string;
  role: Role;
  startup_id: string | null;
  is_active: boolean;
  joined_at: Date;
}

/** One row joining a user, their membership in an organisation, and the organisation. */
interface SignInMemberRow {
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  role: Role;
  startup_id: string | null;
  organisation_id: string;
  organisation_slug: string;
  organisation_name: string;
  mfa_enabled: boolean;
  mfa_enrolment_required: boolean;
}

const MEMBER_COLUMNS = `u.id AS user_id, u.email, u.display_name, u.last_login_at, m.id AS membership_id, m.role,
  m.startup_id, m.is_active, m.created_at AS joined_at`;

const SIGN_IN_MEMBER_SELECT = `
  SELECT u.id AS user_id, u.email, u.display_name, u.locale, m.role, m.startup_id,
         o.id AS organisation_id, o.slug AS organisation_slug, o.name AS organisation_name,
         u.mfa_enabled_at IS NOT NULL AS mfa_enabled,
         (u.mfa_enabled_at IS NULL AND m.role = ANY(o.mfa_required_roles)) AS mfa_enrolment_required
  FROM users u
  JOIN memberships m ON m.user_id = u.id AND m.is_active
  JOIN organisations o ON o.id = m.organisation_id AND o.suspended_at IS NULL`;

/** Every statement of identity on `memberships` (the members page, sign-in, invitations). */
@Injectable()
export class MembershipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(organisationId: string, filter: MemberFilter, db: Queryable = this.dataSource): Promise<{ items: MemberResponse[]; total: number }> {
    const conditions = ['m.organisation_id = $1'];
    const params: unknown[] = [organisationId];
    if (filter.role) conditions.push(`m.role = $${params.push(filter.role)}`);
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(`(u.email ILIKE $${params.push(pattern)} OR u.display_name ILIKE $${params.length})`);
    }
    const where = conditions.join(' AND ');
    const from = 'FROM memberships m JOIN users u ON u.id = m.user_id';
    const [{ total }] = await db.query<Array<{ total: number }>>(`SELECT count(*)::int AS total ${from} WHERE ${where}`, params);
    const rows = await db.query<MemberRow[]>(
      `SELECT ${MEMBER_COLUMNS} ${from} WHERE ${where} ORDER BY lower(u.display_name), u.email
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toMember), total };
  }

  /** A member of the organisation, optionally locking the membership row. */
  async find(organisationId: string, userId: string, lock: boolean, db: Queryable = this.dataSource): Promise<MemberRecord | null> {
    const [row] = await db.query<MemberRow[]>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organisation_id = $1 AND m.user_id = $2 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [organisationId, userId],
    );
    return row ? { ...toMember(row), membershipId: row.membership_id } : null;
  }

  /** Locks the organisation's admin rows, so two concurrent demotions can't both pass the last-admin check. */
  async lockAdmins(organisationId: string, db: Queryable): Promise<void> {
    await db.query(`SELECT id FROM memberships WHERE organisation_id = $1 AND role = 'admin' FOR UPDATE`, [organisationId]);
  }

  async countActiveAdmins(organisationId: string, db: Queryable): Promise<number> {
    const [{ admins }] = await db.query<Array<{ admins: number }>>(
      `SELECT count(*)::int AS admins FROM memberships WHERE organisation_id = $1 AND role = 'admin' AND is_active`,
      [organisationId],
    );
    return admins;
  }

  async update(organisationId: string, userId: string, change: { role: Role; startupId: string | null; isActive: boolean }, db: Queryable): Promise<void> {
    await db.query('UPDATE memberships SET role = $3, startup_id = $4, is_active = $5, updated_at = now() WHERE user_id = $1 AND organisation_id = $2', [
      userId,
      organisationId,
      change.role,
      change.startupId,
      change.isActive,
    ]);
  }

  /** Adds a membership; null when the user already has one in the organisation. */
  async insert(userId: string, organisationId: string, role: Role, startupId: string | null, db: Queryable): Promise<string | null> {
    const [membership] = await db.query<Array<{ id: string }>>(
      `INSERT INTO memberships (user_id, organisation_id, role, startup_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, organisation_id) DO NOTHING RETURNING id`,
      [userId, organisationId, role, startupId],
    );
    return membership?.id ?? null;
  }

  /** Whether this e-mail already belongs to a member (active or not) of the organisation. */
  async isMemberByEmail(email: string, organisationId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const [member] = await db.query<unknown[]>(`SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.organisation_id = $2`, [
      email,
      organisationId,
    ]);
    return member !== undefined;
  }

  /** Whether the startup is one of the organisation's (a startup member's membership names it). */
  async startupInOrganisation(startupId: string, organisationId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const [startup] = await db.query<unknown[]>('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [startupId, organisationId]);
    return startup !== undefined;
  }

  /** The user's active membership in the organisation, as a sign-in subject. */
  async signInMember(userId: string, organisationId: string, db: Queryable = this.dataSource): Promise<SignInMember | null> {
    const [row] = await db.query<SignInMemberRow[]>(`${SIGN_IN_MEMBER_SELECT} WHERE u.id = $1 AND o.id = $2`, [userId, organisationId]);
    return row ? toSignInMember(row) : null;
  }

  /** The user's active membership in the organisation of that slug, or (no slug) their oldest one. */
  async signInMemberBySlug(userId: string, organisationSlug: string | undefined, db: Queryable = this.dataSource): Promise<SignInMember | null> {
    const [row] = organisationSlug
      ? await db.query<SignInMemberRow[]>(`${SIGN_IN_MEMBER_SELECT} WHERE u.id = $1 AND o.slug = $2`, [userId, organisationSlug])
      : await db.query<SignInMemberRow[]>(`${SIGN_IN_MEMBER_SELECT} WHERE u.id = $1 ORDER BY m.created_at, o.slug LIMIT 1`, [userId]);
    return row ? toSignInMember(row) : null;
  }
}

function toMember(row: MemberRow): MemberResponse {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    startupId: row.startup_id ?? null,
    isActive: row.is_active,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
    joinedAt: row.joined_at.toISOString(),
  };
}

function toSignInMember(row: SignInMemberRow): SignInMember {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    locale: isLocale(row.locale) ? row.locale : 'fr',
    role: row.role,
    startupId: row.startup_id,
    organisation: { id: row.organisation_id, slug: row.organisation_slug, name: row.organisation_name },
    mfaEnabled: row.mfa_enabled,
    mfaEnrolmentRequired: row.mfa_enrolment_required,
  };
}
