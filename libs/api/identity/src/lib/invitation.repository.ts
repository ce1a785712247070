import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isLocale, type InvitationResponse, type Locale, type Role } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

/** An invitation as the service checks and uses it. */
export interface Invitation {
  id: string;
  organisationId: string;
  email: string;
  role: Role;
  startupId: string | null;
  locale: Locale;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** An invitation found by its token, with what its page shows. */
export interface InvitationWithOrganisation extends Invitation {
  organisationName: string;
  existingAccount: boolean;
}

/** What an invitation e-mail says of the organisation, and its default language. */
export interface InvitingOrganisation {
  name: string;
  timeZone: string;
  defaultLocale: Locale;
}

interface InvitationRow {
  id: string;
  organisation_id: string;
  email: string;
  role: Role;
  startup_id: string | null;
  locale: Locale;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

interface InvitationPreviewRow extends InvitationRow {
  organisation_name: string;
  existing_account: boolean;
}

/** Every statement on `invitations`. */
@Injectable()
export class InvitationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async invitingOrganisation(organisationId: string, db: Queryable = this.dataSource): Promise<InvitingOrganisation> {
    const [row] = await db.query<Array<{ name: string; time_zone: string; default_locale: string }>>(
      'SELECT name, time_zone, default_locale FROM organisations WHERE id = $1',
      [organisationId],
    );
    return { name: row.name, timeZone: row.time_zone, defaultLocale: isLocale(row.default_locale) ? row.default_locale : 'fr' };
  }

  /** Inserts a pending invitation (a second pending one for the address is a unique violation). */
  async insert(
    invitation: { organisationId: string; email: string; role: Role; startupId: string | null; locale: Locale; tokenHash: string; invitedBy: string; ttlHours: number },
    db: Queryable,
  ): Promise<Invitation> {
    const [row] = await db.query<InvitationRow[]>(
      `INSERT INTO invitations (organisation_id, email, role, startup_id, locale, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8)) RETURNING *`,
      [invitation.organisationId, invitation.email, invitation.role, invitation.startupId, invitation.locale, invitation.tokenHash, invitation.invitedBy, invitation.ttlHours],
    );
    return toInvitation(row);
  }

  /** Pending invitations first, then the most recent; withdrawn ones are left out. */
  async page(organisationId: string, limit: number, offset: number, db: Queryable = this.dataSource): Promise<{ items: InvitationResponse[]; total: number }> {
    const [{ total }] = await db.query<Array<{ total: number }>>('SELECT count(*)::int AS total FROM invitations WHERE organisation_id = $1 AND revoked_at IS NULL', [
      organisationId,
    ]);
    const rows = await db.query<InvitationRow[]>(
      `SELECT * FROM invitations WHERE organisation_id = $1 AND revoked_at IS NULL
       ORDER BY (accepted_at IS NULL) DESC, created_at DESC, id LIMIT $2 OFFSET $3`,
      [organisationId, limit, offset],
    );
    return { items: rows.map((row) => toInvitationResponse(toInvitation(row))), total };
  }

  /** Withdraws a pending invitation; answers its e-mail, or null when there is no such pending invitation. */
  async revoke(invitationId: string, organisationId: string, db: Queryable): Promise<{ id: string; email: string } | null> {
    // UPDATE … RETURNING: TypeORM answers [rows, affectedCount].
    const [[revoked]] = await db.query<[Array<{ id: string; email: string }>, number]>(
      `UPDATE invitations SET revoked_at = now()
       WHERE id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id, email`,
      [invitationId, organisationId],
    );
    return revoked ?? null;
  }

  async findByToken(tokenHash: string, db: Queryable = this.dataSource): Promise<InvitationWithOrganisation | null> {
    const [row] = await db.query<InvitationPreviewRow[]>(
      `SELECT i.*, o.name AS organisation_name, EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS existing_account
       FROM invitations i JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = $1`,
      [tokenHash],
    );
    return row ? { ...toInvitation(row), organisationName: row.organisation_name, existingAccount: row.existing_account } : null;
  }

  /** The invitation of a token, locked: a double submit of the acceptance waits for the first. */
  async lockByToken(tokenHash: string, db: Queryable): Promise<Invitation | null> {
    const [row] = await db.query<InvitationRow[]>('SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
    return row ? toInvitation(row) : null;
  }

  async markAccepted(invitationId: string, db: Queryable): Promise<void> {
    await db.query('UPDATE invitations SET accepted_at = now() WHERE id = $1', [invitationId]);
  }
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    role: row.role,
    startupId: row.startup_id ?? null,
    locale: row.locale,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
  };
}

export function toInvitationResponse(invitation: Invitation): InvitationResponse {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    startupId: invitation.startupId,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
