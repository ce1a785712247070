import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CohortBoardResponse, CohortResponse, CreateCohortRequest, UpdateCohortRequest } from '@incubator/contracts';
import { isUniqueViolation, Queryable } from '@incubator/api/sql';
import { CohortRepository } from './cohort.repository';
import { ProgramErrors } from './program.errors';
import { ProgramRepository } from './program.repository';

@Injectable()
export class CohortService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortRepository,
    private readonly programs: ProgramRepository,
    private readonly audit: AuditService,
  ) {}

  list(organisationId: string, programId?: string, includeArchived = false): Promise<CohortResponse[]> {
    return this.cohorts.list(organisationId, programId ?? null, includeArchived);
  }

  async get(organisationId: string, id: string, db: Queryable = this.dataSource): Promise<CohortResponse> {
    const cohort = await this.cohorts.find(organisationId, id, db);
    if (!cohort) throw ProgramErrors.cohort_not_found();
    return cohort;
  }

  async create(caller: Caller, request: CreateCohortRequest): Promise<CohortResponse> {
    assertDates(request.startsOn, request.endsOn);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.programs.lock(manager, caller.organisationId, request.programId);
      const archived = await this.programs.archived(caller.organisationId, request.programId, manager);
      if (archived === null) throw ProgramErrors.not_found();
      if (archived) throw ProgramErrors.archived();
      const id = await this.cohorts.insert(manager, caller.organisationId, request).catch(nameTaken);
      await this.audit.recordBy(manager, caller, { action: 'cohort.created', entityType: 'cohort', entityId: id, after: { ...request } });
      return id;
    });
    return this.get(caller.organisationId, id);
  }

  /** Renames, moves dates or resizes a cohort; capacity can't drop below the seats already taken. */
  async update(caller: Caller, id: string, change: UpdateCohortRequest): Promise<CohortResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.cohorts.lock(manager, caller.organisationId, id);
      const before = await this.get(caller.organisationId, id, manager);
      const next = { name: before.name, startsOn: before.startsOn, endsOn: before.endsOn, capacity: before.capacity, ...change };
      assertDates(next.startsOn, next.endsOn);
      if (next.capacity < before.seated) throw ProgramErrors.cohort_capacity_below_seated({ seated: before.seated });
      await this.cohorts.update(manager, id, next).catch(nameTaken);
      await this.audit.recordBy(manager, caller, {
        action: 'cohort.updated',
        entityType: 'cohort',
        entityId: id,
        before: { name: before.name, startsOn: before.startsOn, endsOn: before.endsOn, capacity: before.capacity },
        after: next,
      });
      return this.get(caller.organisationId, id, manager);
    });
  }

  /** Archives or restores a cohort: it leaves (or rejoins) the lists, its enrollments and milestones stay. */
  async setArchived(caller: Caller, id: string, archived: boolean): Promise<CohortResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.cohorts.lock(manager, caller.organisationId, id);
      const before = await this.get(caller.organisationId, id, manager);
      if (archived !== (before.archivedAt !== null)) {
        await this.cohorts.setArchived(manager, id, archived);
        await this.audit.recordBy(manager, caller, {
          action: archived ? 'cohort.archived' : 'cohort.restored',
          entityType: 'cohort',
          entityId: id,
          before: { archivedAt: before.archivedAt },
          after: { archived },
        });
      }
      return this.get(caller.organisationId, id, manager);
    });
  }

  /** Each seated startup's milestones by status, and how many are overdue. */
  async board(organisationId: string, id: string): Promise<CohortBoardResponse> {
    const cohort = await this.get(organisationId, id);
    return { cohort, startups: await this.cohorts.board(organisationId, id) };
  }
}

function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn <= startsOn) throw ProgramErrors.cohort_ends_before_start();
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw ProgramErrors.cohort_name_taken();
  throw error;
}
