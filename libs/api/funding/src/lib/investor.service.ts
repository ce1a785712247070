import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { bilingualError } from '@incubator/contracts';
import type { CreateInvestorRequest, InvestorResponse } from '@incubator/contracts';
import { containsPattern, SqlFilter } from '@incubator/api/sql';
import { isUniqueViolation } from '@incubator/api/sql';

/** The organisation's investor directory, shared by its startups' rounds. */
@Injectable()
export class InvestorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, q?: string): Promise<InvestorResponse[]> {
    const filter = new SqlFilter().add('i.organisation_id = ?', caller.organisationId);
    if (q) filter.add(`lower(i.name) LIKE ?`, containsPattern(q));
    const rows = await this.dataSource.query(
      `SELECT i.*, (SELECT count(*)::int FROM funding_round_investors ri WHERE ri.investor_id = i.id) AS round_count
       FROM investors i WHERE ${filter.where} ORDER BY lower(i.name) LIMIT 200`,
      filter.params,
    );
    return rows.map(toResponse);
  }

  async create(caller: Caller, request: CreateInvestorRequest): Promise<InvestorResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row] = await manager.query(
          `INSERT INTO investors (organisation_id, name, kind, website) VALUES ($1, $2, $3, $4) RETURNING *, 0 AS round_count`,
          [caller.organisationId, request.name, request.kind, request.website ?? null],
        );
        await this.audit.recordBy(manager, caller, { action: 'investor.created', entityType: 'investor', entityId: row.id, before: null, after: { ...request } });
        return toResponse(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(
          bilingualError(
            { fr: 'Cet investisseur existe déjà dans l’annuaire.', en: 'This investor is already in the directory.' },
            { name: { fr: 'nom déjà utilisé', en: 'name is already used' } },
          ),
        );
      }
      throw error;
    }
  }
}

function toResponse(row: Record<string, unknown>): InvestorResponse {
  return {
    id: row['id'] as string,
    name: row['name'] as string,
    kind: row['kind'] as InvestorResponse['kind'],
    website: (row['website'] as string | null) ?? null,
    roundCount: Number(row['round_count'] ?? 0),
  };
}
