import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiErrorResponse } from '@incubator/contracts';
import { databaseErrorBody } from './common/database-errors';
import { fingerprint } from '../test/db-fingerprint';
import { freshSiren } from '../test/fixtures';
import { signIn, startTestApi } from '../test/test-app';

/**
 * Hostile requests, as a hostile client would send them: every one gets a 4xx in the caller's language
 * and writes nothing. The request-hardening layer answers them before authentication (so an anonymous
 * caller gets the same answer), and database errors that slip through become 4xx, not 500s.
 */
describe('request hardening: hostile bodies, query strings and paths (real API)', () => {
  let app: NestExpressApplication;
  let api: string;
  let db: DataSource;
  let admin: Record<string, string>;
  let siteId: string;
  let startupId: string;
  let programId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    db = app.get(DataSource);
    admin = await signIn(api, 'admin@demo.test');
    siteId = (await (await fetch(`${api}/organisation`, { headers: admin })).json()).sites[0].id;
    startupId = (await (await fetch(`${api}/startups?limit=1`, { headers: admin })).json()).items[0].id;
    const program = await fetch(`${api}/programs`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteId, kind: 'accelerator', name: `Hardening ${randomUUID()}` }),
    });
    expect(program.status).toBe(201);
    programId = (await program.json()).id;
  });

  afterAll(() => app.close());

  interface Sent {
    status: number;
    body: ApiErrorResponse;
    unchanged: boolean;
  }

  /** Sends a raw body (already serialised) and reports whether any table changed. */
  async function send(method: string, path: string, body: string | undefined, headers: Record<string, string> = {}): Promise<Sent> {
    const before = await fingerprint(db);
    const response = await fetch(`${api}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body });
    const text = await response.text();
    let parsed: ApiErrorResponse;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { statusCode: response.status, error: 'not JSON', message: text.slice(0, 200) };
    }
    return { status: response.status, body: parsed, unchanged: (await fingerprint(db)) === before };
  }

  const inLanguages = async (check: (lang: 'fr' | 'en', sent: Sent) => void, request: (headers: Record<string, string>) => Promise<Sent>) => {
    for (const lang of ['fr', 'en'] as const) check(lang, await request({ 'Accept-Language': lang }));
  };

  describe('body size', () => {
    const padded = (bytes: number) => JSON.stringify({ legalName: 'Padding SAS', padding: 'x'.repeat(bytes) });

    it('reads a JSON body over the old 100 kB limit (it answered 500): validation answers, with or without a token', async () => {
      const withToken = await send('POST', '/startups', padded(150_000), admin);
      expect(withToken.status).toBe(400);
      expect(withToken.body.fields?.['padding']).toBeDefined();
      expect(withToken.unchanged).toBe(true);
      const anonymous = await send('POST', '/startups', padded(150_000));
      expect(anonymous.status).toBe(401);
      expect(anonymous.unchanged).toBe(true);
    });

    it('refuses a JSON body over 1 MB with 413 naming the limit, before authentication, in the caller language', async () => {
      for (const headers of [admin, {}]) {
        await inLanguages(
          (lang, sent) => {
            expect(sent.status).toBe(413);
            expect(sent.body.statusCode).toBe(413);
            expect(sent.body.message).toContain(lang === 'fr' ? '1 Mo' : '1 MB');
            expect(sent.body.message).toMatch(lang === 'fr' ? /trop volumineux/ : /too large/);
            expect(sent.unchanged).toBe(true);
          },
          (lang) => send('POST', '/startups', padded(1_100_000), { ...headers, ...lang }),
        );
      }
      // A public route too: the sign-in endpoint must not read a megabyte of junk either.
      expect((await send('POST', '/auth/login', padded(1_100_000))).status).toBe(413);
      // Refused before pino-http, yet traceable: the caller's request id comes back in the body and header.
      const traced = await fetch(`${api}/startups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'hostile-413' },
        body: padded(1_100_000),
      });
      expect(traced.headers.get('x-request-id')).toBe('hostile-413');
      expect((await traced.json()).requestId).toBe('hostile-413');
    });
  });

  it('refuses a JSON body in another charset than UTF-8 with 415 (it answered 500)', async () => {
    await inLanguages(
      (lang, sent) => {
        expect(sent.status).toBe(415);
        expect(sent.body.message).toMatch(lang === 'fr' ? /jeu de caractères/i : /charset/i);
        expect(sent.unchanged).toBe(true);
      },
      (lang) => send('POST', '/startups', JSON.stringify({ legalName: 'Latin SAS' }), { ...admin, ...lang, 'Content-Type': 'application/json; charset=latin1' }),
    );
    // utf-8 spelled in any case is still fine: validation answers.
    expect((await send('POST', '/startups', '{}', { ...admin, 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(400);
  });

  it('refuses malformed JSON with 400 in the caller language', async () => {
    await inLanguages(
      (lang, sent) => {
        expect(sent.status).toBe(400);
        expect(sent.body.message).toMatch(lang === 'fr' ? /JSON/ : /JSON/);
        expect(sent.body.message).toMatch(lang === 'fr' ? /illisible/ : /unreadable/i);
      },
      (lang) => send('POST', '/startups', '{"legalName": ', { ...admin, ...lang }),
    );
  });

  it('refuses a body nested 5,000 levels deep with 400, quickly (it answered 500)', async () => {
    for (const [open, close] of [['{"a":', '}'], ['[', ']']]) {
      const started = Date.now();
      const deep = `${open.repeat(5_000)}1${close.repeat(5_000)}`;
      await inLanguages(
        (lang, sent) => {
          expect(sent.status).toBe(400);
          expect(sent.body.message).toMatch(lang === 'fr' ? /imbriqu/ : /nested/);
          expect(sent.body.message).toContain('32');
          expect(sent.unchanged).toBe(true);
        },
        (lang) => send('POST', '/startups', deep, { ...admin, ...lang }),
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    // Anonymous too: the depth is checked before the token.
    expect((await send('POST', '/investors', `${'['.repeat(40)}${']'.repeat(40)}`)).status).toBe(400);
  });

  describe('text that is not well-formed Unicode, or holds NUL', () => {
    const surrogate = 'x\ud800';
    /** Each text field named in the issue, in a body that is otherwise valid. */
    const cases: Array<{ name: string; path: () => string; body: (text: string) => Record<string, unknown>; field: string; auth?: boolean }> = [
      { name: 'investor name', path: () => '/investors', body: (t) => ({ name: t, kind: 'fund' }), field: 'name' },
      { name: 'startup legal name', path: () => '/startups', body: (t) => ({ legalName: t, country: 'FR', siren: freshSiren(), sector: 'fintech', stage: 'mvp', teamSize: 3 }), field: 'legalName' },
      { name: 'program name', path: () => '/programs', body: (t) => ({ siteId, kind: 'incubator', name: t }), field: 'name' },
      { name: 'cohort name', path: () => '/cohorts', body: (t) => ({ programId, name: t, startsOn: '2031-03-01', endsOn: '2031-09-01', capacity: 5 }), field: 'name' },
      { name: 'building name', path: () => '/space/buildings', body: (t) => ({ siteId, name: t }), field: 'name' },
      { name: 'milestone title', path: () => `/startups/${startupId}/milestones`, body: (t) => ({ title: t, category: 'product', dueOn: '2031-01-15' }), field: 'title' },
      { name: 'KPI label', path: () => '/kpi-definitions', body: (t) => ({ key: `k_${randomUUID().slice(0, 8)}`, labelFr: t, labelEn: 'Label', unit: 'count', aggregation: 'sum', periodicity: 'monthly', required: false }), field: 'labelFr' },
      { name: 'invitation e-mail', path: () => '/invitations', body: (t) => ({ email: `${t}@demo.test`, role: 'board' }), field: 'email' },
      { name: 'password-reset e-mail', path: () => '/auth/password-reset', body: (t) => ({ email: `${t}@demo.test` }), field: 'email', auth: false },
    ];

    for (const c of cases) {
      it(`refuses a lone surrogate and a NUL in the ${c.name} with 400 naming the field`, async () => {
        const headers = c.auth === false ? {} : admin;
        for (const text of [surrogate, 'x\u0000y']) {
          await inLanguages(
            (lang, sent) => {
              expect(sent.status).toBe(400);
              expect(Object.keys(sent.body.fields ?? {})).toEqual([c.field]);
              expect(sent.body.fields?.[c.field][0]).toMatch(lang === 'fr' ? /^le champ .* Unicode/ : /Unicode/);
              expect(sent.body.message).toBe(lang === 'fr' ? 'La requête contient des champs invalides.' : 'The request has invalid fields.');
              expect(sent.unchanged).toBe(true);
            },
            // JSON.stringify writes a lone surrogate as the escape \ud800: what a hostile client sends.
            (lang) => send('POST', c.path(), JSON.stringify(c.body(text)), { ...headers, ...lang }),
          );
        }
      });
    }

    it('names nested fields and malformed keys too, with or without a token', async () => {
      const body = `{"founders":[{"email":"a@b.fr"},{"email":"x\\ud800"}],"\\udc00key":1}`;
      for (const headers of [admin, {}]) {
        const sent = await send('POST', '/startups', body, { ...headers, 'Accept-Language': 'en' });
        expect(sent.status).toBe(400);
        expect(Object.keys(sent.body.fields ?? {}).sort()).toEqual(['founders.1.email', '\ufffdkey'].sort());
      }
    });
  });

  describe('query strings and paths', () => {
    it('refuses a NUL in the query string with 400 naming the parameter (?q=%00 answered 500)', async () => {
      await inLanguages(
        (lang, sent) => {
          expect(sent.status).toBe(400);
          expect(Object.keys(sent.body.fields ?? {})).toEqual(['q']);
          expect(sent.body.fields?.['q'][0]).toMatch(lang === 'fr' ? /^le champ q/ : /^q /);
        },
        (lang) => send('GET', '/startups?q=%00', undefined, { ...admin, ...lang }),
      );
      expect((await send('GET', '/startups?q=ab%00cd', undefined, {})).status).toBe(400);
    });

    it('refuses a path with broken percent-encoding or a NUL with 400, in the caller language', async () => {
      for (const path of ['/startups/%E0%A4%A', '/startups/%00', '/startups/%ED%A0%80']) {
        await inLanguages(
          (lang, sent) => {
            expect(sent.status).toBe(400);
            expect(sent.body.message).toMatch(lang === 'fr' ? /adresse/ : /address/);
          },
          (lang) => send('GET', path, undefined, { ...admin, ...lang }),
        );
      }
    });
  });

  describe('database errors that reach PostgreSQL', () => {
    it('reads the field out of the errors the real driver throws, through TypeORM', async () => {
      const runner = db.createQueryRunner();
      await runner.connect();
      const refusal = async (sql: string, parameters: unknown[], body: unknown = {}) => {
        try {
          await runner.query(sql, parameters);
        } catch (error) {
          return databaseErrorBody(error, 'en', { body });
        }
        throw new Error(`${sql} did not fail`);
      };
      try {
        await runner.query(
          `CREATE TEMP TABLE hostile (id int PRIMARY KEY, label varchar(3) NOT NULL, due_on date, size smallint, parent_id int REFERENCES hostile (id), rank int CHECK (rank > 0))`,
        );
        const insert = 'INSERT INTO hostile (id, label, due_on, size, parent_id, rank) VALUES ($1, $2, $3, $4, $5, $6)';
        await runner.query(insert, [1, 'ok', null, null, null, null]);
        expect(await refusal(insert, [2, 'ok', '0000-01-01', null, null, null], { dueOn: '0000-01-01' })).toMatchObject({ statusCode: 400, fields: { dueOn: ['dueOn is not a valid date or time'] } });
        expect(await refusal(insert, [2, 'ok', null, 99999, null, null], { size: 99999 })).toMatchObject({ statusCode: 400, fields: { size: ['size is out of the allowed range'] } });
        expect(await refusal(insert, [2, 'ok', 'soon', null, null, null], { dueOn: 'soon' })).toMatchObject({ statusCode: 400, fields: { dueOn: [expect.any(String)] } });
        expect((await refusal(insert, [2, 'long', null, null, null, null]))?.statusCode).toBe(400);
        expect(await refusal(insert, [2, null, null, null, null, null])).toMatchObject({ statusCode: 400, fields: { label: ['label is required'] } });
        expect(await refusal(insert, [1, 'ok', null, null, null, null])).toMatchObject({ statusCode: 409, fields: { id: ['id is already used'] } });
        expect(await refusal(insert, [2, 'ok', null, null, 42, null])).toMatchObject({ statusCode: 404, fields: { parentId: [expect.any(String)] } });
        expect((await refusal(insert, [2, 'ok', null, null, null, 0]))?.statusCode).toBe(422);
        expect((await refusal(`SELECT '"a\\u0000b"'::jsonb`, []))?.statusCode).toBe(400);
      } finally {
        await runner.release();
      }
    });

    it('answers an offset beyond bigint with 400, not 500', async () => {
      const sent = await send('GET', '/startups?offset=99999999999999999999', undefined, { ...admin, 'Accept-Language': 'en' });
      expect(sent.status).toBe(400);
    });

    it('answers a waitlist entry whose end is before its start with 400 and writes nothing (it answered 500)', async () => {
      await inLanguages(
        (_lang, sent) => {
          expect(sent.status).toBe(400);
          expect(sent.unchanged).toBe(true);
        },
        (lang) =>
          send(
            'POST',
            '/waitlist',
            JSON.stringify({ startupId, areaM2: 24, startsOn: '2031-06-01', endsOn: '2031-05-01', siteId, programKind: 'incubator', monthlyPricePerM2Cents: 1200 }),
            { ...admin, ...lang },
          ),
      );
    });
  });
});
