import type { DataSource } from 'typeorm';
import { aggregatesSql, BoardAggregatesRepository, KpiAggregatesRepository, KpiAggregatesService } from '@incubator/api/kpis';
import { BoardQuarterRepository, BoardQuarterService, renderBoardPackPdf, renderBoardPackXlsx, SERIES_QUARTERS, TargetRepository } from '@incubator/api/reports';
import { OccupancyRepository, OccupancyService } from '@incubator/api/space';
import { quarterRange, SECTORS, shiftQuarter } from '@incubator/contracts';
import type { Ecosystem } from '../data/ecosystem';
import type { BenchRow } from './report';
import { timeRuns } from './timing';

/**
 * The quarterly board pack of the generated ecosystem (10,000 startups, ten years of monthly KPIs):
 * the figures, two PDFs and two workbooks, against its floor — the same aggregation SQL statements
 * the pack needs, run directly one after the other.
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
  const statements = [
    ...Array.from({ length: SERIES_QUARTERS }, (_, i) => quarterRange(shiftQuarter(quarter, i))!),
    ...eco.siteIds.map((siteId) => ({ ...range, siteId })),
    ...eco.programIds.map((programId) => ({ ...range, programId })),
    ...SECTORS.map((sector) => ({ ...range, sector })),
    { from: `${range.from.slice(0, 4)}-01-01`, to: range.to },
  ].map((query) => aggregatesSql(eco.organisationId, query));
  const runFloor = () =>
    timeRuns(async () => {
      for (const { text, params } of statements) await db.query(text, params);
    }, 3, 1);
  // The floor before and after the pack, keeping the faster: caches warm up during the first runs.
  const floorBefore = await runFloor();
  const full = await timeRuns(pack, 3, 1);
  const floorAfter = await runFloor();
  const floor = floorBefore.p50 <= floorAfter.p50 ? floorBefore : floorAfter;
  log(`  board pack ${quarter}: ${statements.length} aggregation statements`);
  return [
    {
      name: `Board pack ${quarter} (figures + 2 PDF + 2 XLSX), 10,000 startups × 10 years of monthly KPIs`,
      figure: `p50 ${(full.p50 / 1000).toFixed(2)} s`,
      floor: `p50 ${(floor.p50 / 1000).toFixed(2)} s — its ${statements.length} aggregation statements run directly`,
      ratio: full.p50 / floor.p50,
      target: '< 3× floor',
      met: full.p50 / floor.p50 < 3,
    },
  ];
}
