import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type {
  ApiErrorResponse,
  AuthUser,
  FundingRoundResponse,
  KpiAggregatesResponse,
  KpiImportResult,
  KpiReportResponse,
  LateKpiReport,
  PageResponse,
  StartupResponse,
} from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi } from '../../test/test-app';

type Headers = Record<string, string>;

describe('funding rounds, KPI reports and aggregates (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let api: string;
  let manager: Headers;
  let founder: Headers;
  let board: Headers;
  let otherManager: Headers;
  let founderStartupId: string;
  let siteId: string;

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    const json = { 'Content-Type': 'application/json' };
    manager = { ...(await signIn(api, 'manager@demo.test')), ...json };
    founder = { ...(await signIn(api, 'startup@demo.test')), ...json };
    board = { ...(await signIn(api, 'board@demo.test')), ...json };
    otherManager = { ...(await signIn(api, 'manager@other.test')), ...json };
    founderStartupId = ((await (await fetch(`${api}/auth/me`, { headers: founder })).json()) as AuthUser).startupId as string;
    siteId = (await (await fetch(`${api}/organisation`, { headers: manager })).json()).sites[0].id;
  });

  afterAll(() => app.close());

  const send = async <T>(method: string, path: string, body?: unknown, headers: Headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T & ApiErrorResponse };
  };

  /** A fresh program with a 2025 cohort [2025-01-01, 2026-01-01) and `count` admitted startups: an isolated aggregation scope. */
  async function scope(count: number): Promise<{ programId: string; startups: StartupResponse[] }> {
    const program = await send<{ id: string }>('POST', '/programs', { siteId, kind: 'incubator', name: `KPI ${randomUUID()}` });
    const cohort = await send<{ id: string }>('POST', '/cohorts', { programId: program.body.id, name: 'Promo 2025', startsOn: '2025-01-01', endsOn: '2026-01-01', capacity: 20 });
    const startups: StartupResponse[] = [];
    for (let i = 0; i < count; i++) {
      const s = await send<StartupResponse>('POST', '/startups', { legalName: `Kpi ${randomUUID()}`, country: 'FR', siren: freshSiren(), sector: 'greentech', stage: 'mvp', teamSize: 2 });
      const enrollment = await send<{ id: string }>('POST', '/enrollments', { cohortId: cohort.body.id, startupId: s.body.id });
      expect((await send('POST', `/enrollments/${enrollment.body.id}/transitions`, { status: 'admitted' })).status).toBe(201);
      startups.push(s.body);
    }
    return { programId: program.body.id, startups };
  }

  const round = (startupId: string, fields: Record<string, unknown>, headers = manager) =>
    send<FundingRoundResponse>('POST', '/funding-rounds', { startupId, kind: 'seed', status: 'closed', ...fields }, headers);
  const aggregates = (programId: string, headers = manager, range = 'from=2025-01-01&to=2026-01-01') =>
    send<KpiAggregatesResponse>('GET', `/kpi-aggregates?${range}&programId=${programId}`, undefined, headers);
  const report = (startupId: string, period: string, values: Record<string, unknown>, submit = false, headers = manager) =>
    send<KpiReportResponse>('POST', '/kpi-reports', { startupId, period, values, submit }, headers);
  const validated = async (startupId: string, period: string, values: Record<string, unknown>) => {
    const created = await report(startupId, period, values, true);
    expect(created.status).toBe(201);
    expect((await send('POST', `/kpi-reports/${created.body.id}/validate`)).status).toBe(200);
  };

  it('sums funds raised exactly across currencies, from closed rounds closed inside the range only', async () => {
    const { programId, startups } = await scope(3);
    const [a, b, c] = startups.map((s) => s.id);
    expect((await round(a, { currency: 'USD', amount: '1000.00', eurRate: '0.92345678', closedOn: '2025-03-10' })).body.amountEur).toBe('923.46');
    expect((await round(a, { currency: 'GBP', amount: '0.05', eurRate: '1.1', closedOn: '2025-04-01' })).body.amountEur).toBe('0.06');
    const yen = await round(b, { currency: 'JPY', amount: '1000000', eurRate: '0.0061', closedOn: '2025-06-30', kind: 'series_a' });
    expect(yen.body).toMatchObject({ amount: '1000000', amountEur: '6100.00', amountEurCents: 610000 });
    await round(c, { currency: 'EUR', amount: '0.10', closedOn: '2025-12-31' });
    await round(c, { currency: 'EUR', amount: '0.20', closedOn: '2025-01-01' });
    // Not counted: planned, cancelled, closed on the exclusive end, closed before the range.
    await round(c, { currency: 'EUR', amount: '500000', status: 'planned' });
    await round(c, { currency: 'EUR', amount: '500000', status: 'cancelled' });
    await round(c, { currency: 'EUR', amount: '999', closedOn: '2026-01-01' });
    await round(c, { currency: 'EUR', amount: '999', closedOn: '2024-12-31' });

    const figures = (await aggregates(programId)).body;
    // 923.46 + 0.06 + 6100.00 + 0.10 + 0.20: a float sum of the same euros would not end in .82 exactly.
    expect(figures.fundsRaisedEur).toBe('7023.82');
    expect(figures.roundsByKind).toEqual([
      { kind: 'seed', rounds: 4, amountEur: '923.82' },
      { kind: 'series_a', rounds: 1, amountEur: '6100.00' },
    ]);
    expect(figures.activeStartups).toBe(3);
  });

  it('refuses bad rounds with field messages in the caller’s language and writes nothing', async () => {
    const { startups } = await scope(1);
    const id = startups[0].id;
    const unknownCurrency = await round(id, { currency: 'XYZ', amount: '100', closedOn: '2025-02-01' });
    expect(unknownCurrency.status).toBe(400);
    expect(unknownCurrency.body.fields?.['currency']).toBeDefined();
    expect((await round(id, { currency: 'EUR', amount: '-100', closedOn: '2025-02-01' })).body.fields?.['amount']).toBeDefined();
    expect((await round(id, { currency: 'EUR', amount: '10.001', closedOn: '2025-02-01' })).status).toBe(400);
    expect((await round(id, { currency: 'JPY', amount: '10.5', eurRate: '0.006', closedOn: '2025-02-01' })).body.fields?.['amount']).toBeDefined();
    const noRate = await round(id, { currency: 'USD', amount: '100', closedOn: '2025-02-01' });
    expect(noRate.body.fields?.['eurRate']?.[0]).toContain('taux');
    const future = await round(id, { currency: 'EUR', amount: '100', closedOn: '2199-01-01' }, { ...manager, 'Accept-Language': 'en' });
    expect(future.status).toBe(400);
    expect(future.body.fields?.['closedOn']).toEqual(['the closing date cannot be in the future']);
    expect((await round(id, { currency: 'EUR', amount: '100', closedOn: undefined })).body.fields?.['closedOn']).toBeDefined();
    expect((await round(id, { currency: 'EUR', amount: '100', closedOn: '2025-02-01', investorIds: [randomUUID()] })).body.fields?.['investorIds']).toBeDefined();
    const listed = await send<PageResponse<FundingRoundResponse>>('GET', `/funding-rounds?startupId=${id}`);
    expect(listed.body.total).toBe(0);
  });

  it('keeps valuations from board members and rounds of other startups from a founder', async () => {
    const { startups } = await scope(1);
    const investor = await send<{ id: string }>('POST', '/investors', { name: `Fund ${randomUUID()}`, kind: 'fund' });
    const created = await round(startups[0].id, { currency: 'EUR', amount: '2000000', closedOn: '2025-05-05', leadInvestorId: investor.body.id, preMoneyValuation: '8000000' });
    expect(created.body).toMatchObject({ preMoneyValuation: '8000000.00', leadInvestorId: investor.body.id, investors: [expect.objectContaining({ id: investor.body.id })] });
    // Board members see single rounds only where the organisation publishes them, and never a valuation.
    expect((await send('GET', `/funding-rounds/${created.body.id}`, undefined, board)).status).toBe(404);
    const dataSource = app.get(DataSource);
    await dataSource.query(`UPDATE organisations SET board_sees_rounds = true WHERE slug = 'demo'`);
    try {
      const seenByBoard = await send<FundingRoundResponse>('GET', `/funding-rounds/${created.body.id}`, undefined, board);
      expect(seenByBoard.body).toMatchObject({ preMoneyValuation: null, valuationHidden: true, amount: '2000000.00' });
    } finally {
      await dataSource.query(`UPDATE organisations SET board_sees_rounds = false WHERE slug = 'demo'`);
    }
    expect((await send('GET', `/funding-rounds/${created.body.id}`, undefined, founder)).status).toBe(404);
    expect((await send('GET', `/funding-rounds/${created.body.id}`, undefined, otherManager)).status).toBe(404);
    expect((await send('PATCH', `/funding-rounds/${created.body.id}`, { amount: '1' }, founder)).status).toBe(404);
    expect((await round(startups[0].id, { currency: 'EUR', amount: '5', closedOn: '2025-05-05' }, founder)).status).toBe(404);
    const founderList = await send<PageResponse<FundingRoundResponse>>('GET', '/funding-rounds?limit=100', undefined, founder);
    expect(founderList.body.items.every((r) => r.startupId === founderStartupId)).toBe(true);
  });

  it('checks KPI values against the definitions’ bounds and writes nothing when one is bad', async () => {
    const { startups } = await scope(1);
    const id = startups[0].id;
    const negative = await report(id, '2025-02', { headcount: -1, jobs_created: 0, revenue: '100' });
    expect(negative.status).toBe(400);
    expect(negative.body).toMatchObject({ code: 'kpi.invalid_values', message: 'Le rapport contient des valeurs invalides.', fields: { 'values.headcount': ['doit être au moins 0'] } });
    expect((await report(id, '2025-02', { headcount: 10_000 })).body.fields?.['values.headcount']).toBeDefined();
    expect((await report(id, '2025-02', { revenue: '12.345' })).body.fields?.['values.revenue']).toBeDefined();
    expect((await report(id, '2025-02', { burn_rate: 1 })).body.fields?.['values.burn_rate']).toBeDefined();
    const incomplete = await report(id, '2025-02', { headcount: 3 }, true);
    expect(Object.keys(incomplete.body.fields ?? {}).sort()).toEqual(['values.jobs_created', 'values.revenue']);
    expect((await report(id, '2999-01', { headcount: 3 })).body.fields?.['period']).toBeDefined();
    const future = await report(id, '2199-01', { headcount: 3 }, false, { ...manager, 'Accept-Language': 'en' });
    expect(future).toMatchObject({ status: 400, body: { code: 'kpi.future_period', message: 'A future period cannot be reported.', fields: { period: ['period is in the future'] } } });
    expect((await send('POST', '/kpi-reports', { startupId: id, period: '2025-13', values: {} })).status).toBe(400);
    expect((await send<PageResponse<KpiReportResponse>>('GET', `/kpi-reports?startupId=${id}`)).body.total).toBe(0);
  });

  it('allows one report per startup and period, even under concurrent creation', async () => {
    const { startups } = await scope(1);
    const attempts = await Promise.all(Array.from({ length: 5 }, () => report(startups[0].id, '2025-03', { headcount: 2 })));
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(attempts.find((a) => a.status === 409)?.body).toMatchObject({ code: 'kpi.report_exists', fields: { period: ['période déjà déclarée'] } });
    // The quarter starting the same day is a different period.
    expect((await report(startups[0].id, '2025-Q1', {})).status).toBe(201);
  });

  it('derives a period’s funds raised from the closed rounds, never from what is typed', async () => {
    const { startups } = await scope(1);
    const id = startups[0].id;
    await round(id, { currency: 'EUR', amount: '150000.50', closedOn: '2025-04-15' });
    await round(id, { currency: 'USD', amount: '10000', eurRate: '0.9', closedOn: '2025-04-30' });
    await round(id, { currency: 'EUR', amount: '7', closedOn: '2025-05-01' });
    const april = await report(id, '2025-04', { headcount: 4 });
    expect(april.body.fundsRaisedEur).toBe('159000.50');
    expect((await report(id, '2025-Q2', {})).body.fundsRaisedEur).toBe('159007.50');
    expect((await report(id, '2025-05', { funds_raised: 1 })).body.fields?.['values.funds_raised']).toBeDefined();
  });

  it('runs draft → submitted → returned → submitted → validated, and audits a correction after validation', async () => {
    const period = `2024-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const draft = await report(founderStartupId, period, { headcount: 5 }, false, founder);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', values: { headcount: '5' } });
    const submitted = await send<KpiReportResponse>('PATCH', `/kpi-reports/${draft.body.id}`, { values: { jobs_created: 1, revenue: '1000.5' }, submit: true }, founder);
    expect(submitted.body).toMatchObject({ status: 'submitted', values: { headcount: '5', jobs_created: '1', revenue: '1000.5' } });
    expect(await send('PATCH', `/kpi-reports/${draft.body.id}`, { values: { headcount: 6 } }, founder)).toMatchObject({ status: 409, body: { code: 'kpi.report_submitted' } });
    expect((await send('POST', `/kpi-reports/${draft.body.id}/validate`, undefined, founder)).status).toBe(403);

    const returned = await send<KpiReportResponse>('POST', `/kpi-reports/${draft.body.id}/return`, { comment: 'Revenue looks monthly ×12' });
    expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Revenue looks monthly ×12' });
    expect(await send('POST', `/kpi-reports/${draft.body.id}/validate`)).toMatchObject({
      status: 409,
      body: { code: 'kpi.validate_not_submitted', message: 'Seul un rapport soumis peut être validé (statut actuel : returned).', details: { status: 'returned' } },
    });
    await send('PATCH', `/kpi-reports/${draft.body.id}`, { values: { revenue: '83.38' }, submit: true }, founder);
    const done = await send<KpiReportResponse>('POST', `/kpi-reports/${draft.body.id}/validate`);
    expect(done.body.status).toBe('validated');

    const corrected = await send<KpiReportResponse>('PATCH', `/kpi-reports/${draft.body.id}`, { values: { headcount: 4.5 } });
    expect(corrected.body).toMatchObject({ status: 'validated', values: { headcount: '4.5' } });
    const dataSource = app.get(DataSource);
    const [audit] = await dataSource.query(`SELECT before, after FROM audit_events WHERE entity_id = $1 AND action = 'kpi_report.corrected'`, [draft.body.id]);
    expect(audit.before.values.headcount).toBe('5');
    expect(audit.after.values.headcount).toBe('4.5');
    expect(audit.after.status).toBe('validated');
  });

  it('aggregates validated reports only and suppresses small groups for board members', async () => {
    const { programId, startups } = await scope(3);
    const [a, b, c] = startups.map((s) => s.id);
    await validated(a, '2025-01', { headcount: 3, jobs_created: 1, revenue: '1000.10' });
    await validated(a, '2025-02', { headcount: 4, jobs_created: 1, revenue: '1000.20' });
    await validated(b, '2025-02', { headcount: 10, jobs_created: 2, revenue: '0.30' });
    await report(c, '2025-02', { headcount: 99, jobs_created: 9, revenue: '9' }, true); // submitted, not validated

    const managerView = (await aggregates(programId)).body;
    // headcount: latest per startup (4 + 10); jobs and revenue: sums.
    expect(managerView).toMatchObject({ headcount: '14', jobsCreated: '4', revenueEur: '2000.6', suppressed: false });
    const boardView = (await aggregates(programId, board)).body;
    expect(boardView).toMatchObject({ headcount: null, jobsCreated: null, revenueEur: null, suppressed: true, activeStartups: 3 });
    expect((await send('GET', `/kpi-reports?startupId=${a}`, undefined, board)).status).toBe(403);

    await validated(c, '2025-03', { headcount: 1, jobs_created: 0, revenue: '1' });
    const withThree = (await aggregates(programId, board)).body;
    expect(withThree).toMatchObject({ headcount: '15', jobsCreated: '4', revenueEur: '2001.6' });
    // Completion: 12 months × 3 startups expected; 5 submitted or validated.
    expect(withThree.reportCompletion).toEqual({ expected: 36, completed: 5, rate: 13.9 });

    // Board members: whole quarters or years of one partition only.
    const halfYear = await aggregates(programId, { ...board, 'Accept-Language': 'en' }, 'from=2025-01-01&to=2025-07-01');
    expect(halfYear).toMatchObject({ status: 400, body: { code: 'kpi.board_not_allowed', message: 'Not available to board members.' } });
    expect(Object.keys(halfYear.body.fields ?? {})).toEqual(['to']);

    const otherOrg = (await aggregates(programId, otherManager)).body;
    expect(otherOrg).toMatchObject({ startups: 0, headcount: '0', fundsRaisedEur: '0.00' });
  });

  it('lists who is late for a period until they submit', async () => {
    const { startups } = await scope(2);
    const [a, b] = startups.map((s) => s.id);
    await report(b, '2025-06', { headcount: 1 });
    const late = (await send<LateKpiReport[]>('GET', '/kpi-reports/late?period=2025-06')).body.filter((l) => l.startupId === a || l.startupId === b);
    expect(late.map((l) => [l.startupId, l.status, l.dueOn])).toEqual(
      expect.arrayContaining([
        [a, null, '2025-07-16'],
        [b, 'draft', '2025-07-16'],
      ]),
    );
    await report(a, '2025-06', { headcount: 1, jobs_created: 0, revenue: '0' }, true);
    const after = (await send<LateKpiReport[]>('GET', '/kpi-reports/late?period=2025-06')).body;
    expect(after.some((l) => l.startupId === a)).toBe(false);
    expect((await send('GET', '/kpi-reports/late?period=2025-6')).status).toBe(400);
    const missing = await send('GET', `/kpi-reports/${randomUUID()}`);
    expect(missing).toMatchObject({ status: 404, body: { code: 'kpi.report_not_found', message: 'Rapport d’indicateurs introuvable.' } });
  });

  describe('CSV import', () => {
    const post = async (csv: string | Buffer, dryRun: boolean, headers: Headers = manager) => {
      const response = await fetch(`${api}/kpi-reports/import?dryRun=${dryRun}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'text/csv' }, body: typeof csv === 'string' ? csv : new Uint8Array(csv) });
      return { status: response.status, body: (await response.json()) as KpiImportResult & ApiErrorResponse };
    };

    it('reports every bad line on a dry run and writes nothing unless every line is good', async () => {
      const { startups } = await scope(2);
      const [a, b] = startups;
      const csv = [
        'startup,period,headcount,jobs_created,revenue',
        `${a.siren},2024-01,3,1,1200.00`,
        `${a.siren},2024-02,-1,1,1200.00`,
        `${b.id},2999-01,3,1,1`,
        `999999999,2024-01,3,1,1`,
        `${b.siren},2024-01,3,1`,
        `${a.siren},2024-01,4,1,1300.00`,
        `"${b.legalName}",2024-03,3,"1,505",10`, // a decimal comma is read (1.505), and three decimals are too many
      ].join('\n');
      const dry = await post(csv, true);
      expect(dry.status).toBe(200);
      expect(dry.body.errors.map((e) => [e.line, e.column])).toEqual([
        [3, 'headcount'],
        [4, 'period'],
        [5, 'startup'],
        [6, 'revenue'],
        [7, 'period'],
        [8, 'jobs_created'],
      ]);
      expect(dry.body).toMatchObject({ lines: 7, imported: 0 });
      const real = await post(csv, false);
      expect(real.status).toBe(422);
      expect(real.body).toMatchObject({ code: 'kpi.import_refused', message: 'Import refusé : aucune ligne écrite.', lines: 7, imported: 0 });
      expect(real.body.errors).toHaveLength(6);
      const listed = await send<PageResponse<KpiReportResponse>>('GET', `/kpi-reports?startupId=${a.id}`);
      expect(listed.body.total).toBe(0);

      const good = ['startup,period,headcount,jobs_created,revenue,customers', `${a.siren},2024-01,3,1,1200.00,`, `${b.id},2024-01,2,0,10.5,7`].join('\r\n');
      expect((await post(good, true)).body).toMatchObject({ lines: 2, imported: 0, errors: [] });
      const imported = await post(good, false);
      expect(imported.body).toMatchObject({ lines: 2, imported: 2, errors: [] });
      const stored = (await send<PageResponse<KpiReportResponse>>('GET', `/kpi-reports?startupId=${b.id}`)).body.items[0];
      expect(stored).toMatchObject({ period: '2024-01', status: 'validated', values: { headcount: '2', jobs_created: '0', revenue: '10.5', customers: '7' } });
      // Importing the same file again: every line now collides with an existing report.
      expect((await post(good, false)).body.errors.map((e) => e.line)).toEqual([2, 3]);
    });

    it('reads French files (BOM, `;`, decimal commas, CRLF) and exports in the reader’s dialect, which imports back', async () => {
      const [a] = (await scope(1)).startups;
      const french = `\uFEFFstartup;period;headcount;jobs_created;revenue\r\n${a.siren};2022-11;3;1;1200,50\r\n`;
      expect((await post(french, true)).body).toMatchObject({ lines: 1, imported: 0, errors: [] });
      expect((await post(french, false)).body).toMatchObject({ lines: 1, imported: 1, errors: [] });
      const stored = (await send<PageResponse<KpiReportResponse>>('GET', `/kpi-reports?startupId=${a.id}`)).body.items[0];
      expect(stored).toMatchObject({ period: '2022-11', status: 'validated', values: { headcount: '3', jobs_created: '1' } });
      expect(Number(stored.values['revenue'])).toBe(1200.5);

      const download = async (query: string) => Buffer.from(await (await fetch(`${api}/kpi-reports/export?format=csv&from=2022-11-01&to=2022-12-01${query}`, { headers: manager })).arrayBuffer());
      const frenchExport = await download(''); // no Accept-Language: French
      expect([...frenchExport.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...lines] = frenchExport.toString('utf8').slice(1).split('\r\n');
      expect(header).toMatch(/^startup;period;legal_name;status;/);
      const mine = lines.find((l) => l.startsWith(`${a.siren};`));
      expect(mine).toMatch(/^\d{9};2022-11;Kpi [^;]+;Validé;/);
      expect(mine).toMatch(/;1200,50?(;|$)/);
      const english = (await download('&locale=en')).toString('utf8');
      expect(english.split('\n').find((l) => l.startsWith(`${a.siren},`))).toMatch(/^\d{9},2022-11,Kpi [^,]+,Validated,.*,1200\.50?(,|$)/);
      // The French export imports back: its only complaint is the report that already exists.
      const again = await post(`\uFEFF${header}\r\n${mine}`, true);
      expect(again.body.errors).toEqual([expect.objectContaining({ line: 2, column: 'period', message: 'un rapport existe déjà pour cette startup et cette période' })]);
    });

    it('refuses unreadable files, unknown columns, oversized bodies and non-managers', async () => {
      expect((await post('startup,period,headcount\n"unterminated,2024-01,3', false)).status).toBe(422);
      const unknownColumn = await post('startup,period,mood\n732829320,2024-01,3', true);
      expect(unknownColumn.body.errors[0]).toMatchObject({ line: 1, column: 'mood' });
      const huge = Buffer.alloc(10 * 1024 * 1024, 'a');
      const tooLarge = await post(huge, false);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.message).toContain('2mb');
      expect((await post('startup,period\n', false, founder)).status).toBe(403);
      const json = await fetch(`${api}/kpi-reports/import`, { method: 'POST', headers: manager, body: JSON.stringify({ csv: 'x' }) });
      expect(json.status).toBe(415);
      expect(await json.json()).toMatchObject({ code: 'kpi.csv_required', message: 'Envoyez le fichier en text/csv.' }); // no Accept-Language: French
    });
  });
});
