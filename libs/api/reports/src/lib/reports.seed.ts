import type { EntityManager } from 'typeorm';
import type { TargetKey } from '@incubator/contracts';

export interface ReportSeed {
  organisationId: string;
  /** Targets for the current calendar year; an existing target is left as it is. */
  targets: Array<{ key: TargetKey; value: number }>;
}

/** Writes an organisation's yearly targets (the board pack compares the figures with them). */
export async function seedReports(manager: EntityManager, data: ReportSeed): Promise<void> {
  for (const target of data.targets) {
    await manager.query(
      `INSERT INTO organisation_targets (organisation_id, key, year, value) VALUES ($1, $2, extract(year FROM now())::int, $3) ON CONFLICT DO NOTHING`,
      [data.organisationId, target.key, target.value],
    );
  }
}
