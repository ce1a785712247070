import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import { ValueType, Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FloorPlanResponse, FloorResponse, InvestorResponse, ReportRunResponse, StartupResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { signIn, startTestApi, startTestWorker } from '../../test/test-app';

type Headers = Record<string, string>;

/** Names a spreadsheet would run as formulas (OWASP CSV injection); tab and CR cannot come through the API. */
const HOSTILE = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-2+3', '@cmd', '\tx', '\rx'];
/** A cell a spreadsheet would evaluate: starts with a trigger and is not a plain decimal number (point or French comma). */
const live = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell);

/** Every export, run with hostile names: no cell may start a formula, and each name is there, quote-prefixed. */
describe('CSV exports with hostile names: formula injection neutralised in every export (real PostgreSQL, Redis)', () => {
  let app: NestExpressApplication;
  let api: string;
  let worker: INestApplicationContext;
  let manager: Headers;
  let founder: Headers;
  let dataSource: DataSource;
  const tag = randomUUID().slice(0, 8);
  const startups: StartupResponse[] = [];
  let investors: InvestorResponse[];

  const send = async <T>(method: string, path: string, body?: unknown, headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };

  /** Downloads a file, with a request id of our own so the test can find its security event. */
  async function download(path: string, requestId = randomUUID()): Promise<{ status: number; content: Buffer; requestId: string }> {
    const response = await fetch(`${api}${path}`, { headers: { ...manager, 'x-request-id': requestId } });
    return { status: response.status, content: Buffer.from(await response.arrayBuffer()), requestId };
  }

  /**
   * Parses a CSV in its dialect (a UTF-8 BOM marks the French one, `;`-separated) and checks the rule on
   * every cell; returns the cells for further checks. The downloads carry no Accept-Language: French.
   */
  function checkCsv(content: Buffer, expected: string[], locale: 'fr' | 'en' | 'either' = 'fr'): string[] {
    const french = content.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    if (locale !== 'either') expect(french).toBe(locale === 'fr');
    const cells = (parse(content.toString('utf8'), { bom: true, delimiter: french ? ';' : ',', relax_column_count: true }) as string[][]).flat();
    expect(cells.filter(live)).toEqual([]);
    for (const name of expected) expect(cells).toContain(`'${name}`);
    return cells;
  }

  beforeAll(async () => {
    ({ app, url: api } = await startTestApi());
    worker = await startTestWorker();
    dataSource = app.get(DataSource);
    const json = { 'Content-Type': 'application/json' };
    manager = { ...(await signIn(api, 'manager@demo.test')), ...json };
    founder = { ...(await signIn(api, 'startup@demo.test')), ...json };
    for (const name of HOSTILE) {
      const typed = name.startsWith('\t') || name.startsWith('\r') ? `Placeholder ${randomUUID()}` : name;
      const created = await send<StartupResponse>('POST', '/startups', { legalName: typed, country: 'FR', siren: freshSiren(), sector: 'greentech', stage: 'mvp', teamSize: 2 });
      expect(created.status).toBe(201);
      // Older data (imports, before the API refused control characters) may hold them: written directly.
      if (typed !== name) await dataSource.query('UPDATE startups SET legal_name = $1 WHERE id = $2', [name, created.body.id]);
      startups.push({ ...created.body, legalName: name });
    }
    // Startup members may add investors: their names reach the managers' exports.
    investors = [];
    for (const name of [`=HYPERLINK("http://x","${tag}")`, `@cmd ${tag}`]) {
      const investor = await send<InvestorResponse>('POST', '/investors', { name, kind: 'business_angel' }, founder);
      expect(investor.status).toBe(201);
      investors.push(investor.body);
    }
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  it('startups', async () => {
    const file = await download('/startups/export?format=csv');
    expect(file.status).toBe(200);
    checkCsv(file.content, HOSTILE);
    const english = await download('/startups/export?format=csv&locale=en');
    expect(english.status).toBe(200);
    checkCsv(english.content, HOSTILE, 'en');
  });

  it('funding rounds: startup, investor and lead names', async () => {
    for (const startup of startups) {
      const round = await send('POST', '/funding-rounds', {
        startupId: startup.id,
        kind: 'seed',
        status: 'closed',
        currency: 'EUR',
        amount: '1000.00',
        closedOn: '2025-05-01',
        investorIds: investors.map((i) => i.id),
        leadInvestorId: investors[0].id,
      });
      expect(round.status).toBe(201);
    }
    const file = await download('/funding-rounds/export?format=csv&closedFrom=2025-05-01&closedTo=2025-05-02');
    expect(file.status).toBe(200);
    const cells = checkCsv(file.content, [...HOSTILE, investors[0].name]);
    expect(cells).toContain(`'${investors[0].name}; ${investors[1].name}`);
  });

  it('KPI reports', async () => {
    for (const startup of startups) expect((await send('POST', '/kpi-reports', { startupId: startup.id, period: '2025-03', values: {}, submit: false })).status).toBe(201);
    const file = await download('/kpi-reports/export?format=csv&from=2025-03-01&to=2025-04-01');
    expect(file.status).toBe(200);
    checkCsv(file.content, HOSTILE);
  });

  describe('space: a building and floor with hostile names, each hostile startup leasing one module in 2026-10', () => {
    const building = `=HYPERLINK("http://x","${tag}")`;
    const floorName = `-2+3 ${tag}`;

    beforeAll(async () => {
      const siteId = (await send<{ sites: Array<{ id: string }> }>('GET', '/organisation')).body.sites[0].id;
      const created = await send<{ id: string }>('POST', '/space/buildings', { siteId, name: building });
      expect(created.status).toBe(201);
      const floor = await send<FloorResponse>('POST', '/space/floors', { buildingId: created.body.id, level: 1, name: floorName, layout: 'MMMMMM' });
      expect(floor.status).toBe(201);
      const plan = (await send<FloorPlanResponse>('GET', `/space/floors/${floor.body.id}/plan?on=2026-10-15`)).body;
      for (const [i, startup] of startups.entries()) {
        const lease = await send('POST', '/leases', { startupId: startup.id, moduleIds: [plan.modules[i].id], startsOn: '2026-10-01', endsOn: '2026-11-01', programKind: 'incubator', monthlyPricePerM2Cents: 1000 });
        expect(lease.status).toBe(201);
      }
    });

    it('occupancy export: building and floor names', async () => {
      const file = await download('/space/occupancy/export?format=csv&on=2026-10-15');
      expect(file.status).toBe(200);
      checkCsv(file.content, [building, floorName]);
    });

    it('rent roll export', async () => {
      const file = await download('/space/rent-roll/export?format=csv&month=2026-10');
      expect(file.status).toBe(200);
      checkCsv(file.content, HOSTILE);
    });

    it('occupancy report files: the rent roll CSV neutralised, the workbook holding text cells only', async () => {
      const requested = await send<ReportRunResponse>('POST', '/report-runs', { kind: 'occupancy', period: '2026-10', regenerate: true });
      expect(requested.status).toBe(202);
      let run = requested.body;
      for (const deadline = Date.now() + 60_000; run.status !== 'completed' && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        run = (await send<ReportRunResponse>('GET', `/report-runs/${run.id}`)).body;
      }
      expect(run.status).toBe('completed');
      for (const file of run.files.filter((f) => f.format === 'csv')) {
        const csv = await download(`/report-runs/${run.id}/files/${file.id}`);
        expect(csv.status).toBe(200);
        checkCsv(csv.content, HOSTILE, 'either');
      }
      const xlsx = run.files.find((f) => f.format === 'xlsx');
      const workbook = new Workbook();
      await workbook.xlsx.load((await download(`/report-runs/${run.id}/files/${xlsx?.id}`)).content as unknown as ArrayBuffer);
      const cells: Array<{ type: ValueType; text: string }> = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push({ type: cell.type, text: cell.text }))));
      expect(cells.filter((c) => c.type === ValueType.Formula)).toEqual([]);
      expect(cells.filter((c) => c.text === building || c.text === '+SUM(1,2)').map((c) => c.type)).toEqual(expect.arrayContaining([ValueType.String, ValueType.String]));
    });
  });

  it('records who downloaded which export, and which report file, as security events', async () => {
    const [{ id: userId, organisation_id: organisationId }] = await dataSource.query(
      `SELECT u.id, m.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = 'manager@demo.test'`,
    );
    const exported = await download('/startups/export?format=xlsx&sector=greentech');
    expect(exported.status).toBe(200);
    const [event] = await dataSource.query(`SELECT * FROM security_events WHERE request_id = $1`, [exported.requestId]);
    expect(event).toMatchObject({ type: 'export.downloaded', user_id: userId, organisation_id: organisationId, ip: expect.any(String) });
    expect(event.detail).toMatchObject({ what: 'startups', filename: expect.stringMatching(/^startups-\d{4}-\d{2}-\d{2}\.xlsx$/), query: { format: 'xlsx', sector: 'greentech' } });
    expect(Date.now() - new Date(event.occurred_at).getTime()).toBeLessThan(60_000);

    const [run] = (await send<ReportRunResponse[]>('GET', '/report-runs?kind=occupancy')).body.filter((r) => r.status === 'completed');
    const file = await download(`/report-runs/${run.id}/files/${run.files[0].id}`);
    expect(file.status).toBe(200);
    const [report] = await dataSource.query(`SELECT * FROM security_events WHERE request_id = $1`, [file.requestId]);
    expect(report).toMatchObject({ type: 'report.downloaded', user_id: userId, organisation_id: organisationId });
    expect(report.detail).toMatchObject({ what: 'report-file', filename: run.files[0].filename, params: { id: run.id, fileId: run.files[0].id } });

    // A refused download is no download: no event.
    const refused = await download('/startups/export?format=pdf');
    expect(refused.status).toBe(400);
    expect(await dataSource.query(`SELECT 1 FROM security_events WHERE request_id = $1`, [refused.requestId])).toEqual([]);
  });
});
