import type { DataSource } from 'typeorm';
import type { CaughtMail } from './smtp';
import type { LoadClient } from './load';
import type { Workload } from './workload';

/** Mail text with quoted-printable soft breaks and escapes undone. */
const plain = (mail: CaughtMail) => mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const subjectOf = (mail: CaughtMail) => /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(mail.raw)?.[1].replace(/\r?\n[ \t]/g, ' ') ?? '';

/**
 * After the load: every accepted request's effect is in the database exactly once (and a request that got no
 * answer at most once); every queued job ran once — one set of report files per run, one e-mail per recipient,
 * billing runs issued with gapless, unique invoice numbers and one e-mail per invoice and recipient.
 * Returns the failures (empty when all holds) and prints the job counts.
 */
export async function checkEffects(input: { db: DataSource; client: LoadClient; load: Workload; mails: CaughtMail[]; say: (line: string) => void }): Promise<string[]> {
  const { db, client, load, mails, say } = input;
  const failures: string[] = [];
  const outcomes = (kind: string) => client.outcomes.filter((o) => o.kind === kind);

  for (const refused of client.outcomes.filter((o) => !o.accepted)) {
    failures.push(`${refused.kind} ${refused.key} not accepted: ${refused.status} after ${refused.attempts} attempt(s) ${JSON.stringify(refused.body).slice(0, 300)}`);
  }

  // Leases: one day each on one module; the key is the first day.
  const leaseRows: Array<{ starts_on: string; n: number }> = await db.query(
    `SELECT l.starts_on::text AS starts_on, count(DISTINCT l.id)::int AS n FROM leases l JOIN lease_modules lm ON lm.lease_id = l.id
      WHERE lm.module_id = $1 AND l.startup_id = $2 GROUP BY 1`,
    [load.lease.moduleId, load.lease.startupId],
  );
  compare('lease', outcomes('lease'), new Map(leaseRows.map((r) => [r.starts_on, r.n])), failures);

  const kpiRows: Array<{ key: string; n: number }> = await db.query(
    `SELECT startup_id || '/' || period AS key, count(*)::int AS n FROM kpi_reports WHERE organisation_id = $1 GROUP BY 1`,
    [load.organisationId],
  );
  const sentKpis = new Set(outcomes('kpi-report').map((o) => o.key));
  compare('kpi-report', outcomes('kpi-report'), new Map(kpiRows.filter((r) => sentKpis.has(r.key)).map((r) => [r.key, r.n])), failures);

  // Report runs: completed once, 4 files, one e-mail per board member and admin.
  const recipients: string[] = (
    await db.query(`SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1 AND m.is_active AND m.role IN ('board', 'admin')`, [
      load.organisationId,
    ])
  ).map((r: { email: string }) => r.email);
  const runIds = [...load.reportRuns.values()];
  const runs: Array<{ id: string; period: string; status: string; attempts: number; files: number }> = await db.query(
    `SELECT r.id, r.period, r.status, r.attempts, (SELECT count(*)::int FROM report_files f WHERE f.run_id = r.id) AS files FROM report_runs r WHERE r.id = ANY($1::uuid[])`,
    [runIds],
  );
  let runOnce = 0;
  let runTwice = 0;
  for (const run of runs) {
    const to = mails.filter((m) => plain(m).includes(`quarter=${run.period}`)).flatMap((m) => m.to);
    const twice = to.length > new Set(to).size || run.files > 4;
    if (twice) runTwice++;
    else if (run.status === 'completed' && run.files === 4 && [...new Set(to)].sort().join() === [...recipients].sort().join()) runOnce++;
    else failures.push(`report run ${run.period}: ${run.status}, ${run.files} files, mailed to ${to.join(', ') || 'nobody'}`);
  }
  const takenOver = runs.filter((r) => r.attempts >= 2).length;
  if (takenOver === 0) failures.push('no report run was taken over from the killed worker (attempts 2): the kill was not mid-job');

  // Billing: issued runs, gapless unique numbers per series, one e-mail per invoice and recipient.
  const billingIds = [...load.billingRuns.values()];
  const billing: Array<{ month: string; status: string; invoices: number }> = await db.query(
    `SELECT b.month, b.status, (SELECT count(*)::int FROM invoices i WHERE i.run_id = b.id AND i.status = 'issued') AS invoices FROM billing_runs b WHERE b.id = ANY($1::uuid[])`,
    [billingIds],
  );
  for (const run of billing) if (run.status !== 'issued') failures.push(`billing run ${run.month} is ${run.status}`);
  const series: Array<{ kind: string; year: number; n: number; distinct_n: number; first: number; last: number; counter: number }> = await db.query(
    `SELECT i.kind, i.sequence_year AS year, count(*)::int AS n, count(DISTINCT i.sequence_number)::int AS distinct_n, min(i.sequence_number) AS first,
            max(i.sequence_number) AS last, (SELECT s.last_number FROM invoice_sequences s WHERE s.organisation_id = i.organisation_id AND s.kind = i.kind AND s.year = i.sequence_year) AS counter
       FROM invoices i WHERE i.organisation_id = $1 AND i.status = 'issued' GROUP BY i.organisation_id, i.kind, i.sequence_year`,
    [load.organisationId],
  );
  for (const s of series) {
    if (s.first !== 1 || s.last !== s.n || s.distinct_n !== s.n || s.counter !== s.last) failures.push(`invoice numbers ${s.kind} ${s.year} not gapless: ${JSON.stringify(s)}`);
  }
  const invoices: Array<{ number: string }> = await db.query(`SELECT number FROM invoices WHERE run_id = ANY($1::uuid[]) AND status = 'issued'`, [billingIds]);
  let invoiceMailsTwice = 0;
  let invoicesMailed = 0;
  for (const { number } of invoices) {
    const to = mails.filter((m) => plain(m).includes(number)).flatMap((m) => m.to);
    if (to.length > new Set(to).size) invoiceMailsTwice++;
    if (to.length > 0) invoicesMailed++;
  }
  if (invoiceMailsTwice) failures.push(`${invoiceMailsTwice} invoices e-mailed twice to the same recipient`);

  const bySubject = new Map<string, number>();
  for (const mail of mails) for (const to of mail.to) bySubject.set(`${to} ${subjectOf(mail)}`, (bySubject.get(`${to} ${subjectOf(mail)}`) ?? 0) + 1);
  const duplicateMails = [...bySubject.values()].filter((n) => n > 1).length;
  if (duplicateMails) failures.push(`${duplicateMails} e-mails sent twice (same recipient and subject)`);
  if (runTwice) failures.push(`${runTwice} report runs ran twice`);

  const jobs = runs.length + 2 * billing.length;
  say(`jobs enqueued ${jobs + invoices.length} (report runs ${runs.length}, billing draft+issue ${2 * billing.length}, invoice e-mails ${invoices.length}); ` +
    `run once ${runOnce + 2 * billing.filter((b) => b.status === 'issued').length + invoicesMailed}; run twice ${runTwice + invoiceMailsTwice} (must be 0); ` +
    `report runs taken over from the killed worker ${takenOver}; e-mails ${mails.length}, duplicates ${duplicateMails}`);
  say(`leases ${outcomes('lease').length}, KPI reports ${outcomes('kpi-report').length}, invoices issued ${invoices.length} in ${billing.length} billing runs, series ${series.map((s) => `${s.kind} ${s.year}: 1…${s.last}`).join(', ')}`);
  return failures;
}

/** Accepted → exactly one row; unanswered → at most one; nothing that was never asked for. */
function compare(kind: string, sent: Array<{ key: string; accepted: boolean }>, rows: Map<string, number>, failures: string[]): void {
  const keys = new Set(sent.map((o) => o.key));
  for (const outcome of sent) {
    const n = rows.get(outcome.key) ?? 0;
    if (outcome.accepted ? n !== 1 : n > 1) failures.push(`${kind} ${outcome.key}: ${n} rows for an ${outcome.accepted ? 'accepted' : 'unanswered'} request`);
  }
  for (const key of rows.keys()) if (!keys.has(key)) failures.push(`${kind} ${key}: a row nobody asked for`);
}
