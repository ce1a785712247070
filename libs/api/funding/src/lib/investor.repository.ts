import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateInvestorRequest, InvestorKind, InvestorResponse } from '@incubator/contracts';
import { containsPattern, Queryable, SqlFilter } from '@incubator/api/sql';

interface InvestorRow {
  id: string;
  organisation_id: string;
  name: string;
  kind: InvestorKind;
  website: string | null;
  round_count: number;
}

interface IdRow {
  id: string;
}

/** Every statement on `investors`. */
@Injectable()
export class InvestorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The first 200 by name, optionally those whose name contains `q`. */
  async list(organisationId: string, q: string | undefined, db: Queryable = this.dataSource): Promise<InvestorResponse[]> {
    const filter = new SqlFilter().add('i.organisation_id = ?', organisationId);
    if (q) filter.add(`lower(i.name) LIKE ?`, containsPattern(q));
    const rows = await db.query<InvestorRow[]>(
      `SELECT i.*, (SELECT count(*)::int FROM funding_round_investors ri WHERE ri.investor_id = i.id) AS round_count
       FROM investors i WHERE ${filter.where} ORDER BY lower(i.name) LIMIT 200`,
      filter.params,
    );
    return rows.map(toInvestor);
  }

  async insert(db: Queryable, organisationId: string, request: CreateInvestorRequest): Promise<InvestorResponse> {
    const [row] = await db.query<InvestorRow[]>(`INSERT INTO investors (organisation_id, name, kind, website) VALUES ($1, $2, $3, $4) RETURNING *, 0 AS round_count`, [
      organisationId,
      request.name,
      request.kind,
      request.website ?? null,
    ]);
    return toInvestor(row);
  }

  /** Those of the ids that are investors of the organisation. */
  async known(db: Queryable, organisationId: string, ids: string[]): Promise<string[]> {
    const rows = await db.query<IdRow[]>('SELECT id FROM investors WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, ids]);
    return rows.map((row) => row.id);
  }
}

function toInvestor(row: InvestorRow): InvestorResponse {
  return { id: row.id, name: row.name, kind: row.kind, website: row.website, roundCount: Number(row.round_count ?? 0) };
}
