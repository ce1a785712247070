import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StartupContactRequest, StartupContactResponse } from '@incubator/contracts';
import type { Queryable } from '@incubator/api/sql';

interface ContactRow {
  id: string;
  startup_id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A contact to insert, with its startup (the import writes many at once). */
export interface NewContact extends StartupContactRequest {
  startupId: string;
}

const COLUMNS = 'id, startup_id, name, role, email, phone, created_at, updated_at';

/** Every statement on `startup_contacts`; always scoped by organisation. */
@Injectable()
export class ContactRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, startupId: string, db: Queryable = this.dataSource): Promise<StartupContactResponse[]> {
    const rows = await db.query<ContactRow[]>(
      `SELECT ${COLUMNS} FROM startup_contacts WHERE organisation_id = $1 AND startup_id = $2 ORDER BY lower(name), id`,
      [organisationId, startupId],
    );
    return rows.map(toContact);
  }

  async find(organisationId: string, startupId: string, id: string, db: Queryable = this.dataSource): Promise<StartupContactResponse | null> {
    const [row] = await db.query<ContactRow[]>(`SELECT ${COLUMNS} FROM startup_contacts WHERE organisation_id = $1 AND startup_id = $2 AND id = $3`, [
      organisationId,
      startupId,
      id,
    ]);
    return row ? toContact(row) : null;
  }

  /** Inserts every contact in one statement; returns them in the given order. */
  async insertMany(db: Queryable, organisationId: string, contacts: NewContact[]): Promise<StartupContactResponse[]> {
    if (!contacts.length) return [];
    const rows = await db.query<ContactRow[]>(
      `INSERT INTO startup_contacts (organisation_id, startup_id, name, role, email, phone)
       SELECT $1, c.startup_id, c.name, c.role, c.email, c.phone
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS c(startup_id, name, role, email, phone, n)
       ORDER BY c.n
       RETURNING ${COLUMNS}`,
      [
        organisationId,
        contacts.map((c) => c.startupId),
        contacts.map((c) => c.name),
        contacts.map((c) => c.role ?? null),
        contacts.map((c) => c.email ?? null),
        contacts.map((c) => c.phone ?? null),
      ],
    );
    return rows.map(toContact);
  }

  async update(db: Queryable, organisationId: string, id: string, next: StartupContactRequest): Promise<void> {
    await db.query(`UPDATE startup_contacts SET name = $3, role = $4, email = $5, phone = $6, updated_at = now() WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      id,
      next.name,
      next.role ?? null,
      next.email ?? null,
      next.phone ?? null,
    ]);
  }

  async delete(db: Queryable, organisationId: string, id: string): Promise<void> {
    await db.query('DELETE FROM startup_contacts WHERE organisation_id = $1 AND id = $2', [organisationId, id]);
  }
}

function toContact(row: ContactRow): StartupContactResponse {
  return {
    id: row.id,
    startupId: row.startup_id,
    name: row.name,
    role: row.role,
    email: row.email,
    phone: row.phone,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
