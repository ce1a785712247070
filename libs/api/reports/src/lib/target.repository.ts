import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import { LONG_TERM_TARGET_KEYS, YEARLY_TARGET_KEYS } from '@incubator/contracts';
import type { LongTermTargetKey, TargetKey, TargetResponse, YearlyTargetKey } from '@incubator/contracts';

interface TargetRow {
  key: TargetKey;
  year: number;
  /** numeric as text, e.g. '12.00' */
  value: string;
}

/** Every statement on `organisation_targets`. Values as PostgreSQL writes them (text, e.g. '12.00'). */
@Injectable()
export class TargetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string): Promise<TargetResponse[]> {
    const rows = await this.dataSource.query<TargetRow[]>('SELECT key, year, value::text FROM organisation_targets WHERE organisation_id = $1 ORDER BY year DESC, key', [organisationId]);
    return rows.map((row) => ({ key: row.key, year: row.year, value: row.value.replace(/\.00$/, '') }));
  }

  /** The yearly targets set for a year, values unrounded. */
  ofYear(organisationId: string, year: number): Promise<Array<{ key: YearlyTargetKey; value: string }>> {
    return this.dataSource.query<Array<{ key: YearlyTargetKey; value: string }>>(
      'SELECT key, value::text FROM organisation_targets WHERE organisation_id = $1 AND year = $2 AND key = ANY($3) ORDER BY key',
      [organisationId, year, YEARLY_TARGET_KEYS],
    );
  }

  /** Every long-term target ("by" a year), soonest first, values unrounded. */
  longTerm(organisationId: string): Promise<Array<{ key: LongTermTargetKey; year: number; value: string }>> {
    return this.dataSource.query<Array<{ key: LongTermTargetKey; year: number; value: string }>>(
      'SELECT key, year, value::text FROM organisation_targets WHERE organisation_id = $1 AND key = ANY($2) ORDER BY year, key',
      [organisationId, LONG_TERM_TARGET_KEYS],
    );
  }

  async value(db: Queryable, organisationId: string, key: TargetKey, year: number): Promise<string | null> {
    const [row] = await db.query<Array<Pick<TargetRow, 'value'>>>('SELECT value::text FROM organisation_targets WHERE organisation_id = $1 AND key = $2 AND year = $3', [organisationId, key, year]);
    return row?.value ?? null;
  }

  async upsert(db: Queryable, organisationId: string, target: { key: TargetKey; year: number; value: string | number }): Promise<void> {
    await db.query(
      `INSERT INTO organisation_targets (organisation_id, key, year, value) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, key, year) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [organisationId, target.key, target.year, target.value],
    );
  }
}
