import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import type { ApiErrorResponse, AuthUser, PageResponse, StartupContactResponse, StartupImportResult, StartupResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi } from '../../test/test-app';

type Headers = Record<string, string>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'Raison sociale;SIREN;Secteur;Stade;Date de création;Effectif;Contact nom;Contact e-mail;Contact téléphone;Contact rôle';

describe('startup import and contacts (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Headers;
  let founder: Headers;
  let otherManager: Headers;
  let founderStartupId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    const json = { 'Content-Type': 'application/json' };
    manager = { ...(await signIn(api, 'manager@demo.test')), ...json };
    founder = { ...(await signIn(api, 'startup@demo.test')), ...json };
    otherManager = { ...(await signIn(api, 'manager@other.test')), ...json };
    founderStartupId = ((await (await fetch(`${api}/auth/me`, { headers: founder })).json()) as AuthUser).startupId as string;
  });

  afterAll(() => app.close());

  const send = async <T>(method: string, path: string, body?: unknown, headers: Headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T & ApiErrorResponse };
  };
  const post = async (file: string | Buffer, query: string, headers: Headers = manager, type = 'text/csv') => {
    const response = await fetch(`${api}/startups/import?${query}`, { method: 'POST', headers: { ...headers, 'Content-Type': type }, body: typeof file === 'string' ? file : new Uint8Array(file) });
    return { status: response.status, body: (await response.json()) as StartupImportResult & ApiErrorResponse };
  };
  const named = async (prefix: string) => (await send<PageResponse<StartupResponse>>('GET', `/startups?q=${encodeURIComponent(prefix)}&limit=100`)).body;

  it('lists every bad line on a dry run, writes nothing while one is bad, then imports the fixed file of 30 startups', async () => {
    const prefix = `Imp ${randomUUID().slice(0, 8)}`;
    const registered = (await send<StartupResponse>('POST', '/startups', { legalName: `${prefix} déjà là`, country: 'FR', siren: freshSiren(), sector: 'ai', stage: 'idea', teamSize: 1 })).body;
    const good = Array.from({ length: 30 }, (_, i) => [`${prefix} n°${i + 1}`, freshSiren(), i % 2 ? 'Santé' : 'greentech', i % 2 ? 'Premiers revenus' : 'mvp', '15/03/2023', String(i), `Personne ${i}`, `p${i}.${prefix.slice(4)}@import.test`, '06 12 34 56 78', 'CEO']);
    const bad = good.map((cells) => [...cells]);
    const dupSiren = bad[2][1];
    bad[1][1] = '123456789'; // bad check digit (line 3)
    bad[4][1] = dupSiren; // same as line 4 (line 6)
    bad[6][1] = registered.siren as string; // already registered (line 8)
    bad[8][2] = 'Aérospatiale'; // unknown sector (line 10)
    bad[10][3] = 'Licorne'; // unknown stage (line 12)
    bad[12][4] = '31/02/2023'; // no such date (line 14)
    bad[14][5] = '-3'; // negative team size (line 16)
    bad[16][8] = '12'; // bad phone (line 18)
    const csv = (rows: string[][]) => `\uFEFF${[HEADER, ...rows.map((r) => r.join(';'))].join('\r\n')}`;

    const dry = await post(csv(bad), 'dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'siren'],
      [6, 'siren'],
      [8, 'siren'],
      [10, 'sector'],
      [12, 'stage'],
      [14, 'foundedOn'],
      [16, 'teamSize'],
      [18, 'contactPhone'],
    ]);
    expect(dry.body.errors[0].message).toContain('SIREN invalide');
    expect(dry.body.errors[2].message).toBe(`SIREN déjà enregistré pour ${registered.legalName}`);
    expect(dry.body).toMatchObject({ dryRun: true, lines: 30, imported: 0 });
    const english = await post(csv(bad), 'dryRun=true', { ...manager, 'Accept-Language': 'en' });
    expect(english.body.errors[6].message).toBe('negative team size');

    const refused = await post(csv(bad), 'dryRun=false');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'startup.import_refused', imported: 0 });
    expect(refused.body.errors).toHaveLength(8);
    expect((await named(prefix)).total).toBe(1);

    const imported = await post(csv(good), 'dryRun=false');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ lines: 30, imported: 30, contacts: 30, invited: 0, errors: [] });
    const listed = await named(prefix);
    expect(listed.total).toBe(31);
    const fifth = listed.items.find((s) => s.legalName === `${prefix} n°2`) as StartupResponse;
    expect(fifth).toMatchObject({ sector: 'healthtech', stage: 'revenue', foundedOn: '2023-03-15', teamSize: 1, country: 'FR' });
    const contacts = await send<StartupContactResponse[]>('GET', `/startups/${fifth.id}/contacts`);
    expect(contacts.body).toEqual([expect.objectContaining({ name: 'Personne 1', role: 'CEO', phone: '+33612345678', email: `p1.${prefix.slice(4)}@import.test` })]);
    // The same file again: every SIREN is now registered.
    expect((await post(csv(good), 'dryRun=true')).body.errors).toHaveLength(30);
  });

  it('reads comma-separated English files and XLSX workbooks, and invites the contacts when asked', async () => {
    const prefix = `Xls ${randomUUID().slice(0, 8)}`;
    const english = ['Legal name,SIREN,Sector,Stage,Founded on,Team size', `"${prefix}, en",${freshSiren()},fintech,idea,2022-01-10,3`].join('\n');
    expect((await post(english, 'dryRun=false')).body).toMatchObject({ imported: 1, contacts: 0 });

    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Startups');
    sheet.addRow(['Raison sociale', 'SIREN', 'Secteur', 'Stade', 'Date de création', 'Effectif', 'Contact nom', 'Contact e-mail']);
    sheet.addRow([`${prefix} A`, freshSiren(), 'Mobilité', 'Prototype', new Date(Date.UTC(2021, 5, 1)), 5, 'Alice', `alice.${prefix.slice(4)}@import.test`]);
    sheet.addRow([`${prefix} B`, Number(freshSiren()), 'Commerce', 'Croissance', '', 2, 'Bob', `bob.${prefix.slice(4)}@import.test`]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await post(file, 'dryRun=true', manager, XLSX);
    expect(dry.body).toMatchObject({ lines: 2, imported: 0, errors: [] });
    const real = await post(file, 'invite=true', manager, XLSX);
    expect(real.body).toMatchObject({ imported: 2, contacts: 2, invited: 2, inviteFailures: [] });
    const listed = await named(prefix);
    expect(listed.items.map((s) => [s.sector, s.stage, s.foundedOn])).toEqual(
      expect.arrayContaining([
        ['mobility', 'prototype', '2021-06-01'],
        ['retail', 'scale', null],
      ]),
    );
  });

  it('refuses oversized, too long and non-file bodies, and non-managers', async () => {
    const tooLarge = await post(Buffer.alloc(3 * 1024 * 1024, 'a'), 'dryRun=true');
    expect(tooLarge.status).toBe(413);
    const many = [HEADER, ...Array.from({ length: 5001 }, () => 'x;1;ai;idea;;1;;;;')].join('\n');
    const tooLong = await post(many, 'dryRun=true');
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0].message).toContain('5');
    const json = await fetch(`${api}/startups/import`, { method: 'POST', headers: manager, body: JSON.stringify({ csv: 'x' }) });
    expect(json.status).toBe(415);
    expect((await post(`${HEADER}\n`, 'dryRun=true', founder)).status).toBe(403);
    const header = await post('Raison sociale;Couleur\nx;bleu', 'dryRun=true');
    expect(header.body.errors.map((e) => e.line)).toEqual([1, 1, 1, 1]);
  });

  it('keeps contacts for managers; the founder sees their own startup’s; other tenants get 404', async () => {
    const path = `/startups/${founderStartupId}/contacts`;
    const created = await send<StartupContactResponse>('POST', path, { name: 'Léa Martin', role: 'CTO', email: 'Lea@Canopee.test', phone: '+33 6 11 22 33 44' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Léa Martin', email: 'lea@canopee.test', phone: '+33611223344' });
    expect((await send('POST', path, { name: 'X', phone: '12' })).status).toBe(400);
    const updated = await send<StartupContactResponse>('PATCH', `${path}/${created.body.id}`, { role: 'CEO', phone: null });
    expect(updated.body).toMatchObject({ role: 'CEO', phone: null, email: 'lea@canopee.test' });

    const seen = await send<StartupContactResponse[]>('GET', path, undefined, founder);
    expect(seen.status).toBe(200);
    expect(seen.body.map((c) => c.id)).toContain(created.body.id);
    expect((await send('POST', path, { name: 'Moi' }, founder)).status).toBe(403);
    const another = (await send<StartupResponse>('POST', '/startups', { legalName: `Autre ${randomUUID()}`, country: 'FR', siren: freshSiren(), sector: 'ai', stage: 'idea', teamSize: 1 })).body;
    expect((await send('GET', `/startups/${another.id}/contacts`, undefined, founder)).status).toBe(404);
    expect((await send('GET', path, undefined, otherManager)).status).toBe(404);
    expect((await send('PATCH', `${path}/${created.body.id}`, { name: 'Pirate' }, otherManager)).status).toBe(404);
    expect((await send('DELETE', `/startups/${another.id}/contacts/${created.body.id}`)).status).toBe(404);

    expect((await fetch(`${api}${path}/${created.body.id}`, { method: 'DELETE', headers: manager })).status).toBe(204);
    expect((await send<StartupContactResponse[]>('GET', path)).body.map((c) => c.id)).not.toContain(created.body.id);
  });
});
