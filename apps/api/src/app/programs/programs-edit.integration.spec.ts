import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { ApiErrorResponse, CohortResponse, EnrollmentResponse, ProgramResponse, StartupResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi } from '../../test/test-app';

describe('programs and cohorts: edit and archive (real PostgreSQL)', () => {
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

  const send = async <T>(method: string, path: string, body?: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };
  const program = async (name = `Incub ${randomUUID()}`) => (await send<ProgramResponse>('POST', '/programs', { siteId, kind: 'incubator', name, description: 'Six mois' })).body;
  const cohort = async (programId: string, capacity = 5) =>
    (await send<CohortResponse>('POST', '/cohorts', { programId, name: 'Automne', startsOn: '2027-09-01', endsOn: '2028-03-01', capacity })).body;
  const startup = async () =>
    (await send<StartupResponse>('POST', '/startups', { legalName: `S ${randomUUID()}`, country: 'FR', siren: freshSiren(), sector: 'ai', stage: 'idea', teamSize: 2 })).body;
  const auditActions = async (entityType: string, entityId: string) => {
    const audit = await (await fetch(`${api}/audit-events?entityType=${entityType}&entityId=${entityId}`, { headers: await signIn(api, 'admin@demo.test') })).json();
    return audit.items.map((e: { action: string }) => e.action).sort();
  };

  it('renames a program, clears its description, and refuses a name already used on the site', async () => {
    const taken = await program();
    const p = await program();
    const renamed = await send<ProgramResponse>('PATCH', `/programs/${p.id}`, { name: `${p.name} bis`, description: null });
    expect(renamed).toMatchObject({ status: 200, body: { id: p.id, name: `${p.name} bis`, description: null, kind: 'incubator', archivedAt: null } });
    const clash = await send<ApiErrorResponse>('PATCH', `/programs/${p.id}`, { name: taken.name.toUpperCase() });
    expect(clash).toMatchObject({ status: 409, body: { code: 'program.name_taken' } });
    expect((await send('PATCH', `/programs/${p.id}`, { name: '' })).status).toBe(400);
    expect((await send('PATCH', `/programs/${p.id}`, { name: null })).status).toBe(400);
    expect((await send('PATCH', `/programs/${randomUUID()}`, { name: 'Nope' })).status).toBe(404);
    expect(await auditActions('program', p.id)).toEqual(['program.created', 'program.updated']);
  });

  it('edits a cohort (name, dates, capacity) but never below the seats taken', async () => {
    const p = await program();
    const c = await cohort(p.id, 3);
    const s = await startup();
    const enrollment = (await send<EnrollmentResponse>('POST', '/enrollments', { cohortId: c.id, startupId: s.id })).body;
    await send('POST', `/enrollments/${enrollment.id}/transitions`, { status: 'admitted' });
    const edited = await send<CohortResponse>('PATCH', `/cohorts/${c.id}`, { name: 'Automne 2027', startsOn: '2027-10-01', endsOn: '2028-04-01', capacity: 1 });
    expect(edited).toMatchObject({ status: 200, body: { name: 'Automne 2027', startsOn: '2027-10-01', endsOn: '2028-04-01', capacity: 1, seated: 1 } });
    const second = (await send<EnrollmentResponse>('POST', '/enrollments', { cohortId: c.id, startupId: (await startup()).id })).body;
    expect((await send('POST', `/enrollments/${second.id}/transitions`, { status: 'admitted' })).status).toBe(409);
    const raised = await send<CohortResponse>('PATCH', `/cohorts/${c.id}`, { capacity: 2 });
    expect(raised.body.capacity).toBe(2);
  });

  it('archives a program and a cohort: they leave the lists, history stays, and they can be restored', async () => {
    const p = await program();
    const kept = await cohort(p.id);
    const c = (await send<CohortResponse>('POST', '/cohorts', { programId: p.id, name: 'Printemps', startsOn: '2027-03-01', endsOn: '2027-09-01', capacity: 4 })).body;
    const s = await startup();
    const enrollment = (await send<EnrollmentResponse>('POST', '/enrollments', { cohortId: c.id, startupId: s.id })).body;

    const archivedCohort = await send<CohortResponse>('POST', `/cohorts/${c.id}/archive`);
    expect(archivedCohort.status).toBe(201);
    expect(archivedCohort.body.archivedAt).toEqual(expect.any(String));
    const listed = (await send<CohortResponse[]>('GET', `/cohorts?programId=${p.id}`)).body.map((x) => x.id);
    expect(listed).toEqual([kept.id]);
    const all = (await send<CohortResponse[]>('GET', `/cohorts?programId=${p.id}&includeArchived=true`)).body.map((x) => x.id);
    expect(all.sort()).toEqual([kept.id, c.id].sort());
    expect((await send<ProgramResponse[]>('GET', '/programs')).body.find((x) => x.id === p.id)?.cohortCount).toBe(1);
    // History kept: the enrollment is still there; an archived cohort takes no new application.
    expect((await send<EnrollmentResponse[]>('GET', `/enrollments?cohortId=${c.id}`)).body.map((e) => e.id)).toEqual([enrollment.id]);
    const late = await send<ApiErrorResponse>('POST', '/enrollments', { cohortId: c.id, startupId: (await startup()).id }, { ...manager, 'Accept-Language': 'en' });
    expect(late).toMatchObject({ status: 409, body: { code: 'program.cohort_archived', message: 'This cohort is archived: restore it first.' } });

    expect((await send<ProgramResponse>('POST', `/programs/${p.id}/archive`)).body.archivedAt).toEqual(expect.any(String));
    expect((await send<ProgramResponse[]>('GET', '/programs')).body.map((x) => x.id)).not.toContain(p.id);
    expect((await send<ProgramResponse[]>('GET', '/programs?includeArchived=true')).body.map((x) => x.id)).toContain(p.id);
    expect((await send<CohortResponse[]>('GET', '/cohorts')).body.map((x) => x.id)).not.toContain(kept.id);
    const newCohort = await send<ApiErrorResponse>('POST', '/cohorts', { programId: p.id, name: 'Hiver', startsOn: '2028-01-01', endsOn: '2028-06-01', capacity: 2 });
    expect(newCohort).toMatchObject({ status: 409, body: { code: 'program.archived', message: 'Ce programme est archivé : restaurez-le d’abord.' } });
    expect((await send('GET', '/programs?includeArchived=maybe')).status).toBe(400);

    expect((await send<ProgramResponse>('POST', `/programs/${p.id}/restore`)).body.archivedAt).toBeNull();
    expect((await send<CohortResponse>('POST', `/cohorts/${c.id}/restore`)).body.archivedAt).toBeNull();
    expect((await send<CohortResponse[]>('GET', `/cohorts?programId=${p.id}`)).body).toHaveLength(2);
    expect((await send('POST', `/cohorts/${randomUUID()}/archive`)).status).toBe(404);
    expect(await auditActions('program', p.id)).toEqual(['program.archived', 'program.created', 'program.restored']);
    expect(await auditActions('cohort', c.id)).toEqual(['cohort.archived', 'cohort.created', 'cohort.restored']);
  });
});
