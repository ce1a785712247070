import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PageResponse, StartupSummary } from '@incubator/contracts';

/** Who is asking, as far as startup visibility goes: a startup member sees only their own startup. */
export interface StartupScope {
  organisationId: string;
  startupId: string | null;
}

@Injectable()
export class StartupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(scope: StartupScope, filter: { q?: string; limit: number; offset: number }): Promise<PageResponse<StartupSummary>> {
    const conditions = ['organisation_id = $1'];
    const params: unknown[] = [scope.organisationId];
    if (scope.startupId) conditions.push(`id = $${params.push(scope.startupId)}`);
    if (filter.q) conditions.push(`legal_name ILIKE $${params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const where = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM startups WHERE ${where}`, params);
    const rows = await this.dataSource.query(
      `SELECT id, legal_name FROM startups WHERE ${where} ORDER BY lower(legal_name), id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return {
      items: rows.map((row: { id: string; legal_name: string }) => ({ id: row.id, legalName: row.legal_name })),
      total,
      limit: filter.limit,
      offset: filter.offset,
    };
  }
}
