import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiErrorResponse, InvitationPreview, SessionResponse } from '@incubator/contracts';
import { startSmtpCatcher, waitForLinkToken } from '../../test/smtp-catcher';
import { DEMO_PASSWORD, signIn, startTestApi, startTestWorker } from '../../test/test-app';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('identity: sign-in, sessions, invitations, password reset, members (real PostgreSQL, Redis, SMTP)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let api: string;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let admin: { authorization: string };
  const savedSmtp = process.env['SMTP_URL'];

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    process.env['SMTP_URL'] = smtp.url;
    ({ app, url: api } = await startTestApi());
    worker = await startTestWorker();
    admin = await signIn(api, 'admin@demo.test');
  });

  afterAll(async () => {
    process.env['SMTP_URL'] = savedSmtp;
    await worker.close();
    await app.close();
    await smtp.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api}${path}`, { method: 'POST', ...json(body, headers) });

  /** Invites a new address with a role through the API and accepts through the emailed link. */
  async function inviteAndAccept(role: 'manager' | 'board', password = 'correct horse battery') {
    const email = `${role}-${randomUUID()}@demo.test`;
    expect((await post('/invitations', { email, role, locale: 'en' }, admin)).status).toBe(201);
    const { token } = await waitForLinkToken(smtp.mails, email);
    const accepted = await post('/auth/invitations/accept', { token, displayName: `New ${role}`, password });
    expect(accepted.status).toBe(200);
    return { email, password, token, session: (await accepted.json()) as SessionResponse };
  }

  describe('sign-in', () => {
    it('signs in, returns the user with role and permissions, and sets an httpOnly refresh cookie', async () => {
      const response = await post('/auth/login', { email: 'Manager@Demo.test ', password: DEMO_PASSWORD });
      const session = (await response.json()) as SessionResponse;
      expect(response.status).toBe(200);
      expect(session.user).toMatchObject({ email: 'manager@demo.test', role: 'manager', organisation: { slug: 'demo' } });
      expect(session.user.permissions).toContain('users:read');
      expect(session.user.permissions).not.toContain('users:manage');
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^incubator_refresh=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Path=\/api\/auth/);
      expect(cookie).toMatch(/SameSite=Strict/);
    });

    it('answers a wrong password and an unknown email with the same 401', async () => {
      const wrongPassword = await post('/auth/login', { email: 'board@demo.test', password: 'not the password' });
      const unknownEmail = await post('/auth/login', { email: `nobody-${randomUUID()}@demo.test`, password: 'not the password' });
      const strip = (body: ApiErrorResponse) => ({ ...body, requestId: undefined });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      const refusal = strip(await wrongPassword.json());
      expect(refusal).toEqual(strip(await unknownEmail.json()));
      // No Accept-Language: French, the default.
      expect(refusal).toMatchObject({ code: 'identity.invalid_credentials', message: 'E-mail ou mot de passe incorrect.' });
    });

    it('rotates the refresh token: the new one works, the old one no longer (sessions.integration.spec.ts: what a replay does)', async () => {
      const login = await post('/auth/login', { email: 'board@demo.test', password: DEMO_PASSWORD });
      const first = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const refreshed = await post('/auth/refresh', {}, { cookie: first });
      expect(refreshed.status).toBe(200);
      const next = (await refreshed.json()) as SessionResponse;
      const second = (refreshed.headers.get('set-cookie') ?? '').split(';')[0];
      expect(second).not.toBe(first);
      expect((await fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${next.accessToken}` } })).status).toBe(200);
      expect((await post('/auth/refresh', {}, { cookie: first })).status).toBe(401);
    });

    it('refreshes from the cookie alone, as the web client does', async () => {
      const login = await post('/auth/login', { email: 'board@demo.test', password: DEMO_PASSWORD });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const refreshed = await post('/auth/refresh', {}, { cookie });
      expect(refreshed.status).toBe(200);
      expect(((await refreshed.json()) as SessionResponse).user.role).toBe('board');
    });

    it('locks an account after repeated failures with 429, even for the right password', async () => {
      const { email, password } = await inviteAndAccept('board');
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await post('/auth/login', { email, password: `wrong-${attempt}` })).status).toBe(401);
      }
      const locked = await post('/auth/login', { email, password });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('bad input gets 400 with field messages, never a 500', () => {
    it.each([
      ['missing fields', {}, ['email', 'password']],
      ['a malformed email', { email: 'not-an-email', password: 'x' }, ['email']],
      ['SQL in the email', { email: "' OR 1=1 --", password: 'x' }, ['email']],
      ['a 10 kB password', { email: 'a@demo.test', password: 'p'.repeat(10_240) }, ['password']],
      ['an unknown field', { email: 'a@demo.test', password: 'x', isAdmin: true }, ['isAdmin']],
    ])('login with %s', async (_case, body, fields) => {
      const response = await post('/auth/login', body);
      const error = (await response.json()) as ApiErrorResponse;
      expect(response.status).toBe(400);
      expect(Object.keys(error.fields ?? {}).sort()).toEqual([...fields].sort());
    });

    it('answers in French when asked', async () => {
      const response = await post('/auth/login', { email: 'nope', password: 'x' }, { 'Accept-Language': 'fr' });
      expect(((await response.json()) as ApiErrorResponse).fields?.['email']).toEqual(['le champ email doit être une adresse e-mail']);
    });

    it('stores a script typed as a name as plain text', async () => {
      const email = `script-${randomUUID()}@demo.test`;
      await post('/invitations', { email, role: 'board' }, admin);
      const { token } = await waitForLinkToken(smtp.mails, email);
      const name = '<script>alert(1)</script> Robert"); DROP TABLE users;--';
      const accepted = await post('/auth/invitations/accept', { token, displayName: name, password: 'a long enough password' });
      expect(accepted.status).toBe(200);
      expect(((await accepted.json()) as SessionResponse).user.displayName).toBe(name);
      const [{ count }] = await app.get(DataSource).query('SELECT count(*)::int AS count FROM users');
      expect(count).toBeGreaterThan(1);
    });
  });

  describe('invitations', () => {
    it('emails a single-use link; accepting creates the account, signs in, and is audited', async () => {
      const email = `new-manager-${randomUUID()}@demo.test`;
      const invited = await post('/invitations', { email, role: 'manager', locale: 'fr' }, admin);
      expect(invited.status).toBe(201);
      const { token, raw } = await waitForLinkToken(smtp.mails, email);
      expect(raw).toContain('Demo Tech Park Lille');
      expect(raw).toMatch(/Subject: .*(Invitation|=\?UTF-8\?)/);

      // The token travels in the body, never in a URL that pino-http, nginx or a proxy would log.
      expect((await fetch(`${api}/auth/invitations/${token}`)).status).toBe(404);
      const preview = (await (await post('/auth/invitations/preview', { token })).json()) as InvitationPreview;
      expect(preview).toMatchObject({ email, role: 'manager', organisationName: 'Demo Tech Park Lille', existingAccount: false });

      const accepted = await post('/auth/invitations/accept', { token, displayName: 'Nina New', password: 'a long enough password' });
      const session = (await accepted.json()) as SessionResponse;
      expect(accepted.status).toBe(200);
      expect(session.user).toMatchObject({ email, role: 'manager', displayName: 'Nina New' });

      expect((await post('/auth/invitations/accept', { token, displayName: 'Again', password: 'a long enough password' })).status).toBe(410);
      expect((await post('/auth/invitations/preview', { token })).status).toBe(410);

      const audit = await (await fetch(`${api}/audit-events?entityType=invitation`, { headers: admin })).json();
      expect(audit.items.some((e: { action: string; after: { email: string } }) => e.action === 'invitation.created' && e.after.email === email)).toBe(true);
    });

    it('refuses a second pending invitation, an existing member, and a startup role without a startup', async () => {
      const email = `dup-${randomUUID()}@demo.test`;
      expect((await post('/invitations', { email, role: 'board' }, admin)).status).toBe(201);
      const again = await post('/invitations', { email, role: 'board' }, { ...admin, 'Accept-Language': 'fr' });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({
        code: 'identity.invitation_pending',
        message: 'Une invitation est déjà en attente pour cet e-mail.',
        fields: { email: ['une invitation est déjà en attente pour cet e-mail'] },
      });
      const member = await post('/invitations', { email: 'manager@demo.test', role: 'board' }, { ...admin, 'Accept-Language': 'en' });
      expect(member.status).toBe(409);
      expect(await member.json()).toMatchObject({ code: 'identity.already_member', message: 'This person is already a member of the organisation.' });
      const noStartup = await post('/invitations', { email: `s-${randomUUID()}@demo.test`, role: 'startup' }, admin);
      expect(noStartup.status).toBe(400);
      expect(((await noStartup.json()) as ApiErrorResponse).fields).toHaveProperty('startupId');
    });

    it('answers 404 for an unknown token and lets an admin withdraw an invitation', async () => {
      expect((await post('/auth/invitations/preview', { token: 'B'.repeat(43) })).status).toBe(404);
      const email = `revoke-${randomUUID()}@demo.test`;
      const invitation = await (await post('/invitations', { email, role: 'board' }, admin)).json();
      const { token } = await waitForLinkToken(smtp.mails, email);
      expect((await fetch(`${api}/invitations/${invitation.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
      expect((await post('/auth/invitations/preview', { token })).status).toBe(404);
    });
  });

  describe('password reset', () => {
    it('emails a link for an existing account; the new password works, the old one and old sessions no longer', async () => {
      const { email, password, session } = await inviteAndAccept('board');
      expect((await post('/auth/password-reset', { email })).status).toBe(202);
      const { token } = await waitForLinkToken(smtp.mails, email, 'reset-password');
      expect((await post('/auth/password-reset/confirm', { token, password: 'my brand new passphrase' })).status).toBe(204);
      expect((await post('/auth/password-reset/confirm', { token, password: 'another new passphrase' })).status).toBe(410);
      expect((await post('/auth/login', { email, password })).status).toBe(401);
      expect((await post('/auth/login', { email, password: 'my brand new passphrase' })).status).toBe(200);
      expect((await fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${session.accessToken}` } })).status).toBe(401);
      // Both steps are security events (the request's outcome is in the log, never in the answer).
      const events: Array<{ type: string; detail: Record<string, unknown> }> = await app.get(DataSource).query(
        `SELECT type, detail FROM security_events WHERE email = $1 OR user_id = (SELECT id FROM users WHERE email = $1) ORDER BY occurred_at`,
        [email],
      );
      expect(events.filter((e) => e.type.startsWith('password.'))).toEqual([
        { type: 'password.reset-requested', detail: { outcome: 'link-sent' } },
        { type: 'password.reset', detail: { sessionsRevoked: true } },
      ]);
    });

    it('answers 202 for an unknown address and sends nothing', async () => {
      const email = `ghost-${randomUUID()}@demo.test`;
      expect((await post('/auth/password-reset', { email })).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.mails.some((mail) => mail.to.includes(email))).toBe(false);
      const [event] = await app.get(DataSource).query(`SELECT detail FROM security_events WHERE type = 'password.reset-requested' AND email = $1`, [email]);
      expect(event.detail).toEqual({ outcome: 'unknown-account' });
    });

    it('refuses a too-short new password with a field message', async () => {
      const response = await post('/auth/password-reset/confirm', { token: 'C'.repeat(43), password: 'short' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ApiErrorResponse).fields).toHaveProperty('password');
    });
  });

  describe('members', () => {
    it('changes a role with before/after in the audit trail, and the new role applies at once', async () => {
      const { session } = await inviteAndAccept('manager');
      const bearer = { authorization: `Bearer ${session.accessToken}` };
      expect((await fetch(`${api}/users`, { headers: bearer })).status).toBe(200);

      const patch = await fetch(`${api}/users/${session.user.id}`, { method: 'PATCH', ...json({ role: 'board' }, admin) });
      expect(patch.status).toBe(200);
      expect((await patch.json()).role).toBe('board');
      expect((await fetch(`${api}/users`, { headers: bearer })).status).toBe(403);

      const audit = await (await fetch(`${api}/audit-events?entityType=membership`, { headers: admin })).json();
      const change = audit.items.find((e: { action: string; before: { role: string } | null }) => e.action === 'membership.updated' && e.before?.role === 'manager');
      expect(change).toMatchObject({ before: { role: 'manager' }, after: { role: 'board' }, actor: { email: 'admin@demo.test' } });
    });

    it('deactivation ends the sessions and blocks sign-in', async () => {
      const { email, password, session } = await inviteAndAccept('board');
      const patch = await fetch(`${api}/users/${session.user.id}`, { method: 'PATCH', ...json({ isActive: false }, admin) });
      expect(patch.status).toBe(200);
      expect((await fetch(`${api}/auth/me`, { headers: { authorization: `Bearer ${session.accessToken}` } })).status).toBe(401);
      expect((await post('/auth/login', { email, password })).status).toBe(401);
    });

    it('never leaves the organisation without an active admin', async () => {
      const me = await (await fetch(`${api}/auth/me`, { headers: admin })).json();
      const demote = await fetch(`${api}/users/${me.id}`, { method: 'PATCH', ...json({ role: 'manager' }, admin) });
      expect(demote.status).toBe(409);
      expect(await demote.json()).toMatchObject({ code: 'identity.last_admin', message: 'L’organisation doit garder au moins un administrateur actif.' });
      expect((await fetch(`${api}/auth/me`, { headers: admin })).status).toBe(200);
    });

    it('refuses a malformed user id and a bad role with field messages', async () => {
      const badId = await fetch(`${api}/users/not-a-uuid`, { method: 'PATCH', ...json({}, admin) });
      expect(badId.status).toBe(400);
      expect(((await badId.json()) as ApiErrorResponse).fields).toHaveProperty('userId');
      const me = await (await fetch(`${api}/auth/me`, { headers: admin })).json();
      const badRole = await fetch(`${api}/users/${me.id}`, { method: 'PATCH', ...json({ role: 'superuser' }, admin) });
      expect(badRole.status).toBe(400);
      expect(((await badRole.json()) as ApiErrorResponse).fields).toHaveProperty('role');
    });
  });
});
