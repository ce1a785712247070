import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StartupService } from '@incubator/api/startups';
import type { ApiErrorResponse, CohortBoardResponse, CohortResponse, EnrollmentResponse, MilestoneResponse, StartupResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi } from '../../test/test-app';

describe('programs, cohorts, startups, enrollments and milestones (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Record<string, string>;
  let siteId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    manager = { ...(await signIn(api, 'manager@demo.test')), 'Content-Type': 'application/json' };
    siteId = (await (await fetch(`${api}/organisation`, { headers: manager })).json()).sites[0].id;
  });

  afterAll(() => app.close());

  const send = async <T>(method: string, path: string, body: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  async function cohortWithCapacity(capacity: number): Promise<CohortResponse> {
    const program = await send<{ id: string }>('POST', '/programs', { siteId, kind: 'accelerator', name: `Accel ${randomUUID()}` });
    expect(program.status).toBe(201);
    const cohort = await send<CohortResponse>('POST', '/cohorts', {
      programId: program.body.id,
      name: 'Spring',
      startsOn: '2027-03-01',
      endsOn: '2027-09-01',
      capacity,
    });
    expect(cohort.status).toBe(201);
    return cohort.body;
  }

  async function startup(name = `Startup ${randomUUID()}`): Promise<StartupResponse> {
    const created = await send<StartupResponse>('POST', '/startups', {
      legalName: name,
      country: 'FR',
      siren: freshSiren(),
      sector: 'fintech',
      stage: 'mvp',
      teamSize: 3,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const enroll = async (cohortId: string, startupId: string) => (await send<EnrollmentResponse>('POST', '/enrollments', { cohortId, startupId })).body;
  const move = (enrollmentId: string, status: string, headers = manager) =>
    send<EnrollmentResponse & ApiErrorResponse>('POST', `/enrollments/${enrollmentId}/transitions`, { status }, headers);
  const inEnglish = () => ({ ...manager, 'Accept-Language': 'en' });
  const inFrench = () => ({ ...manager, 'Accept-Language': 'fr' });

  it('runs a startup through the pipeline with its history, and keeps graduates as alumni', async () => {
    const cohort = await cohortWithCapacity(5);
    const s = await startup();
    const enrollment = await enroll(cohort.id, s.id);
    expect(enrollment.status).toBe('applied');
    for (const status of ['admitted', 'active', 'graduated']) expect((await move(enrollment.id, status)).status).toBe(201);

    const [final] = (await send<EnrollmentResponse[]>('GET', `/enrollments?startupId=${s.id}`, undefined)).body;
    expect(final.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'applied'],
      ['applied', 'admitted'],
      ['admitted', 'active'],
      ['active', 'graduated'],
    ]);
    const alumni = await send<{ items: StartupResponse[] }>('GET', `/startups?cohortId=${cohort.id}&status=graduated`, undefined);
    expect(alumni.body.items.map((x) => [x.id, x.alumni])).toEqual([[s.id, true]]);
  });

  it('refuses invalid transitions with 422 and says which moves are allowed', async () => {
    const cohort = await cohortWithCapacity(5);
    const enrollment = await enroll(cohort.id, (await startup()).id);
    const skip = await move(enrollment.id, 'graduated', inEnglish());
    expect(skip.status).toBe(422);
    expect(skip.body).toMatchObject({ code: 'program.transition_refused', fields: { status: ['from applied, status must be one of: admitted, withdrawn'] } });
    expect((await move(enrollment.id, 'graduated', inFrench())).body).toMatchObject({
      code: 'program.transition_refused',
      message: 'Une inscription ne peut pas passer de applied à graduated.',
      fields: { status: ['depuis applied, le statut doit être l’un de : admitted, withdrawn'] },
    });
    await move(enrollment.id, 'withdrawn');
    const final = await move(enrollment.id, 'admitted');
    expect(final).toMatchObject({ status: 422, body: { code: 'program.enrollment_final' } });
  });

  it('never over-fills a cohort, even when admissions race', async () => {
    const cohort = await cohortWithCapacity(1);
    const enrollments = await Promise.all([startup(), startup(), startup()].map(async (s) => enroll(cohort.id, (await s).id)));
    const results = await Promise.all(enrollments.map((e) => move(e.id, 'admitted')));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // No Accept-Language: French, the platform's default; the cohort is named with its capacity.
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({
      code: 'program.cohort_full',
      message: 'La promotion Spring est complète (capacité : 1).',
      details: { cohortName: 'Spring', seated: 1, capacity: 1 },
    });
    const late = await enroll(cohort.id, (await startup()).id);
    expect((await move(late.id, 'admitted', inEnglish())).body).toMatchObject({ code: 'program.cohort_full', message: 'The cohort Spring is full (capacity: 1).' });
    const [{ seated }] = await app.get(DataSource).query(`SELECT count(*)::int AS seated FROM enrollments WHERE cohort_id = $1 AND status = 'admitted'`, [cohort.id]);
    expect(seated).toBe(1);
    const shrink = await send<ApiErrorResponse>('PATCH', `/cohorts/${cohort.id}`, { capacity: 0 });
    expect(shrink.status).toBe(400);
  });

  it('refuses a cohort that ends before it starts, and a capacity below the seats taken', async () => {
    const cohort = await cohortWithCapacity(2);
    const backwards = await send<ApiErrorResponse>('PATCH', `/cohorts/${cohort.id}`, { endsOn: '2027-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ code: 'program.cohort_ends_before_start', message: 'Une promotion doit finir après avoir commencé.' });
    expect(backwards.body.fields).toHaveProperty('endsOn');
    const a = await enroll(cohort.id, (await startup()).id);
    const b = await enroll(cohort.id, (await startup()).id);
    await move(a.id, 'admitted');
    await move(b.id, 'admitted');
    const shrink = await send<ApiErrorResponse>('PATCH', `/cohorts/${cohort.id}`, { capacity: 1 });
    expect(shrink.status).toBe(409);
    expect(shrink.body).toMatchObject({ code: 'program.cohort_capacity_below_seated', fields: { capacity: ['au moins 2, les startups déjà admises'] } });
    const badDate = await send<ApiErrorResponse>('PATCH', `/cohorts/${cohort.id}`, { startsOn: '2027-02-30' });
    expect(badDate.status).toBe(400);
  });

  it('validates the SIREN of French startups', async () => {
    const base = { legalName: 'Siren Test SAS', country: 'FR', sector: 'ai', stage: 'idea', teamSize: 1 };
    const wrongDigit = await send<ApiErrorResponse>('POST', '/startups', { ...base, siren: '732829321' });
    expect(wrongDigit.status).toBe(400);
    // No Accept-Language preference: the platform's default language, French, answers.
    expect(wrongDigit.body.fields?.['siren']).toEqual(['le champ siren doit être un SIREN valide (9 chiffres, clé de contrôle correcte)']);
    expect((await send('POST', '/startups', base)).status).toBe(400);
    expect((await send('POST', '/startups', { ...base, country: 'BE' })).status).toBe(201);
    const siren = freshSiren();
    expect((await send('POST', '/startups', { ...base, siren: `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}` })).status).toBe(201);
    const [holder] = (await send<{ items: StartupResponse[] }>('GET', `/startups?q=${encodeURIComponent('Siren Test')}&limit=100`, undefined)).body.items.filter((s) => s.siren === siren);
    const taken = await send<ApiErrorResponse>('POST', '/startups', { ...base, legalName: 'Autre SAS', siren }, inFrench());
    expect(taken).toMatchObject({
      status: 409,
      body: {
        code: 'startup.siren_taken',
        message: 'Ce SIREN est déjà enregistré pour Siren Test SAS.',
        fields: { siren: ['SIREN déjà enregistré pour Siren Test SAS'] },
        details: { startupId: holder.id, legalName: 'Siren Test SAS' },
      },
    });
    // Moving another startup onto that SIREN names the same holder, in English for an English caller.
    const other = await send<StartupResponse>('POST', '/startups', { ...base, country: 'BE', legalName: 'Other SA' });
    const moved = await send<ApiErrorResponse>('PATCH', `/startups/${other.body.id}`, { country: 'FR', siren }, inEnglish());
    expect(moved).toMatchObject({ status: 409, body: { code: 'startup.siren_taken', message: 'This SIREN is already registered for Siren Test SAS.', details: { startupId: holder.id } } });
    // A French startup cannot lose its SIREN.
    expect((await send<ApiErrorResponse>('PATCH', `/startups/${other.body.id}`, { country: 'FR' })).body).toMatchObject({ code: 'startup.siren_required' });
    // The SIREN is unique per organisation: another one may register it, and is never told of ours.
    const otherOrganisation = { ...(await signIn(api, 'manager@other.test')), 'Content-Type': 'application/json' };
    expect((await send('POST', '/startups', { ...base, siren }, otherOrganisation)).status).toBe(201);
  });

  it('scopes a startup member to their own startup; their achieved milestone shows on the cohort board', async () => {
    const founder = { ...(await signIn(api, 'startup@demo.test')), 'Content-Type': 'application/json' };
    const me = await (await fetch(`${api}/auth/me`, { headers: founder })).json();
    const other = await startup();

    const list = await send<{ items: StartupResponse[] }>('GET', '/startups?limit=100', undefined, founder);
    expect(list.body.items.map((s) => s.id)).toEqual([me.startupId]);
    expect((await send('GET', `/startups/${other.id}`, undefined, founder)).status).toBe(404);
    expect((await send('PATCH', `/startups/${other.id}`, { teamSize: 99 }, founder)).status).toBe(404);
    expect((await send('GET', `/startups/${other.id}/milestones`, undefined, founder)).status).toBe(404);
    expect((await send('POST', '/enrollments', { cohortId: randomUUID(), startupId: me.startupId }, founder)).status).toBe(403);

    const own = await send<MilestoneResponse>('POST', `/startups/${me.startupId}/milestones`, {
      title: `Launch ${randomUUID()}`,
      category: 'product',
      dueOn: '2026-12-31',
    }, founder);
    expect(own.status).toBe(201);
    const achieved = await send<MilestoneResponse>('PATCH', `/startups/${me.startupId}/milestones/${own.body.id}`, {
      status: 'achieved',
      evidenceUrl: 'https://example.com/launch',
    }, founder);
    expect(achieved.body).toMatchObject({ status: 'achieved' });

    const cohortId = (await send<StartupResponse>('GET', `/startups/${me.startupId}`, undefined, founder)).body.currentEnrollment?.cohortId;
    const board = await send<CohortBoardResponse>('GET', `/cohorts/${cohortId}/board`, undefined);
    const row = board.body.startups.find((s) => s.startupId === me.startupId);
    expect(row?.milestones.achieved).toBeGreaterThanOrEqual(2); // the seeded one and this one
    expect((await send('GET', `/cohorts/${cohortId}/board`, undefined, founder)).status).toBe(403);

    const comment = await send<{ body: string }>('POST', `/startups/${me.startupId}/milestones/${own.body.id}/comments`, { body: 'Well done' });
    expect(comment.status).toBe(201);
    const audit = await (await fetch(`${api}/audit-events?entityType=milestone&entityId=${own.body.id}`, { headers: await signIn(api, 'admin@demo.test') })).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['milestone.created', 'milestone.updated']);
  });

  it('flags overdue milestones', async () => {
    const s = await startup();
    const late = await send<MilestoneResponse>('POST', `/startups/${s.id}/milestones`, { title: 'Old goal', category: 'revenue', dueOn: '2020-01-31' });
    const done = await send<MilestoneResponse>('POST', `/startups/${s.id}/milestones`, { title: 'Old done', category: 'revenue', dueOn: '2020-01-31', status: 'achieved' });
    const future = await send<MilestoneResponse>('POST', `/startups/${s.id}/milestones`, { title: 'Future', category: 'revenue', dueOn: '2099-01-31' });
    expect([late.body.overdue, done.body.overdue, future.body.overdue]).toEqual([true, false, false]);
  });

  it('exports the filtered list as CSV and XLSX', async () => {
    const name = `Export ${randomUUID()}`;
    await startup(name);
    const csv = await fetch(`${api}/startups/export?format=csv&q=${encodeURIComponent(name)}`, { headers: { ...manager, 'Accept-Language': 'en' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^Legal name,Country,SIREN/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(name);
    expect(lines[1]).toContain(',Fintech,');
    // French (the `locale` parameter wins over Accept-Language): BOM, `;`, CRLF, French words.
    const french = await fetch(`${api}/startups/export?format=csv&locale=fr&q=${encodeURIComponent(name)}`, { headers: { ...manager, 'Accept-Language': 'en' } });
    expect(french.status).toBe(200);
    const frenchBytes = Buffer.from(await french.arrayBuffer());
    expect([...frenchBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const frenchLines = frenchBytes.toString('utf8').slice(1).split('\r\n');
    expect(frenchLines[0]).toMatch(/^Raison sociale;Pays;SIREN;Secteur;/);
    expect(frenchLines).toHaveLength(2);
    expect(frenchLines[1]).toMatch(new RegExp(`^${name};FR;\\d{9};Fintech;;MVP;3;;;;non;$`));
    const xlsx = await fetch(`${api}/startups/export?format=xlsx`, { headers: manager });
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await fetch(`${api}/startups/export?format=pdf`, { headers: manager })).status).toBe(400);
  });

  it('answers a page read again from memory, and after a write to a startup, an enrollment or a cohort, from SQL', async () => {
    const cohort = await cohortWithCapacity(5);
    const s = await startup();
    const enrollment = await enroll(cohort.id, s.id);
    const fromSql = jest.spyOn(app.get(StartupService), 'listFromSql');
    const shown = async () => {
      const page = await send<{ items: StartupResponse[] }>('GET', `/startups?cohortId=${cohort.id}`, undefined);
      return page.body.items.map((x) => [x.legalName, x.currentEnrollment?.status, x.currentEnrollment?.cohortName]);
    };
    try {
      expect(await shown()).toEqual([[s.legalName, 'applied', 'Spring']]);
      expect(await shown()).toEqual([[s.legalName, 'applied', 'Spring']]);
      expect(fromSql).toHaveBeenCalledTimes(1);

      expect((await send('PATCH', `/startups/${s.id}`, { legalName: `${s.legalName} SAS` })).status).toBe(200);
      expect(await shown()).toEqual([[`${s.legalName} SAS`, 'applied', 'Spring']]);
      expect((await move(enrollment.id, 'admitted')).status).toBe(201);
      expect(await shown()).toEqual([[`${s.legalName} SAS`, 'admitted', 'Spring']]);
      expect((await send('PATCH', `/cohorts/${cohort.id}`, { name: 'Autumn' })).status).toBe(200);
      expect(await shown()).toEqual([[`${s.legalName} SAS`, 'admitted', 'Autumn']]);
      expect(fromSql).toHaveBeenCalledTimes(4);
    } finally {
      fromSql.mockRestore();
    }
  });

  it('lists 10,000 startups with a filter from an index, without a full scan', async () => {
    const db = app.get(DataSource);
    const [org] = await db.query(`INSERT INTO organisations (slug, name) VALUES ($1, 'Scale test') RETURNING id`, [`scale-${Date.now()}`]);
    await db.query(
      `INSERT INTO startups (organisation_id, legal_name, sector, stage, team_size)
       SELECT $1, 'Startup ' || i, (ARRAY['ai','fintech','greentech','healthtech','retail'])[1 + i % 5], 'mvp', i % 40
       FROM generate_series(1, 10000) AS i`,
      [org.id],
    );
    await db.query('ANALYZE startups');
    const scope = { organisationId: org.id as string, startupId: null };
    const captured: Array<[string, unknown[]]> = [];
    const original = db.query.bind(db);
    const spy = jest.spyOn(db, 'query').mockImplementation((sql: string, params?: object) => {
      const values = (params ?? []) as unknown[];
      captured.push([sql, [...values]]);
      return original(sql, values);
    });
    const page = await app.get(StartupService).listFromSql(scope, { sector: 'greentech', q: 'tartup 12', limit: 20, offset: 0 });
    spy.mockRestore();
    expect(page.total).toBeGreaterThan(0);
    for (const [sql, params] of captured) {
      const [{ 'QUERY PLAN': plan }] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      const text = JSON.stringify(plan);
      expect(text).not.toMatch(/"Node Type":"Seq Scan","Parallel Aware":(true|false),"Async Capable":(true|false),"Relation Name":"startups"/);
      expect(text).toMatch(/Index/);
    }
  });
});
