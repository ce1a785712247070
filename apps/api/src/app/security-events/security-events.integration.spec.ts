import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiErrorResponse, PageResponse, SecurityEventResponse } from '@incubator/contracts';
import { signIn, startTestApi } from '../../test/test-app';

type Headers = Record<string, string>;

describe('security events: role changes recorded, read by admins of their own organisation only (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let dataSource: DataSource;
  let admin: Headers;
  let manager: Headers;
  let otherAdmin: Headers;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    dataSource = app.get(DataSource);
    const json = { 'Content-Type': 'application/json' };
    admin = { ...(await signIn(api, 'admin@demo.test')), ...json };
    manager = { ...(await signIn(api, 'manager@demo.test')), ...json };
    otherAdmin = { ...(await signIn(api, 'admin@other.test')), ...json };
  });

  afterAll(() => app.close());

  const events = async (query: string, headers = admin) => {
    const response = await fetch(`${api}/security-events?${query}`, { headers });
    return { status: response.status, body: (await response.json()) as PageResponse<SecurityEventResponse> & ApiErrorResponse };
  };

  /** A manager of the demo organisation made for this test (the demo accounts keep their roles). */
  async function newManager(): Promise<string> {
    const [{ id }] = await dataSource.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, 'Temp', 'x') RETURNING id`, [`temp-${randomUUID()}@demo.test`]);
    await dataSource.query(`INSERT INTO memberships (user_id, organisation_id, role) SELECT $1, id, 'manager' FROM organisations WHERE slug = 'demo'`, [id]);
    return id;
  }

  it('records a role change and a deactivation with who, whom, before and after', async () => {
    const memberId = await newManager();
    const requestId = randomUUID();
    const patch = await fetch(`${api}/users/${memberId}`, { method: 'PATCH', headers: { ...admin, 'x-request-id': requestId }, body: JSON.stringify({ role: 'board' }) });
    expect(patch.status).toBe(200);
    expect((await fetch(`${api}/users/${memberId}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ isActive: false }) })).status).toBe(200);

    const page = await events('type=member.role-changed&limit=100');
    expect(page.status).toBe(200);
    const mine = page.body.items.filter((e) => e.detail?.['memberUserId'] === memberId);
    expect(mine).toEqual([
      expect.objectContaining({ type: 'member.role-changed', user: expect.objectContaining({ email: 'admin@demo.test' }), detail: { memberUserId: memberId, before: { role: 'board', isActive: true }, after: { role: 'board', isActive: false } } }),
      expect.objectContaining({ requestId, detail: { memberUserId: memberId, before: { role: 'manager', isActive: true }, after: { role: 'board', isActive: true } } }),
    ]);
    expect(new Date(mine[1].occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records sign-in failures (with the reason, never the password) and successes', async () => {
    const since = new Date();
    const login = (password: string) =>
      fetch(`${api}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'board@demo.test', password }) });
    expect((await login('Wrong-password-1')).status).toBe(401);
    expect((await login('Demo-2026!')).status).toBe(200);
    const rows: Array<{ type: string; email: string | null; organisation_id: string | null; detail: Record<string, unknown> }> = await dataSource.query(
      `SELECT e.type, e.email, e.organisation_id, e.detail FROM security_events e JOIN users u ON u.id = e.user_id
       WHERE u.email = 'board@demo.test' AND e.type LIKE 'sign-in.%' AND e.occurred_at >= $1 ORDER BY e.occurred_at`,
      [since],
    );
    expect(rows).toEqual([
      expect.objectContaining({ type: 'sign-in.failed', email: 'board@demo.test', organisation_id: null, detail: { reason: 'wrong-password' } }),
      expect.objectContaining({ type: 'sign-in.succeeded', organisation_id: expect.any(String), detail: { via: 'password' } }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('Wrong-password-1');
  });

  it('pages newest first, and shows nothing of another organisation', async () => {
    const memberId = await newManager();
    expect((await fetch(`${api}/users/${memberId}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ role: 'board' }) })).status).toBe(200);
    const first = await events('limit=1');
    expect(first.body).toMatchObject({ limit: 1, offset: 0, total: expect.any(Number) });
    expect(first.body.items).toHaveLength(1);
    const other = await events('type=member.role-changed&limit=100', otherAdmin);
    expect(other.status).toBe(200);
    expect(other.body.items.filter((e) => e.detail?.['memberUserId'] === memberId)).toEqual([]);
    const [{ id: otherOrg }] = await dataSource.query(`SELECT id FROM organisations WHERE slug = 'other'`);
    const ids = (await dataSource.query(`SELECT id FROM security_events WHERE organisation_id = $1`, [otherOrg])).map((r: { id: string }) => r.id);
    expect((await events('limit=100')).body.items.filter((e) => ids.includes(e.id))).toEqual([]);
  });

  it('is for admins only, and refuses an unknown type in the caller’s language', async () => {
    expect((await events('', manager)).status).toBe(403);
    const bad = await events('type=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.['type']?.[0]).toMatch(/doit être une des valeurs suivantes/);
  });
});
