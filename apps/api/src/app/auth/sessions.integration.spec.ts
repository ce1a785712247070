import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@incubator/api/identity';
import type {
  ApiErrorResponse,
  MfaChallengeResponse,
  MfaEnrolmentResponse,
  MfaRecoveryCodesResponse,
  MfaStatusResponse,
  SessionResponse,
  SessionSummary,
} from '@incubator/contracts';
import { startTestApi } from '../../test/test-app';

const PASSWORD = 'correct horse battery staple';

/**
 * Sessions as an attacker would try them: a replayed refresh token, a script reading the body for it,
 * a stolen session outliving a password change, and a second factor that must not be skipped or guessed.
 */
describe('sessions: reuse detection, cookie-only refresh, password change, my sessions, TOTP MFA', () => {
  let app: NestExpressApplication;
  let api: string;
  let db: DataSource;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => send('POST', path, body, headers);
  const bearer = (session: { accessToken: string }) => ({ authorization: `Bearer ${session.accessToken}` });
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0];

  /** A fresh organisation (so policies set here touch no other test) with one member per role asked. */
  async function organisation(): Promise<{ id: string; slug: string }> {
    const slug = `sessions-${randomUUID().slice(0, 8)}`;
    const [org] = await db.query(`INSERT INTO organisations (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Org ${slug}`]);
    return { id: org.id, slug };
  }

  async function member(org: { id: string }, role: 'admin' | 'manager' | 'board'): Promise<{ id: string; email: string }> {
    const email = `${role}-${randomUUID()}@sessions.test`;
    const hash = await app.get(PasswordHasher).hash(PASSWORD);
    const [user] = await db.query(`INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, 'en') RETURNING id`, [email, `A ${role}`, hash]);
    await db.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)`, [user.id, org.id, role]);
    return { id: user.id, email };
  }

  async function login(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
    const response = await post('/auth/login', { email, password }, headers);
    return { response, body: await response.json(), cookie: cookieOf(response) };
  }

  async function securityEvents(userId: string, type: string): Promise<number> {
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM security_events WHERE user_id = $1 AND type = $2`, [userId, type]);
    return count;
  }

  /** A TOTP code of the next time step: the current one may already have been used (replays are refused). */
  const nextCode = (secret: string, steps = 1) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });

  describe('refresh tokens', () => {
    it('never puts the refresh token in a JSON body, only in the httpOnly cookie', async () => {
      const org = await organisation();
      const user = await member(org, 'board');
      const signedIn = await login(user.email);
      expect(signedIn.response.status).toBe(200);
      expect(signedIn.body).not.toHaveProperty('refreshToken');
      expect(signedIn.cookie).toMatch(/^incubator_refresh=[A-Za-z0-9_-]{43}$/);
      const refreshed = await post('/auth/refresh', {}, { cookie: signedIn.cookie });
      expect(refreshed.status).toBe(200);
      expect(await refreshed.json()).not.toHaveProperty('refreshToken');
    });

    it('a replayed, already rotated refresh token revokes the whole session and records refresh-token.reused', async () => {
      const org = await organisation();
      const user = await member(org, 'board');
      const first = await login(user.email);
      const rotated = await post('/auth/refresh', {}, { cookie: first.cookie });
      expect(rotated.status).toBe(200);
      const second = { cookie: cookieOf(rotated), body: (await rotated.json()) as SessionResponse };

      // The thief replays the first token (later than two tabs racing would): refused, and the chain dies with it.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect((await post('/auth/refresh', {}, { cookie: first.cookie })).status).toBe(401);
      expect((await post('/auth/refresh', {}, { cookie: second.cookie })).status).toBe(401);
      expect((await fetch(`${api}/auth/me`, { headers: bearer(second.body) })).status).toBe(401);
      expect(await securityEvents(user.id, 'refresh-token.reused')).toBe(1);
    });
  });

  it('two tabs refreshing with the same cookie at once: one wins, the session survives', async () => {
    const org = await organisation();
    const user = await member(org, 'board');
    const signedIn = await login(user.email);
    const answers = await Promise.all([post('/auth/refresh', {}, { cookie: signedIn.cookie }), post('/auth/refresh', {}, { cookie: signedIn.cookie })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    const winner = answers.find((a) => a.status === 200) as Response;
    expect((await post('/auth/refresh', {}, { cookie: cookieOf(winner) })).status).toBe(200);
    expect(await securityEvents(user.id, 'refresh-token.reused')).toBe(0);
  });

  describe('password change', () => {
    it('requires the current password, revokes the other sessions, keeps this one, records password.changed', async () => {
      const org = await organisation();
      const user = await member(org, 'manager');
      const here = (await login(user.email)).body as SessionResponse;
      const elsewhere = (await login(user.email)).body as SessionResponse;

      const wrong = await post('/auth/password', { currentPassword: 'not my password', newPassword: 'a new long passphrase' }, { ...bearer(here), 'Accept-Language': 'fr' });
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as ApiErrorResponse).fields?.['currentPassword']?.[0]).toMatch(/mot de passe actuel/);

      const tooShort = await post('/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }, bearer(here));
      expect(tooShort.status).toBe(400);
      expect(((await tooShort.json()) as ApiErrorResponse).fields).toHaveProperty('newPassword');

      expect((await post('/auth/password', { currentPassword: PASSWORD, newPassword: 'a new long passphrase' }, bearer(here))).status).toBe(204);
      expect((await fetch(`${api}/auth/me`, { headers: bearer(here) })).status).toBe(200);
      expect((await fetch(`${api}/auth/me`, { headers: bearer(elsewhere) })).status).toBe(401);
      expect((await login(user.email)).response.status).toBe(401);
      expect((await login(user.email, 'a new long passphrase')).response.status).toBe(200);
      expect(await securityEvents(user.id, 'password.changed')).toBe(1);
    });
  });

  describe('my sessions', () => {
    it('lists the live sessions with when, where and what, and revokes one or all the others', async () => {
      const org = await organisation();
      const user = await member(org, 'manager');
      const laptop = (await login(user.email, PASSWORD, { 'User-Agent': 'Laptop/1.0' })).body as SessionResponse;
      const phone = (await login(user.email, PASSWORD, { 'User-Agent': 'Phone/2.0' })).body as SessionResponse;
      const tablet = (await login(user.email, PASSWORD, { 'User-Agent': 'Tablet/3.0' })).body as SessionResponse;

      const listed = await fetch(`${api}/auth/sessions`, { headers: bearer(laptop) });
      expect(listed.status).toBe(200);
      const sessions = (await listed.json()) as SessionSummary[];
      expect(sessions.map((s) => s.userAgent).sort()).toEqual(['Laptop/1.0', 'Phone/2.0', 'Tablet/3.0']);
      expect(sessions.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Laptop/1.0']);
      expect(sessions[0]).toMatchObject({ ip: expect.any(String), createdAt: expect.any(String), lastUsedAt: expect.any(String), organisation: { slug: org.slug } });

      const phoneId = sessions.find((s) => s.userAgent === 'Phone/2.0')?.id;
      expect((await send('DELETE', `/auth/sessions/${phoneId}`, undefined, bearer(laptop))).status).toBe(204);
      expect((await fetch(`${api}/auth/me`, { headers: bearer(phone) })).status).toBe(401);
      expect(await securityEvents(user.id, 'session.revoked')).toBe(1);

      // Someone else's session is not found, whoever asks.
      const stranger = await member(org, 'manager');
      const strangers = (await login(stranger.email)).body as SessionResponse;
      const [strangerSession] = (await (await fetch(`${api}/auth/sessions`, { headers: bearer(strangers) })).json()) as SessionSummary[];
      expect((await send('DELETE', `/auth/sessions/${strangerSession.id}`, undefined, bearer(laptop))).status).toBe(404);
      expect((await fetch(`${api}/auth/me`, { headers: bearer(strangers) })).status).toBe(200);
      expect((await send('DELETE', '/auth/sessions/not-a-uuid', undefined, bearer(laptop))).status).toBe(400);

      expect((await post('/auth/sessions/revoke-others', {}, bearer(laptop))).status).toBe(204);
      expect((await fetch(`${api}/auth/me`, { headers: bearer(tablet) })).status).toBe(401);
      expect((await fetch(`${api}/auth/me`, { headers: bearer(laptop) })).status).toBe(200);
      const left = (await (await fetch(`${api}/auth/sessions`, { headers: bearer(laptop) })).json()) as SessionSummary[];
      expect(left.map((s) => s.userAgent)).toEqual(['Laptop/1.0']);
    });
  });

  describe('TOTP MFA', () => {
    /** Enrols a signed-in user; returns the secret and the recovery codes. */
    async function enrol(session: SessionResponse): Promise<{ secret: string; recoveryCodes: string[] }> {
      const started = await post('/auth/mfa/enrol', {}, bearer(session));
      expect(started.status).toBe(200);
      const enrolment = (await started.json()) as MfaEnrolmentResponse;
      const confirmed = await post('/auth/mfa/confirm', { code: await generate({ secret: enrolment.secret }) }, bearer(session));
      expect(confirmed.status).toBe(200);
      return { secret: enrolment.secret, recoveryCodes: ((await confirmed.json()) as MfaRecoveryCodesResponse).recoveryCodes };
    }

    it('enrols with a QR code and a confirmation code; the secret is stored encrypted and never returned again', async () => {
      const org = await organisation();
      const user = await member(org, 'manager');
      const session = (await login(user.email)).body as SessionResponse;

      const started = await post('/auth/mfa/enrol', {}, bearer(session));
      const enrolment = (await started.json()) as MfaEnrolmentResponse;
      expect(enrolment.secret).toMatch(/^[A-Z2-7]{26,}$/);
      expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
      expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      // Not enabled until a code proves the app has the secret.
      expect(((await (await fetch(`${api}/auth/mfa`, { headers: bearer(session) })).json()) as MfaStatusResponse).enabled).toBe(false);
      expect((await post('/auth/mfa/confirm', { code: '000000' === (await generate({ secret: enrolment.secret })) ? '111111' : '000000' }, bearer(session))).status).toBe(400);

      const confirmed = await post('/auth/mfa/confirm', { code: await generate({ secret: enrolment.secret }) }, bearer(session));
      expect(confirmed.status).toBe(200);
      const { recoveryCodes } = (await confirmed.json()) as MfaRecoveryCodesResponse;
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);

      const status = (await (await fetch(`${api}/auth/mfa`, { headers: bearer(session) })).json()) as MfaStatusResponse;
      expect(status).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
      expect(JSON.stringify(status)).not.toContain(enrolment.secret);
      // At rest: neither the secret nor a recovery code appears in any column of the user's rows.
      const rows = JSON.stringify([
        await db.query('SELECT * FROM users WHERE id = $1', [user.id]),
        await db.query('SELECT * FROM mfa_recovery_codes WHERE user_id = $1', [user.id]),
      ]);
      expect(rows).not.toContain(enrolment.secret);
      for (const code of recoveryCodes) expect(rows).not.toContain(code);
      // Enrolling again while enabled is refused: the secret cannot be swapped by whoever holds a session.
      expect((await post('/auth/mfa/enrol', {}, bearer(session))).status).toBe(409);
      expect(await securityEvents(user.id, 'mfa.enabled')).toBe(1);
    });

    it('sign-in then needs a second step: no session from the password alone; a code or a single-use recovery code opens one', async () => {
      const org = await organisation();
      const user = await member(org, 'board');
      const { secret, recoveryCodes } = await enrol((await login(user.email)).body as SessionResponse);

      const first = await login(user.email);
      expect(first.response.status).toBe(200);
      const challenge = first.body as MfaChallengeResponse;
      expect(challenge).toMatchObject({ mfa: 'verify', challengeToken: expect.any(String) });
      expect(first.body).not.toHaveProperty('accessToken');
      expect(first.cookie).toBe('');

      const wrong = await post('/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: '12345' }, { 'Accept-Language': 'en' });
      expect(wrong.status).toBe(400);
      const badCode = await post('/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: (await nextCode(secret, 5)) }, { 'Accept-Language': 'en' });
      expect(badCode.status).toBe(401);
      expect(await securityEvents(user.id, 'mfa.failed')).toBe(1);

      const verified = await post('/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: await nextCode(secret) });
      expect(verified.status).toBe(200);
      expect(((await verified.json()) as SessionResponse).user.email).toBe(user.email);
      expect(cookieOf(verified)).toMatch(/^incubator_refresh=/);
      // A challenge opens one session only.
      expect((await post('/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: await nextCode(secret) })).status).toBe(401);

      const again = (await login(user.email)).body as MfaChallengeResponse;
      expect((await post('/auth/mfa/verify', { challengeToken: again.challengeToken, recoveryCode: recoveryCodes[3] })).status).toBe(200);
      expect(await securityEvents(user.id, 'mfa.recovery-code-used')).toBe(1);
      const third = (await login(user.email)).body as MfaChallengeResponse;
      expect((await post('/auth/mfa/verify', { challengeToken: third.challengeToken, recoveryCode: recoveryCodes[3] })).status).toBe(401);
    });

    it('limits wrong codes: a challenge dies after five, and the account takes no more codes for a while', async () => {
      const org = await organisation();
      const user = await member(org, 'board');
      const { secret } = await enrol((await login(user.email)).body as SessionResponse);
      const wrongCode = async () => {
        const right = [await nextCode(secret, 0), await nextCode(secret, 1), await nextCode(secret, -1)];
        for (let n = 0; ; n++) {
          const code = String(n).padStart(6, '0');
          if (!right.includes(code)) return code;
        }
      };

      const challenge = (await login(user.email)).body as MfaChallengeResponse;
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await post('/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: await wrongCode() })).status).toBe(401);
      }
      expect((await post('/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: await nextCode(secret) })).status).toBe(401);

      const second = (await login(user.email)).body as MfaChallengeResponse;
      for (let attempt = 0; attempt < 5; attempt++) await post('/auth/mfa/verify', { challengeToken: second.challengeToken, code: await wrongCode() });
      // Ten failures within the window: even a fresh challenge with the right code is refused, with Retry-After.
      const third = (await login(user.email)).body as MfaChallengeResponse;
      const limited = await post('/auth/mfa/verify', { challengeToken: third.challengeToken, code: await nextCode(secret) });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('disables with the password and a code (not one without the other); mfa.disabled is recorded', async () => {
      const org = await organisation();
      const user = await member(org, 'manager');
      const session = (await login(user.email)).body as SessionResponse;
      const { recoveryCodes } = await enrol(session);
      expect((await post('/auth/mfa/disable', { password: 'not my password', code: recoveryCodes[0] }, bearer(session))).status).toBe(400);
      expect((await post('/auth/mfa/disable', { password: PASSWORD, code: '000000' }, bearer(session))).status).toBe(400);
      expect((await post('/auth/mfa/disable', { password: PASSWORD, code: recoveryCodes[1] }, bearer(session))).status).toBe(204);
      expect(((await login(user.email)).body as SessionResponse).accessToken).toEqual(expect.any(String));
      expect(await securityEvents(user.id, 'mfa.disabled')).toBe(1);
      const [{ count }] = await db.query('SELECT count(*)::int AS count FROM mfa_recovery_codes WHERE user_id = $1', [user.id]);
      expect(count).toBe(0);
    });

    it('an organisation requiring MFA of managers sends a manager without it to enrolment, with no session until enrolled', async () => {
      const org = await organisation();
      const admin = await member(org, 'admin');
      const manager = await member(org, 'manager');
      const board = await member(org, 'board');
      const adminSession = (await login(admin.email)).body as SessionResponse;

      const managerBefore = (await login(manager.email)).body as SessionResponse;
      expect((await send('PUT', '/auth/mfa-policy', { requiredRoles: ['manager'] }, bearer(managerBefore))).status).toBe(403);
      expect((await send('PUT', '/auth/mfa-policy', { requiredRoles: ['board'] }, bearer(adminSession))).status).toBe(400);
      const set = await send('PUT', '/auth/mfa-policy', { requiredRoles: ['manager'] }, bearer(adminSession));
      expect(set.status).toBe(200);
      expect(await set.json()).toEqual({ requiredRoles: ['manager'] });
      expect(await (await fetch(`${api}/auth/mfa-policy`, { headers: bearer(adminSession) })).json()).toEqual({ requiredRoles: ['manager'] });
      // Sessions opened before the policy can do nothing but enrol.
      expect((await fetch(`${api}/users`, { headers: bearer(managerBefore) })).status).toBe(401);

      const signedIn = await login(manager.email);
      const challenge = signedIn.body as MfaChallengeResponse;
      expect(challenge.mfa).toBe('enrol');
      expect(signedIn.body).not.toHaveProperty('accessToken');
      const started = await post('/auth/mfa/challenge/enrol', { challengeToken: challenge.challengeToken });
      expect(started.status).toBe(200);
      const { secret, qrCodeDataUrl } = (await started.json()) as MfaEnrolmentResponse;
      expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      const confirmed = await post('/auth/mfa/challenge/confirm', { challengeToken: challenge.challengeToken, code: await generate({ secret }) });
      expect(confirmed.status).toBe(200);
      const session = (await confirmed.json()) as SessionResponse;
      expect(session.recoveryCodes).toHaveLength(10);
      expect((await fetch(`${api}/users`, { headers: bearer(session) })).status).toBe(200);
      // Required: it cannot be turned off.
      expect((await post('/auth/mfa/disable', { password: PASSWORD, code: session.recoveryCodes?.[0] }, bearer(session))).status).toBe(409);
      // Board members are not concerned.
      expect(((await login(board.email)).body as SessionResponse).accessToken).toEqual(expect.any(String));
    });
  });
});
