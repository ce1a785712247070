import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateProgramRequest, ProgramResponse } from '@incubator/contracts';
import { isUniqueViolation } from '@incubator/api/sql';

@Injectable()
export class ProgramService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string, siteId?: string): Promise<ProgramResponse[]> {
    const rows = await this.dataSource.query(
      `SELECT p.*, s.name AS site_name, (SELECT count(*)::int FROM cohorts c WHERE c.program_id = p.id) AS cohort_count
       FROM programs p JOIN sites s ON s.id = p.site_id
       WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.site_id = $2)
       ORDER BY s.name, p.kind, lower(p.name)`,
      [organisationId, siteId ?? null],
    );
    return rows.map(toResponse);
  }

  async create(caller: Caller, request: CreateProgramRequest): Promise<ProgramResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [site] = await manager.query('SELECT 1 FROM sites WHERE id = $1 AND organisation_id = $2', [request.siteId, caller.organisationId]);
      if (!site) throw new NotFoundException('No such site in this organisation');
      const [row] = await manager
        .query(`INSERT INTO programs (organisation_id, site_id, kind, name, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
          caller.organisationId,
          request.siteId,
          request.kind,
          request.name,
          request.description ?? null,
        ])
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictException({ message: 'This site already has a program with that name', fields: { name: ['name is already used on this site'] } });
          throw error;
        });
      await this.audit.recordBy(manager, caller, {
        action: 'program.created',
        entityType: 'program',
        entityId: row.id,
        after: { ...request },
      });
      return row.id as string;
    });
    const created = (await this.list(caller.organisationId)).find((program) => program.id === id);
    if (!created) throw new NotFoundException();
    return created;
  }
}

function toResponse(row: Record<string, unknown>): ProgramResponse {
  return {
    id: row['id'] as string,
    siteId: row['site_id'] as string,
    siteName: row['site_name'] as string,
    kind: row['kind'] as ProgramResponse['kind'],
    name: row['name'] as string,
    description: (row['description'] as string | null) ?? null,
    cohortCount: row['cohort_count'] as number,
  };
}
