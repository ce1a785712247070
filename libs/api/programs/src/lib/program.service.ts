import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateProgramRequest, ProgramResponse, UpdateProgramRequest } from '@incubator/contracts';
import { isUniqueViolation, Queryable } from '@incubator/api/sql';
import { ProgramErrors } from './program.errors';
import { ProgramRepository } from './program.repository';

@Injectable()
export class ProgramService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramRepository,
    private readonly audit: AuditService,
  ) {}

  list(organisationId: string, siteId?: string, includeArchived = false): Promise<ProgramResponse[]> {
    return this.programs.list(organisationId, siteId ?? null, includeArchived);
  }

  async get(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<ProgramResponse> {
    const program = await this.programs.find(organisationId, id, db);
    if (!program) throw ProgramErrors.not_found();
    return program;
  }

  async create(caller: Caller, request: CreateProgramRequest): Promise<ProgramResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.programs.siteExists(caller.organisationId, request.siteId, manager))) throw ProgramErrors.site_not_found();
      const id = await this.programs.insert(manager, caller.organisationId, request).catch(nameTaken);
      await this.audit.recordBy(manager, caller, { action: 'program.created', entityType: 'program', entityId: id, after: { ...request } });
      return id;
    });
    return this.get(caller.organisationId, id);
  }

  /** Renames or re-describes a program (archived ones too: a name can be corrected in the history). */
  async update(caller: Caller, id: string, change: UpdateProgramRequest): Promise<ProgramResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.programs.lock(manager, caller.organisationId, id);
      const before = await this.get(caller.organisationId, id, manager);
      const next = {
        name: change.name ?? before.name,
        description: change.description === undefined ? before.description : change.description || null,
      };
      await this.programs.update(manager, id, next).catch(nameTaken);
      await this.audit.recordBy(manager, caller, {
        action: 'program.updated',
        entityType: 'program',
        entityId: id,
        before: { name: before.name, description: before.description },
        after: next,
      });
      return this.get(caller.organisationId, id, manager);
    });
  }

  /** Archives or restores a program: it leaves (or rejoins) the lists, its cohorts and their history stay. */
  async setArchived(caller: Caller, id: string, archived: boolean): Promise<ProgramResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.programs.lock(manager, caller.organisationId, id);
      const before = await this.get(caller.organisationId, id, manager);
      if (archived !== (before.archivedAt !== null)) {
        await this.programs.setArchived(manager, id, archived);
        await this.audit.recordBy(manager, caller, {
          action: archived ? 'program.archived' : 'program.restored',
          entityType: 'program',
          entityId: id,
          before: { archivedAt: before.archivedAt },
          after: { archived },
        });
      }
      return this.get(caller.organisationId, id, manager);
    });
  }
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw ProgramErrors.name_taken();
  throw error;
}
