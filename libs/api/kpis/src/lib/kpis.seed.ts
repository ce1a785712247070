import type { EntityManager } from 'typeorm';
import { rebuildKpiRollups } from './kpi-rollup.repository';

export interface KpiSeed {
  organisationId: string;
  /** The startups given a history; each one's position varies its figures. */
  startupIds: string[];
}

/**
 * Validated monthly KPI reports from twelve months back to two months back, so the last month stays
 * open for the founder to report (the demo's and the e2e test's first step). Values grow steadily.
 */
export async function seedKpis(manager: EntityManager, data: KpiSeed): Promise<void> {
  const definitions = new Map<string, string>(
    (await manager.query<Array<{ key: string; id: string }>>('SELECT key, id FROM kpi_definitions WHERE organisation_id = $1', [data.organisationId])).map((d) => [d.key, d.id]),
  );
  for (const [index, startupId] of data.startupIds.entries()) await seedKpiHistory(manager, data.organisationId, startupId, index, definitions);
  await rebuildKpiRollups(manager, data.organisationId);
}

async function seedKpiHistory(manager: EntityManager, organisationId: string, startupId: string, seed: number, definitions: ReadonlyMap<string, string>): Promise<void> {
  const now = new Date();
  for (let back = 12; back >= 2; back--) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const period = month.toISOString().slice(0, 7);
    const step = 12 - back;
    const [report] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO kpi_reports (organisation_id, startup_id, period, period_start, period_end, due_on, status, submitted_at, validated_at)
       VALUES ($1, $2, $3, $4::date, ($4::date + interval '1 month')::date, ($4::date + interval '1 month')::date + 15, 'validated', now(), now())
       ON CONFLICT (startup_id, period) DO NOTHING RETURNING id`,
      [organisationId, startupId, period, `${period}-01`],
    );
    if (!report) continue;
    const values: Record<string, string> = {
      headcount: String(4 + (seed % 2) * 8 + seed + Math.floor(step / 3)),
      jobs_created: String(step % 3 === 0 ? 1 : 0),
      revenue: (8000 + (seed % 2) * 30000 + seed * 1500 + step * 1250.5).toFixed(2),
      customers: String(3 + (seed % 2) * 10 + seed + step),
    };
    for (const [key, value] of Object.entries(values)) {
      await manager.query('INSERT INTO kpi_values (report_id, definition_id, value) VALUES ($1, $2, $3)', [report.id, definitions.get(key), value]);
    }
  }
}
