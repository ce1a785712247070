import type { DataSource } from 'typeorm';
import { until } from './redis-sentinel';
import type { LoadClient } from './load';

/** What the load asked for, for the checks. */
export interface Workload {
  organisationId: string;
  lease: { startupId: string; moduleId: string };
  reportRuns: Map<string, string>; // period → run id
  billingRuns: Map<string, string>; // month → run id
  /** Adds n report runs at once. */
  reportBurst(n: number): Promise<void>;
  stop(): Promise<void>;
  /** Waits until every report run and billing run the load started is finished. */
  settle(timeoutMs: number): Promise<void>;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Steady load on the two API processes: a lease request every 150 ms (one day each on a module nobody leases,
 * so every accepted one must exist once), a KPI report every 200 ms (a new startup × month each), a board pack
 * every 3 s (a new quarter each: files and e-mails by the worker) and billing runs one after another (drafted,
 * then issued: invoice numbers and e-mails by the worker).
 */
export async function steadyLoad(client: LoadClient, db: DataSource, say: (line: string) => void): Promise<Workload> {
  const [{ id: organisationId }] = await db.query(`SELECT id FROM organisations WHERE slug = 'demo'`);
  const [lease] = await db.query(
    `SELECT l.startup_id, l.program_kind, m.id AS module_id FROM leases l JOIN modules m ON m.floor_id = l.floor_id
      WHERE l.organisation_id = $1 AND NOT EXISTS (SELECT 1 FROM lease_modules lm WHERE lm.module_id = m.id) AND m.retired_at IS NULL
      ORDER BY l.starts_on, m.id LIMIT 1`,
    [organisationId],
  );
  if (!lease) throw new Error('no free module on a leased floor in the demo data');
  const startups: Array<{ id: string }> = await db.query(`SELECT id FROM startups WHERE organisation_id = $1 ORDER BY id`, [organisationId]);
  const billedMonths = new Set((await db.query(`SELECT to_char(month, 'YYYY-MM') AS month FROM billing_runs WHERE organisation_id = $1`, [organisationId])).map((r: { month: string }) => r.month));
  const thisMonth = new Date().toISOString().slice(0, 7);
  const months: string[] = [];
  for (let back = 0; months.length < 3 && back < 24; back++) {
    const d = new Date(`${thisMonth}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back);
    const month = d.toISOString().slice(0, 7);
    if (!billedMonths.has(month)) months.push(month);
  }

  const workload: Workload = {
    organisationId,
    lease: { startupId: lease.startup_id, moduleId: lease.module_id },
    reportRuns: new Map(),
    billingRuns: new Map(),
    reportBurst: async (n) => {
      await Promise.all(Array.from({ length: n }, () => requestReport()));
    },
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
    settle: async (timeoutMs) => {
      await until(
        async () => {
          const ids = [...workload.reportRuns.values()];
          const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM report_runs WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'running')`, [ids]);
          return open === 0 && billingDone;
        },
        timeoutMs,
        'every report run and billing run to finish',
      );
    },
  };

  let running = true;
  let quarter = 0;
  let kpiWritten: () => void = () => undefined;
  const firstKpiReport = new Promise<void>((resolve) => (kpiWritten = resolve));
  const requestReport = async () => {
    const index = quarter++;
    // Quarters of the KPI history the load writes from 1990: a board pack covers only quarters from the
    // organisation's first data on, so the packs start once the first KPI report is in.
    await firstKpiReport;
    const period = `${1990 + Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    const outcome = await client.send<{ id: string }>('report-run', period, 'POST', '/report-runs', { kind: 'board_pack', period });
    if (outcome.accepted) workload.reportRuns.set(period, outcome.body.id);
  };
  const every = (ms: number, body: (i: number) => Promise<void>) =>
    (async () => {
      for (let i = 0; running; i++) {
        const next = Date.now() + ms;
        await body(i);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      }
    })();

  let billingDone = false;
  const billing = async () => {
    for (const month of months) {
      if (!running) break;
      const created = await client.send<{ id: string }>('billing-run', month, 'POST', '/billing/runs', { month }, { conflictMeansDone: true });
      if (!created.accepted) continue;
      const id = created.status === 409 ? (created.body as unknown as { runId?: string; details?: { runId?: string } }).details?.runId : created.body.id;
      const runId = id ?? (await db.query(`SELECT id FROM billing_runs WHERE organisation_id = $1 AND month = $2`, [organisationId, month]))[0]?.id;
      workload.billingRuns.set(month, runId);
      await until(async () => (await db.query(`SELECT status FROM billing_runs WHERE id = $1`, [runId]))[0]?.status === 'drafted', 120_000, `billing run ${month} drafted`);
      await client.send('billing-issue', month, 'POST', `/billing/runs/${runId}/issue`, undefined, { conflictMeansDone: true });
      await until(async () => (await db.query(`SELECT status FROM billing_runs WHERE id = $1`, [runId]))[0]?.status === 'issued', 120_000, `billing run ${month} issued`);
    }
    billingDone = true;
  };

  const loops = [
    every(150, async (i) => {
      const startsOn = addDays('2032-01-01', 2 * i);
      await client.send('lease', startsOn, 'POST', '/leases', { startupId: lease.startup_id, programKind: lease.program_kind, moduleIds: [lease.module_id], startsOn, endsOn: addDays(startsOn, 1), monthlyPricePerM2Cents: 2_000 }, { conflictMeansDone: true });
    }),
    every(200, async (i) => {
      const startup = startups[i % startups.length];
      const n = Math.floor(i / startups.length);
      const period = `${1990 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
      const outcome = await client.send('kpi-report', `${startup.id}/${period}`, 'POST', '/kpi-reports', { startupId: startup.id, period, values: {} }, { conflictMeansDone: true });
      if (outcome.accepted) kpiWritten();
    }),
    every(3_000, requestReport),
    billing(),
  ];
  say(`load: leases on module ${lease.module_id}, KPI reports for ${startups.length} startups, board packs, billing runs for ${months.join(', ')}`);
  return workload;
}
