import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@incubator/api/identity';
import type { ApiErrorResponse } from '@incubator/contracts';
import { startTestApi } from '../../test/test-app';

const PASSWORD = 'correct horse battery staple';
/** Set for this file only (restored after): a short progressive delay so its test stays quick. */
const DELAY_ENV = { LOGIN_DELAY_AFTER_FAILURES: '3', LOGIN_DELAY_BASE_MS: '400', LOGIN_DELAY_MAX_MS: '2000' };

/**
 * The sign-in throttle as an attacker would try to abuse it: parallel bursts to get more password
 * checks than allowed, and failures sent on purpose to lock a real user out. The client address comes
 * from X-Forwarded-For, which the API trusts from loopback (TRUST_PROXY's default), as behind nginx.
 */
describe('sign-in throttle: atomic attempts, account × address locks, progressive delay (real PostgreSQL, Redis)', () => {
  let app: NestExpressApplication;
  let api: string;
  let db: DataSource;
  const saved = Object.fromEntries(Object.keys(DELAY_ENV).map((key) => [key, process.env[key]]));

  beforeAll(async () => {
    Object.assign(process.env, DELAY_ENV);
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  /** An address of its own for each test (TEST-NET-3), so no test's failures count against another's. */
  let nextAddress = 1;
  const address = () => `203.0.113.${nextAddress++}`;

  async function account(): Promise<string> {
    const email = `throttle-${randomUUID()}@demo.test`;
    const hash = await app.get(PasswordHasher).hash(PASSWORD);
    const [user] = await db.query(`INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, 'Throttled', $2, 'en') RETURNING id`, [email, hash]);
    const [org] = await db.query(`SELECT id FROM organisations WHERE slug = 'demo'`);
    await db.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'board')`, [user.id, org.id]);
    return email;
  }

  const login = (email: string, password: string, from: string, headers: Record<string, string> = {}) =>
    fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from, ...headers },
      body: JSON.stringify({ email, password }),
    });

  it('consumes the attempt before the password check: 30 parallel wrong passwords get 5 checks (401), the rest 429', async () => {
    const email = await account();
    const from = address();
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => login(email, `wrong-${i}`, from).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it('locks the account only from the address that failed: the real user still signs in from another', async () => {
    const email = await account();
    const attacker = address();
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(email, `wrong-${attempt}`, attacker)).status).toBe(401);
    const refused = await login(email, PASSWORD, attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(email, PASSWORD, address())).status).toBe(200);
  });

  it('slows an account failing from many addresses progressively, without ever refusing the right password', async () => {
    const email = await account();
    // One failure from each of 5 addresses: no address reaches its lock, the account is past its free failures.
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(email, `wrong-${attempt}`, address())).status).toBe(401);
    const started = Date.now();
    const signedIn = await login(email, PASSWORD, address());
    expect(signedIn.status).toBe(200);
    // 5 failures, 3 free: the attempt waited 2 × LOGIN_DELAY_BASE_MS = 800 ms before its check.
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    // The success forgets the account's failures: the next sign-in is not delayed.
    const again = Date.now();
    expect((await login(email, PASSWORD, address())).status).toBe(200);
    expect(Date.now() - again).toBeLessThan(750);
  });

  it('answers the 429 in the caller’s language, in the API’s error format', async () => {
    const email = await account();
    const from = address();
    for (let attempt = 0; attempt < 5; attempt++) await login(email, `wrong-${attempt}`, from);
    const en = await login(email, PASSWORD, from, { 'Accept-Language': 'en' });
    const fr = await login(email, PASSWORD, from, { 'Accept-Language': 'fr' });
    const [enBody, frBody] = [(await en.json()) as ApiErrorResponse, (await fr.json()) as ApiErrorResponse];
    expect(enBody).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/try again/i) });
    expect(frBody).toMatchObject({ statusCode: 429, code: 'identity.sign_in_throttled', message: expect.stringMatching(/réessayez/i) });
    expect(enBody.requestId).toBeTruthy();
  });

  it('records a sign-in.locked security event once when an account × address pair locks', async () => {
    const email = await account();
    const from = address();
    for (let attempt = 0; attempt < 8; attempt++) await login(email, `wrong-${attempt}`, from);
    const events = await db.query(`SELECT detail FROM security_events WHERE type = 'sign-in.locked' AND email = $1 AND ip = $2`, [email, from]);
    expect(events).toHaveLength(1);
  });

  describe('password reset confirmation', () => {
    it('checks the token before hashing the new password: an invalid token answers 410 without any hashing', async () => {
      const hasher = app.get(PasswordHasher);
      const hash = jest.spyOn(hasher, 'hash');
      try {
        const response = await fetch(`${api}/auth/password-reset/confirm`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: 'A'.repeat(43), password: 'a brand new passphrase' }),
        });
        expect(response.status).toBe(410);
        expect(hash).not.toHaveBeenCalled();
      } finally {
        hash.mockRestore();
      }
    });
  });
});
