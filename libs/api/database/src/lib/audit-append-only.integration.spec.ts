import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source-options';

/** audit_events refuses UPDATE, DELETE and TRUNCATE on the application's own connection; the schema's cascades still work. */
describe('audit_events is append-only (real PostgreSQL)', () => {
  let db: DataSource;
  let organisationId: string;
  let userId: string;
  let eventId: string;

  beforeAll(async () => {
    db = await createDataSource(process.env['DATABASE_URL'] as string).initialize();
    const tag = randomUUID().slice(0, 8);
    [{ id: organisationId }] = await db.query(`INSERT INTO organisations (slug, name) VALUES ($1, 'Audit test') RETURNING id`, [`audit-${tag}`]);
    [{ id: userId }] = await db.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, 'Auditor', 'x') RETURNING id`, [`audit-${tag}@example.test`]);
    [{ id: eventId }] = await db.query(
      `INSERT INTO audit_events (organisation_id, actor_user_id, action, entity_type, entity_id, after) VALUES ($1, $2, 'startup.updated', 'startup', 'x', '{"a":1}') RETURNING id`,
      [organisationId, userId],
    );
  });

  afterAll(() => db.destroy());

  const event = async () => (await db.query(`SELECT action, actor_user_id, after FROM audit_events WHERE id = $1`, [eventId]))[0];

  it('refuses to rewrite an entry', async () => {
    await expect(db.query(`UPDATE audit_events SET action = 'startup.created', after = NULL WHERE id = $1`, [eventId])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_events SET actor_user_id = NULL WHERE id = $1`, [eventId])).rejects.toThrow(/append-only/);
    expect(await event()).toEqual({ action: 'startup.updated', actor_user_id: userId, after: { a: 1 } });
  });

  it('refuses to erase entries, one by one or all at once', async () => {
    await expect(db.query(`DELETE FROM audit_events WHERE id = $1`, [eventId])).rejects.toThrow(/append-only/);
    const runner = db.createQueryRunner();
    await runner.startTransaction(); // rolled back whatever happens: never wipe the shared test database
    try {
      await expect(runner.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await event()).toBeDefined();
  });

  it('still lets a deleted user drop out of their entries (ON DELETE SET NULL), changing nothing else', async () => {
    await db.query(`DELETE FROM users WHERE id = $1`, [userId]);
    expect(await event()).toEqual({ action: 'startup.updated', actor_user_id: null, after: { a: 1 } });
  });

  it('still deletes an organisation with its entries (ON DELETE CASCADE)', async () => {
    await db.query(`DELETE FROM organisations WHERE id = $1`, [organisationId]);
    expect(await event()).toBeUndefined();
  });
});
