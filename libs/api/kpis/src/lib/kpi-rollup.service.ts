import { Injectable } from '@nestjs/common';
import type { Queryable } from '@incubator/api/sql';
import { KpiRollupRepository } from './kpi-rollup.repository';

/**
 * Keeps `kpi_rollups` current: every write that changes a report's status or values calls
 * `reportsChanged` inside its own transaction (creation, update or correction, validation, return,
 * import), so a committed write and its rollup rows are one. Each statement on kpi_rollups then has
 * the database recompute the per-startup quarter figures it touched (`kpi_quarter_rollups`, a trigger:
 * KpiQuarterRollups1763774000000), in the same transaction. Rounds, enrollments, leases and startups
 * are not copied into either (they are joined at read from their own, small tables), so their writes
 * need nothing here.
 */
@Injectable()
export class KpiRollupService {
  constructor(private readonly repository: KpiRollupRepository) {}

  reportsChanged(db: Queryable, reportIds: readonly string[]): Promise<void> {
    return this.repository.refreshReports(db, reportIds);
  }

  rebuild(db: Queryable, organisationId: string): Promise<void> {
    return this.repository.rebuild(db, organisationId);
  }

  drift(organisationId: string, db?: Queryable): Promise<number> {
    return this.repository.drift(organisationId, db);
  }
}
