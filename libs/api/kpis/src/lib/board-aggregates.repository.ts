import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';

/** Board members see no figure that fewer than this many startups stand behind, unless their organisation sets another. */
export const SUPPRESSION_THRESHOLD = 3;

/** The organisation's fixed partitions, as the board's tables cut it. */
export interface BoardLayout {
  sites: Array<{ id: string; name: string }>;
  programs: Array<{ id: string; name: string; siteId: string }>;
  sectors: string[];
}

interface ProgramCellRow {
  id: string;
  name: string;
  siteId: string;
}

/**
 * The board's read model beside the aggregation statement: the organisation's threshold and its
 * partitions. Reads other domains' tables only: organisations, sites, programs, startups.
 */
@Injectable()
export class BoardAggregatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's suppression threshold (SUPPRESSION_THRESHOLD when it is unknown). */
  async threshold(organisationId: string, db: Queryable = this.dataSource): Promise<number> {
    const [row] = await db.query<Array<{ threshold: number }>>('SELECT board_suppression_threshold AS threshold FROM organisations WHERE id = $1', [organisationId]);
    return row ? Number(row.threshold) : SUPPRESSION_THRESHOLD;
  }

  async layout(organisationId: string, db: Queryable = this.dataSource): Promise<BoardLayout> {
    const [sites, programs, sectors] = await Promise.all([
      db.query<Array<{ id: string; name: string }>>('SELECT id, name FROM sites WHERE organisation_id = $1 ORDER BY name, id', [organisationId]),
      db.query<ProgramCellRow[]>('SELECT id, name, site_id AS "siteId" FROM programs WHERE organisation_id = $1 ORDER BY name, id', [organisationId]),
      // The sectors of its startups, as the database keeps them per cell (cell_founded_quarters), not from every startup.
      db.query<Array<{ sector: string }>>(
        `SELECT DISTINCT substr(cell, length('sector:') + 1) AS sector FROM cell_founded_quarters WHERE organisation_id = $1 AND cell LIKE 'sector:%' ORDER BY 1`,
        [organisationId],
      ),
    ]);
    return { sites, programs, sectors: sectors.map((s) => s.sector) };
  }
}
