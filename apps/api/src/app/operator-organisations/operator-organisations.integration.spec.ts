import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isValidSiret } from '@incubator/contracts';
import type { OperatorOrganisation, OrganisationSettings } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { startSmtpCatcher, waitForLinkToken } from '../../test/smtp-catcher';
import { signIn, startTestApi, startTestWorker } from '../../test/test-app';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function siretOf(siren: string): string {
  for (let nic = 10; nic < 100; nic++) {
    const candidate = `${siren}000${nic}`;
    if (isValidSiret(candidate)) return candidate;
  }
  throw new Error('no SIRET');
}

/**
 * The platform operator creates an organisation and invites its first admin, suspends it (its members
 * can no longer sign in or refresh) and reactivates it; the admin edits the organisation's settings and
 * logo; nobody else reaches any of it.
 */
describe('operator organisations and organisation settings (real PostgreSQL, Redis, SMTP)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let api: string;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let operator: { authorization: string };
  let demoAdmin: { authorization: string };
  const savedSmtp = process.env['SMTP_URL'];
  const slug = `park-${randomUUID().slice(0, 8)}`;
  const siren = freshSiren();
  const adminEmail = `first-admin-${randomUUID()}@park.test`;
  const adminPassword = 'a long enough password';
  let organisationId: string;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    process.env['SMTP_URL'] = smtp.url;
    ({ app, url: api } = await startTestApi());
    worker = await startTestWorker();
    operator = await signIn(api, 'operator@demo.test');
    demoAdmin = await signIn(api, 'admin@demo.test');
  });

  afterAll(async () => {
    process.env['SMTP_URL'] = savedSmtp;
    await worker.close();
    await app.close();
    await smtp.stop();
  });

  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${api}${path}`, { method, headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const login = (email: string, password: string) => call('POST', '/auth/login', {}, { email, password });

  const creation = () => ({
    name: 'EuraTechnologies',
    slug,
    legalName: 'EuraTechnologies SAS',
    siren,
    siret: siretOf(siren),
    vatNumber: `FR12${siren}`,
    addressLine1: '165 avenue de Bretagne',
    postcode: '59000',
    city: 'Lille',
    timeZone: 'Europe/Paris',
    defaultLocale: 'fr',
    currency: 'EUR',
    adminEmail,
  });

  it('refuses every operator route to an organisation admin', async () => {
    expect((await call('GET', '/operator/organisations', demoAdmin)).status).toBe(403);
    expect((await call('POST', '/operator/organisations', demoAdmin, creation())).status).toBe(403);
  });

  it('refuses hostile creations field by field, writing nothing', async () => {
    const bad = await call('POST', '/operator/organisations', operator, { ...creation(), siren: '123456789', slug: 'Not A Slug', currency: 'XXX', vatNumber: 'DE123' });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.fields).sort()).toEqual(['currency', 'siren', 'slug', 'vatNumber']);
    const zone = await call('POST', '/operator/organisations', operator, { ...creation(), timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(await zone.json()).toMatchObject({ code: 'organisation.unknown_time_zone', fields: { timeZone: ['unknown time zone'] } });
    const siret = await call('POST', '/operator/organisations', operator, { ...creation(), siret: siretOf(freshSiren()) });
    expect(siret.status).toBe(400);
    expect((await siret.json()).code).toBe('organisation.siret_not_of_siren');
    const taken = await call('POST', '/operator/organisations', operator, { ...creation(), slug: 'demo' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).code).toBe('organisation.slug_taken');
    const rows = await app.get(DataSource).query(`SELECT 1 FROM organisations WHERE slug = $1`, [slug]);
    expect(rows).toHaveLength(0);
  });

  it('creates the organisation, invites its first admin, who accepts and signs in', async () => {
    const created = await call('POST', '/operator/organisations', operator, creation());
    expect(created.status).toBe(201);
    const { organisation, invitation } = (await created.json()) as { organisation: OperatorOrganisation; invitation: { email: string; role: string } };
    organisationId = organisation.id;
    expect(organisation).toMatchObject({ slug, name: 'EuraTechnologies', siren, members: 0, pendingInvitations: 1, suspendedAt: null });
    expect(invitation).toMatchObject({ email: adminEmail, role: 'admin' });

    const list: OperatorOrganisation[] = await (await call('GET', '/operator/organisations', operator)).json();
    expect(list.map((o) => o.slug)).toEqual(expect.arrayContaining(['demo', 'other', slug]));

    const { token } = await waitForLinkToken(smtp.mails, adminEmail);
    const accepted = await call('POST', '/auth/invitations/accept', {}, { token, displayName: 'Première Admin', password: adminPassword });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).user).toMatchObject({ role: 'admin', organisation: { slug } });

    const audit = await app.get(DataSource).query(`SELECT action, actor_user_id FROM audit_events WHERE organisation_id = $1 ORDER BY created_at`, [organisationId]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(expect.arrayContaining(['organisation.created', 'invitation.created', 'invitation.accepted']));
  });

  it('lets the new admin edit the settings and logo, field by field refusals, nobody else', async () => {
    const admin = await signIn(api, adminEmail, adminPassword);
    const settings: OrganisationSettings = await (await call('GET', '/organisation/settings', admin)).json();
    expect(settings).toMatchObject({ slug, legalName: 'EuraTechnologies SAS', siren, currency: 'EUR', fiscalYearStartMonth: 1, hasLogo: false, boardSeesRounds: false });

    const editable: Record<string, unknown> = { ...settings };
    for (const key of ['id', 'slug', 'hasLogo', 'suspendedAt']) delete editable[key];
    const next = { ...editable, name: 'EuraTech', fiscalYearStartMonth: 9, boardSuppressionThreshold: 5, boardSeesRounds: true, addressLine2: null };
    const saved = await call('PUT', '/organisation/settings', admin, next);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ name: 'EuraTech', fiscalYearStartMonth: 9, boardSuppressionThreshold: 5, boardSeesRounds: true, slug });

    const hostile = await call('PUT', '/organisation/settings', admin, { ...next, fiscalYearStartMonth: 13, boardSuppressionThreshold: 1, siret: '1234', currency: 'ZZZ', name: '\u0007' });
    expect(hostile.status).toBe(400);
    expect(Object.keys((await hostile.json()).fields).sort()).toEqual(['boardSuppressionThreshold', 'currency', 'fiscalYearStartMonth', 'name', 'siret']);
    const french = await call('PUT', '/organisation/settings', { ...admin, 'Accept-Language': 'fr' }, { ...next, vatNumber: `FR12${freshSiren()}` });
    expect(french.status).toBe(400);
    expect(await french.json()).toMatchObject({ code: 'organisation.vat_not_of_siren', fields: { vatNumber: ['ne correspond pas au SIREN'] } });

    expect((await call('PUT', '/organisation/logo', admin, { contentType: 'image/jpeg', data: PNG.toString('base64') })).status).toBe(400);
    expect((await call('PUT', '/organisation/logo', admin, { contentType: 'image/svg+xml', data: PNG.toString('base64') })).status).toBe(400);
    expect((await call('PUT', '/organisation/logo', admin, { contentType: 'image/png', data: PNG.toString('base64') })).status).toBe(204);
    const logo = await call('GET', '/organisation/logo', admin);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);

    // The demo organisation's admin sees and edits only their own organisation; the new one has no logo route for them.
    const demo: OrganisationSettings = await (await call('GET', '/organisation/settings', demoAdmin)).json();
    expect(demo.slug).toBe('demo');
    expect((await call('GET', '/organisation/logo', demoAdmin)).status).toBe(404);
    const untouched = await app.get(DataSource).query(`SELECT name, fiscal_year_start_month FROM organisations WHERE id = $1`, [organisationId]);
    expect(untouched).toEqual([{ name: 'EuraTech', fiscal_year_start_month: 9 }]);

    // A manager may read the organisation, not edit its settings.
    const manager = await signIn(api, 'manager@demo.test');
    expect((await call('PUT', '/organisation/settings', manager, next)).status).toBe(403);
    expect((await call('GET', '/organisation/settings', manager)).status).toBe(403);
  });

  it('suspends: members cannot sign in or refresh; reactivates: they can again', async () => {
    const before = await login(adminEmail, adminPassword);
    expect(before.status).toBe(200);
    const cookie = (before.headers.get('set-cookie') ?? '').split(';')[0];
    const signedIn = { authorization: `Bearer ${((await before.json()) as { accessToken: string }).accessToken}` };
    expect((await call('GET', '/organisation/settings', signedIn)).status).toBe(200);

    const suspended = await call('POST', `/operator/organisations/${organisationId}/suspend`, operator);
    expect(suspended.status).toBe(200);
    expect((await suspended.json()).suspendedAt).not.toBeNull();
    expect((await call('POST', `/operator/organisations/${organisationId}/suspend`, operator)).status).toBe(409);
    // A session opened before the suspension ends with it: its access token is refused on the next request.
    expect((await call('GET', '/organisation/settings', signedIn)).status).toBe(401);

    const refused = await login(adminEmail, adminPassword);
    expect(refused.status).toBe(401);
    expect((await refused.json()).code).toBe('identity.invalid_credentials');
    expect((await call('POST', '/auth/refresh', { cookie }, {})).status).toBe(401);
    // The data is kept.
    expect(await app.get(DataSource).query(`SELECT name FROM organisations WHERE id = $1`, [organisationId])).toEqual([{ name: 'EuraTech' }]);

    expect((await call('POST', `/operator/organisations/${organisationId}/reactivate`, operator)).status).toBe(200);
    expect((await login(adminEmail, adminPassword)).status).toBe(200);
    const audit = await app.get(DataSource).query(`SELECT action FROM audit_events WHERE organisation_id = $1 AND action LIKE 'organisation.%'`, [organisationId]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(expect.arrayContaining(['organisation.suspended', 'organisation.reactivated', 'organisation.updated']));
  });

  it('answers 404 for an unknown organisation id, 400 for a malformed one', async () => {
    expect((await call('POST', `/operator/organisations/${randomUUID()}/suspend`, operator)).status).toBe(404);
    expect((await call('POST', `/operator/organisations/${randomUUID()}/invitations`, operator, { email: 'x@y.test' })).status).toBe(404);
    expect((await call('GET', '/operator/organisations/not-a-uuid', operator)).status).toBe(400);
  });
});
