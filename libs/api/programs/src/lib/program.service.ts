import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateProgramRequest, ProgramResponse } from '@incubator/contracts';
import { isUniqueViolation } from '@incubator/api/sql';
import { ProgramErrors } from './program.errors';
import { ProgramRepository } from './program.repository';

@Injectable()
export class ProgramService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramRepository,
    private readonly audit: AuditService,
  ) {}

  list(organisationId: string, siteId?: string): Promise<ProgramResponse[]> {
    return this.programs.list(organisationId, siteId ?? null);
  }

  async create(caller: Caller, request: CreateProgramRequest): Promise<ProgramResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.programs.siteExists(caller.organisationId, request.siteId, manager))) throw ProgramErrors.site_not_found();
      const id = await this.programs.insert(manager, caller.organisationId, request).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw ProgramErrors.name_taken();
        throw error;
      });
      await this.audit.recordBy(manager, caller, { action: 'program.created', entityType: 'program', entityId: id, after: { ...request } });
      return id;
    });
    const created = (await this.list(caller.organisationId)).find((program) => program.id === id);
    if (!created) throw ProgramErrors.not_found();
    return created;
  }
}
