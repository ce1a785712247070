import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { Workbook } from 'exceljs';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { addJob } from '@incubator/api/queues';
import { formatEuros } from '@incubator/api/reports';
import { KpisJob, QueueName, quarterOf, quarterRange, shiftQuarter } from '@incubator/contracts';
import type { ApiErrorResponse, KpiAggregatesResponse, ReportRunResponse, ScheduleResponse } from '@incubator/contracts';
import { freshSiren } from '../../test/fixtures';
import { pdfText } from '../../test/pdf-text';
import { CaughtMail, startSmtpCatcher } from '../../test/smtp-catcher';
import { signIn, startTestApi, startTestWorker } from '../../test/test-app';

type Headers = Record<string, string>;
const ROOT = join(__dirname, '../../../../..');

/** The real worker entry point in its own process (ts-node, no build needed), so a test can SIGKILL it. */
function spawnWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, TS_NODE_PROJECT: 'tools/test/tsconfig.worker-process.json', TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: 'ignore',
  });
}

async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Mail text with quoted-printable soft breaks and escapes undone. */
const plain = (mail: CaughtMail) => mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

describe('report runs, board pack, schedules and KPI reminders (real PostgreSQL, Redis and SMTP)', () => {
  let app: NestExpressApplication;
  let api: string;
  let worker: INestApplicationContext | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let manager: Headers;
  let board: Headers;
  let admin: Headers;
  let dataSource: DataSource;
  let organisationId: string;
  const savedSmtp = process.env['SMTP_URL'];

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    process.env['SMTP_URL'] = smtp.url;
    ({ app, url: api } = await startTestApi());
    const json = { 'Content-Type': 'application/json' };
    manager = { ...(await signIn(api, 'manager@demo.test')), ...json };
    board = { ...(await signIn(api, 'board@demo.test')), ...json };
    admin = { ...(await signIn(api, 'admin@demo.test')), ...json };
    dataSource = app.get(DataSource);
    [{ id: organisationId }] = await dataSource.query(`SELECT id FROM organisations WHERE slug = 'demo'`);
  });

  afterAll(async () => {
    await worker?.close();
    await app.close();
    await smtp.stop();
    process.env['SMTP_URL'] = savedSmtp;
  });

  const send = async <T>(method: string, path: string, body?: unknown, headers: Headers = manager) => {
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as T & ApiErrorResponse };
  };
  const getRun = async (id: string) => (await send<ReportRunResponse>('GET', `/report-runs/${id}`)).body;
  const completed = (id: string, timeoutMs = 60_000) => until(async () => ((r) => r.status === 'completed' && r)(await getRun(id)), timeoutMs, `run ${id} to complete`);
  const download = async (run: ReportRunResponse, format: string, locale: string, headers = board) => {
    const file = run.files.find((f) => f.format === format && f.locale === locale)!;
    const response = await fetch(`${api}/report-runs/${run.id}/files/${file.id}`, { headers });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('completes a run once after its worker is killed mid-run: one set of files, one e-mail per recipient', async () => {
    const child = spawnWorker({ REPORT_STEP_DELAY_MS: '1500', SMTP_URL: smtp.url });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const requested = await send<ReportRunResponse>('POST', '/report-runs', { kind: 'board_pack', period: '2026-Q2' });
      expect(requested.status).toBe(202);
      const id = requested.body.id;
      await until(async () => ((r) => r.status === 'running' && r.progress >= 30)(await getRun(id)), 90_000, 'the child worker to be mid-run');
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const [run] = (await send<ReportRunResponse[]>('GET', '/report-runs?kind=board_pack')).body.filter((r) => r.period === '2026-Q2');
    expect(run).toMatchObject({ status: 'running', files: [] });

    // A fresh worker takes the stalled job over once its lock (3 s in tests) has lapsed.
    worker = await startTestWorker();
    const done = await completed(run.id);
    expect(done.attempts).toBe(2);
    expect(done.files.map((f) => `${f.format}/${f.locale}`).sort()).toEqual(['pdf/en', 'pdf/fr', 'xlsx/en', 'xlsx/fr']);
    const [{ files }] = await dataSource.query('SELECT count(*)::int AS files FROM report_files WHERE run_id = $1', [run.id]);
    expect(files).toBe(4);

    const recipients: Array<{ email: string }> = await dataSource.query(
      `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1 AND m.is_active AND m.role IN ('board', 'admin')`,
      [organisationId],
    );
    const forRun = () => smtp.mails.filter((m) => plain(m).includes('quarter=2026-Q2'));
    await until(async () => forRun().length >= recipients.length, 20_000, 'the report e-mails');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(forRun().flatMap((m) => m.to).sort()).toEqual(recipients.map((r) => r.email).sort());
    const toBoard = forRun().find((m) => m.to.includes('board@demo.test'))!;
    expect(plain(toBoard)).toContain('Board pack 2026-Q2 is ready'); // board@demo.test reads English
  }, 180_000);

  it('gives one run for the same quarter asked twice, and keeps the old files when regenerating', async () => {
    worker ??= await startTestWorker();
    const [a, b] = await Promise.all([1, 2].map(() => send<ReportRunResponse>('POST', '/report-runs', { kind: 'board_pack', period: '2026-Q1' }, board)));
    expect(a.body.id).toBe(b.body.id);
    const first = await completed(a.body.id);
    expect((await send<ReportRunResponse>('POST', '/report-runs', { kind: 'board_pack', period: '2026-Q1' }, board)).body.id).toBe(first.id);
    const again = await send<ReportRunResponse>('POST', '/report-runs', { kind: 'board_pack', period: '2026-Q1', regenerate: true });
    // The worker may already have taken the new run by the time the response is built.
    expect(again.body).toMatchObject({ generation: 2, status: expect.stringMatching(/^(queued|running)$/) });
    expect(again.body.id).not.toBe(first.id);
    await completed(again.body.id);
    expect((await getRun(first.id)).files).toHaveLength(4);
    // Board members get board packs only; occupancy and rent roll are for the park's team.
    expect((await send('POST', '/report-runs', { kind: 'occupancy', period: '2025-06' }, board)).status).toBe(403);
    // Service errors carry their code, in the caller's language.
    const future = await send('POST', '/report-runs', { kind: 'board_pack', period: '2199-Q4' }, { ...manager, 'Accept-Language': 'fr' });
    expect(future).toMatchObject({ status: 400, body: { code: 'report.future_period', message: 'Période future.', fields: { period: ['la période n’a pas commencé'] } } });
    const month = await send('POST', '/report-runs', { kind: 'board_pack', period: '2025-06' }, { ...manager, 'Accept-Language': 'en' });
    expect(month).toMatchObject({ status: 400, body: { code: 'report.period_not_quarter', message: 'Invalid period.', fields: { period: ['must be a quarter YYYY-Qn'] } } });
    const missing = await send('GET', `/report-runs/${randomUUID()}`, undefined, { ...manager, 'Accept-Language': 'fr' });
    expect(missing).toMatchObject({ status: 404, body: { code: 'report.run_not_found', message: 'Rapport introuvable.' } });
  }, 120_000);

  it('fires a schedule through Redis and the worker: the PDF’s text and the XLSX’s figures equal the aggregates API', async () => {
    worker ??= await startTestWorker();
    const quarter = shiftQuarter(quarterOf(new Date().toISOString().slice(0, 10)), 1);
    const schedules = (await send<ScheduleResponse[]>('GET', '/schedules', undefined, admin)).body;
    expect(schedules.map((s) => [s.kind, s.timeZone, s.enabled])).toEqual([
      ['billing_reminders', 'Europe/Paris', true],
      ['board_pack', 'Europe/Paris', true],
      ['kpi_reminders', 'Europe/Paris', true],
      ['occupancy', 'Europe/Paris', true],
      ['waitlist_expiry', 'Europe/Paris', true],
    ]);
    const bad = await send('PATCH', '/schedules/board_pack', { cron: 'every day' }, admin);
    expect(bad.status).toBe(400);
    expect((await send('PATCH', '/schedules/board_pack', { enabled: false }, manager)).status).toBe(403);
    // The API refuses schedules more often than every 5 minutes (and six-field crons): the test writes a
    // 2-second one in the row itself, then any PATCH makes the API resync the worker's job schedulers.
    expect((await send('PATCH', '/schedules/board_pack', { cron: '*/2 * * * * *' }, admin)).status).toBe(400);
    await dataSource.query(`UPDATE report_schedules SET cron = '*/2 * * * * *' WHERE kind = 'board_pack' AND organisation_id = (SELECT id FROM organisations WHERE slug = 'demo')`);
    const every2s = await send<ScheduleResponse>('PATCH', '/schedules/board_pack', { enabled: true }, admin);
    expect(every2s.body).toMatchObject({ cron: '*/2 * * * * *', enabled: true });
    let run: ReportRunResponse;
    try {
      run = await until(async () => (await send<ReportRunResponse[]>('GET', '/report-runs?kind=board_pack')).body.find((r) => r.period === quarter && r.trigger === 'schedule'), 30_000, 'the scheduled run');
    } finally {
      await send('PATCH', '/schedules/board_pack', { cron: '0 7 5 1,4,7,10 *' }, admin);
    }
    run = await completed(run.id);
    expect(run.generation).toBe(1);

    const range = quarterRange(quarter)!;
    const figures = (await send<KpiAggregatesResponse>('GET', `/kpi-aggregates?from=${range.from}&to=${range.to}`, undefined, board)).body;
    const pdf = await download(run, 'pdf', 'en');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Board pack');
    expect(text).toContain('Demo');
    expect(text).toMatch(new RegExp(`Active startups\\s+${figures.activeStartups}\\b`));
    expect(text).toMatch(new RegExp(`Funds raised\\s+${formatEuros(figures.fundsRaisedEur, 'en').replace(/[.,]/g, '\\$&')}`));
    expect(text).toMatch(/Page 2 \/ \d+/);
    expect(text).toContain('Method');
    const french = await pdfText(await download(run, 'pdf', 'fr'));
    expect(french).toContain('Rapport au conseil');
    expect(french).toMatch(new RegExp(`Startups actives\\s+${figures.activeStartups}\\b`));

    const workbook = new Workbook();
    await workbook.xlsx.load((await download(run, 'xlsx', 'en')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Headline', 'Trends', 'Sites', 'Programs', 'Sectors', 'Rounds', 'Targets', 'Space', 'Long term', 'Survival', 'Conversion', 'Method']);
    const headline = new Map<string, unknown>();
    workbook.getWorksheet('Headline')!.eachRow((row) => headline.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(headline.get('Active startups')).toBe(figures.activeStartups);
    expect(headline.get('Jobs created') ?? null).toBe(figures.jobsCreated === null ? '' : Number(figures.jobsCreated));
  }, 120_000);

  it('reminds each member of a late startup by e-mail in their language, and only once', async () => {
    worker ??= await startTestWorker();
    const siteId = (await send<{ sites: Array<{ id: string }> }>('GET', '/organisation')).body.sites[0].id;
    const program = await send<{ id: string }>('POST', '/programs', { siteId, kind: 'incubator', name: `Reminders ${randomUUID()}` });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const cohort = await send<{ id: string }>('POST', '/cohorts', { programId: program.body.id, name: 'Now', startsOn: day(-150), endsOn: day(90), capacity: 5 });
    const legalName = `Late ${randomUUID().slice(0, 8)}`;
    const startup = await send<{ id: string }>('POST', '/startups', { legalName, country: 'FR', siren: freshSiren(), sector: 'ai', stage: 'mvp', teamSize: 2 });
    const enrollment = await send<{ id: string }>('POST', '/enrollments', { cohortId: cohort.body.id, startupId: startup.body.id });
    await send('POST', `/enrollments/${enrollment.body.id}/transitions`, { status: 'admitted' });
    const members = { fr: `fr-${randomUUID()}@late.test`, en: `en-${randomUUID()}@late.test` };
    for (const [locale, email] of Object.entries(members)) {
      const [user] = await dataSource.query(`INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, 'Member', 'x', $2) RETURNING id`, [email, locale]);
      await dataSource.query(`INSERT INTO memberships (user_id, organisation_id, role, startup_id) VALUES ($1, $2, 'startup', $3)`, [user.id, organisationId, startup.body.id]);
    }
    // What the organisation's kpi_reminders schedule enqueues when it fires (kpis' own job and queue).
    const queue = app.get<Queue>(getQueueToken(QueueName.Kpis));
    const fire = () => addJob(queue, KpisJob.SendReminders, { organisationId });
    await fire();
    const to = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
    await until(async () => to(members.fr).length > 0 && to(members.en).length > 0, 20_000, 'the reminders');
    expect(plain(to(members.fr)[0])).toMatch(/Rapport KPI .* de .*Late/s);
    expect(plain(to(members.en)[0])).toContain(`The KPI report of ${legalName}`);
    const counts = [to(members.fr).length, to(members.en).length];
    await fire();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect([to(members.fr).length, to(members.en).length]).toEqual(counts);
  }, 60_000);
});
