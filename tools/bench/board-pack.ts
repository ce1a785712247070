import type { DataSource } from 'typeorm';
import { aggregatesSql, aggregatesSqlFromValues, BoardAggregatesRepository, KpiAggregatesRepository, KpiAggregatesService } from '@incubator/api/kpis';
import { BoardQuarterRepository, BoardQuarterService, renderBoardPackPdf, renderBoardPackXlsx, SERIES_QUARTERS, TargetRepository } from '@incubator/api/reports';
import { OccupancyRepository, OccupancyService } from '@incubator/api/space';
import { quarterRange, SECTORS, shiftQuarter } from '@incubator/contracts';
import type { Ecosystem } from '../data/ecosystem';
import type { BenchRow } from './report';
import { timeRuns } from './timing';

/** Issue 20's targets. */
const DASHBOARD_QUARTER_MS = 100;
const PACK_MS = 2000;

/**
 * The board dashboard's quarter (uncached: the service itself, as the cache calls it on a miss) and the
 * quarterly board pack (the same figures, two PDFs and two workbooks) of the generated ecosystem
 * (10,000 startups, ten years of monthly KPIs), each against the floor — the aggregation statements the
 * figures need (over kpi_rollups), run directly one after the other — and, for information, the same
 * statements as they were before the rollups (raw KPI values), run once.
 */
export async function benchBoardPack(db: DataSource, eco: Ecosystem, log: (line: string) => void): Promise<BenchRow[]> {
  const service = new BoardQuarterService(
    new BoardQuarterRepository(db),
    new TargetRepository(db),
    new KpiAggregatesService(new KpiAggregatesRepository(db), new BoardAggregatesRepository(db)),
    new OccupancyService(new OccupancyRepository(db)),
  );
  const quarter = eco.lastQuarter;
  const range = quarterRange(quarter)!;
  const pack = async () => {
    const data = await service.quarter(eco.organisationId, quarter);
    for (const locale of ['fr', 'en'] as const) {
      await renderBoardPackPdf(data, locale, range.to);
      await renderBoardPackXlsx(data, locale);
    }
  };
  const queries = [
    ...Array.from({ length: SERIES_QUARTERS }, (_, i) => quarterRange(shiftQuarter(quarter, i))!),
    range,
    { ...range, unassigned: true },
    ...eco.siteIds.map((siteId) => ({ ...range, siteId })),
    ...eco.programIds.map((programId) => ({ ...range, programId })),
    ...SECTORS.map((sector) => ({ ...range, sector })),
    { from: `${range.from.slice(0, 4)}-01-01`, to: range.to },
  ];
  const statements = queries.map((query) => aggregatesSql(eco.organisationId, query));
  const runFloor = () =>
    timeRuns(async () => {
      for (const { text, params } of statements) await db.query(text, params);
    }, 5, 1);
  // The floor before and after, keeping the faster: caches warm up during the first runs.
  const floorBefore = await runFloor();
  const dashboard = await timeRuns(() => service.quarter(eco.organisationId, quarter), 5, 1);
  const full = await timeRuns(pack, 3, 1);
  const floorAfter = await runFloor();
  const floor = floorBefore.p50 <= floorAfter.p50 ? floorBefore : floorAfter;
  const oldStatements = queries.map((query) => aggregatesSqlFromValues(eco.organisationId, query));
  const old = await timeRuns(async () => {
    for (const { text, params } of oldStatements) await db.query(text, params);
  }, 1, 0);
  log(`  board quarter ${quarter}: ${statements.length} aggregation statements, ${floor.p50.toFixed(0)} ms over kpi_rollups, ${(old.p50 / 1000).toFixed(2)} s over the raw values (before)`);
  const floorText = `p50 ${floor.p50.toFixed(0)} ms — its ${statements.length} aggregation statements (over kpi_rollups) run directly; before the rollups the same statements over the raw values: ${(old.p50 / 1000).toFixed(2)} s`;
  return [
    {
      name: `Board dashboard ${quarter}, uncached (the board's protected figures: series, breakdowns, rounds, targets, space)`,
      figure: `p50 ${dashboard.p50.toFixed(0)} ms, p95 ${dashboard.p95.toFixed(0)} ms`,
      floor: floorText,
      ratio: dashboard.p50 / floor.p50,
      target: `p50 < ${DASHBOARD_QUARTER_MS} ms`,
      met: dashboard.p50 < DASHBOARD_QUARTER_MS,
    },
    {
      name: `Board pack ${quarter} (figures + 2 PDF + 2 XLSX), 10,000 startups × 10 years of monthly KPIs`,
      figure: `p50 ${(full.p50 / 1000).toFixed(2)} s`,
      floor: floorText,
      ratio: full.p50 / floor.p50,
      target: `p50 < ${PACK_MS / 1000} s`,
      met: full.p50 < PACK_MS,
    },
  ];
}
