import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@incubator/contracts';
import { failedJobOf } from '../../test/failed-job';
import { DEMO_PASSWORD, signIn, startTestApi } from '../../test/test-app';

/**
 * The BullMQ queues and the heartbeats are the platform's, not an organisation's: their job ids and
 * failure reasons carry every organisation's ids. Only the platform operator, a role outside every
 * organisation, reads them; an organisation admin reads none of it and retries nothing.
 */
describe('platform operator: the global queues and heartbeats, and no organisation admin', () => {
  let app: INestApplication;
  let api: string;
  let reports: Queue;
  let otherOrganisation: string;
  let probeJobId: string;
  const reason = () => `probe failure of organisation ${otherOrganisation}`;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    reports = app.get<Queue>(getQueueToken(QueueName.Reports));
    [{ id: otherOrganisation }] = await app.get(DataSource).query(`SELECT id FROM organisations WHERE slug = 'other'`);
    probeJobId = await failedJobOf(reports, otherOrganisation, reason());
  });

  afterAll(() => app.close());

  it('refuses an organisation admin the global queues, the heartbeats and the retry of another organisation’s job', async () => {
    const admin = await signIn(api, 'admin@demo.test');
    const queues = await fetch(`${api}/admin/queues`, { headers: { ...admin, 'Accept-Language': 'en' } });
    const text = await queues.text();
    expect(text).not.toContain(otherOrganisation);
    expect(queues.status).toBe(403);
    expect(JSON.parse(text)).toMatchObject({ code: 'identity.role_forbidden', message: 'Your role does not allow this.' });
    expect((await fetch(`${api}/system/heartbeats`, { headers: admin })).status).toBe(403);
    expect((await fetch(`${api}/system/heartbeats`, { method: 'POST', headers: admin })).status).toBe(403);
    const retry = await fetch(`${api}/admin/queues/${QueueName.Reports}/jobs/${encodeURIComponent(probeJobId)}/retry`, { method: 'POST', headers: admin });
    expect(retry.status).toBe(403);
    expect(await (await reports.getJob(probeJobId))?.isFailed()).toBe(true);
  });

  it('signs the operator in outside every organisation, with system:operate only', async () => {
    const response = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'operator@demo.test', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const session = await response.json();
    expect(session.user).toMatchObject({ email: 'operator@demo.test', role: 'operator', organisation: null, startupId: null, permissions: ['system:operate'] });
    const headers = { authorization: `Bearer ${session.accessToken}` };
    expect(await (await fetch(`${api}/auth/me`, { headers })).json()).toMatchObject({ role: 'operator', organisation: null });

    // The refresh cookie renews an operator's session like anyone's.
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    const refreshed = await fetch(`${api}/auth/refresh`, { method: 'POST', headers: { cookie, 'Content-Type': 'application/json' }, body: '{}' });
    expect(refreshed.status).toBe(200);
    expect((await refreshed.json()).user.role).toBe('operator');
  });

  it('shows the operator every queue with every organisation’s failures, the heartbeats, and lets them retry', async () => {
    const operator = await signIn(api, 'operator@demo.test');
    const queues = await fetch(`${api}/admin/queues`, { headers: operator });
    expect(queues.status).toBe(200);
    const body: Array<{ name: string; failedJobs: Array<{ id: string; failedReason: string }> }> = await queues.json();
    expect(body.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
    const failed = body.find((queue) => queue.name === QueueName.Reports)?.failedJobs ?? [];
    expect(failed).toContainEqual(expect.objectContaining({ id: probeJobId, failedReason: reason() }));

    expect((await fetch(`${api}/system/heartbeats`, { headers: operator })).status).toBe(200);
    const retry = await fetch(`${api}/admin/queues/${QueueName.Reports}/jobs/${encodeURIComponent(probeJobId)}/retry`, { method: 'POST', headers: operator });
    expect(retry.status).toBe(204);
    expect(await (await reports.getJob(probeJobId))?.isFailed()).toBe(false);
    await (await reports.getJob(probeJobId))?.remove();
  });

  it('gives the operator nothing of any organisation: organisation routes answer 403, in the caller’s language', async () => {
    const operator = await signIn(api, 'operator@demo.test');
    for (const path of ['/organisation', '/startups', '/users', '/kpi-definitions', '/audit-events']) {
      const response = await fetch(`${api}${path}`, { headers: { ...operator, 'Accept-Language': 'fr' } });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect((await response.json()).message).toMatch(/organisation/);
    }
  });

  it('ends the operator’s access at once when the account stops being an operator', async () => {
    const db = app.get(DataSource);
    const operator = await signIn(api, 'operator@demo.test');
    const [{ id: userId }] = await db.query(`SELECT id FROM users WHERE email = 'operator@demo.test'`);
    await db.query('DELETE FROM platform_operators WHERE user_id = $1', [userId]);
    try {
      expect((await fetch(`${api}/admin/queues`, { headers: operator })).status).toBe(401);
    } finally {
      await db.query('INSERT INTO platform_operators (user_id) VALUES ($1)', [userId]);
    }
    expect((await fetch(`${api}/admin/queues`, { headers: await signIn(api, 'operator@demo.test') })).status).toBe(200);
  });
});
