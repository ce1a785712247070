import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CohortBoardResponse, CohortResponse, CreateCohortRequest, UpdateCohortRequest } from '@incubator/contracts';
import { isUniqueViolation } from '@incubator/api/sql';

const SELECT = `
  SELECT c.*, p.name AS program_name, p.kind AS program_kind,
         (SELECT count(*)::int FROM enrollments e WHERE e.cohort_id = c.id AND e.status IN ('admitted', 'active', 'graduated')) AS seated
  FROM cohorts c JOIN programs p ON p.id = c.program_id`;

@Injectable()
export class CohortService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string, programId?: string): Promise<CohortResponse[]> {
    const rows = await this.dataSource.query(
      `${SELECT} WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.program_id = $2) ORDER BY c.starts_on DESC, lower(c.name)`,
      [organisationId, programId ?? null],
    );
    return rows.map(toResponse);
  }

  async get(organisationId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<CohortResponse> {
    const [row] = await manager.query(`${SELECT} WHERE c.id = $1 AND c.organisation_id = $2`, [id, organisationId]);
    if (!row) throw new NotFoundException('No such cohort');
    return toResponse(row);
  }

  async create(caller: Caller, request: CreateCohortRequest): Promise<CohortResponse> {
    assertDates(request.startsOn, request.endsOn);
    const id = await this.dataSource.transaction(async (manager) => {
      const [program] = await manager.query('SELECT 1 FROM programs WHERE id = $1 AND organisation_id = $2', [request.programId, caller.organisationId]);
      if (!program) throw new NotFoundException('No such program in this organisation');
      const [row] = await manager
        .query(
          `INSERT INTO cohorts (organisation_id, program_id, name, starts_on, ends_on, capacity) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [caller.organisationId, request.programId, request.name, request.startsOn, request.endsOn, request.capacity],
        )
        .catch(nameTaken);
      await this.audit.recordBy(manager, caller, {
        action: 'cohort.created',
        entityType: 'cohort',
        entityId: row.id,
        after: { ...request },
      });
      return row.id as string;
    });
    return this.get(caller.organisationId, id);
  }

  /** Renames, moves dates or resizes a cohort; capacity can't drop below the seats already taken. */
  async update(caller: Caller, id: string, change: UpdateCohortRequest): Promise<CohortResponse> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM cohorts WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, caller.organisationId]);
      const before = await this.get(caller.organisationId, id, manager);
      const next = { name: before.name, startsOn: before.startsOn, endsOn: before.endsOn, capacity: before.capacity, ...change };
      assertDates(next.startsOn, next.endsOn);
      if (next.capacity < before.seated) {
        throw new ConflictException({
          message: `The cohort already seats ${before.seated} startups`,
          fields: { capacity: [`capacity must be at least ${before.seated}, the startups already admitted`] },
        });
      }
      await manager
        .query('UPDATE cohorts SET name = $2, starts_on = $3, ends_on = $4, capacity = $5, updated_at = now() WHERE id = $1', [
          id,
          next.name,
          next.startsOn,
          next.endsOn,
          next.capacity,
        ])
        .catch(nameTaken);
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

  /** Each seated startup's milestones by status, and how many are overdue. */
  async board(organisationId: string, id: string): Promise<CohortBoardResponse> {
    const cohort = await this.get(organisationId, id);
    const rows = await this.dataSource.query(
      `SELECT s.id, s.legal_name, e.status AS enrollment_status,
              count(m.id) FILTER (WHERE m.status = 'planned')::int AS planned,
              count(m.id) FILTER (WHERE m.status = 'in_progress')::int AS in_progress,
              count(m.id) FILTER (WHERE m.status = 'achieved')::int AS achieved,
              count(m.id) FILTER (WHERE m.status = 'missed')::int AS missed,
              count(m.id) FILTER (WHERE m.status IN ('planned', 'in_progress')
                                 AND m.due_on < (now() AT TIME ZONE o.time_zone)::date)::int AS overdue
       FROM enrollments e
       JOIN startups s ON s.id = e.startup_id
       JOIN organisations o ON o.id = e.organisation_id
       LEFT JOIN milestones m ON m.startup_id = s.id
       WHERE e.cohort_id = $1 AND e.organisation_id = $2 AND e.status IN ('admitted', 'active', 'graduated')
       GROUP BY s.id, s.legal_name, e.status ORDER BY lower(s.legal_name)`,
      [id, organisationId],
    );
    return {
      cohort,
      startups: rows.map((row: Record<string, unknown>) => ({
        startupId: row['id'] as string,
        legalName: row['legal_name'] as string,
        enrollmentStatus: row['enrollment_status'] as CohortBoardResponse['startups'][number]['enrollmentStatus'],
        milestones: {
          planned: row['planned'] as number,
          in_progress: row['in_progress'] as number,
          achieved: row['achieved'] as number,
          missed: row['missed'] as number,
        },
        overdue: row['overdue'] as number,
      })),
    };
  }
}

function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn <= startsOn) {
    throw new BadRequestException({ message: 'A cohort must end after it starts', fields: { endsOn: ['endsOn must be after startsOn (the end is exclusive)'] } });
  }
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictException({ message: 'This program already has a cohort with that name', fields: { name: ['name is already used in this program'] } });
  throw error;
}

function toResponse(row: Record<string, unknown>): CohortResponse {
  return {
    id: row['id'] as string,
    programId: row['program_id'] as string,
    programName: row['program_name'] as string,
    programKind: row['program_kind'] as CohortResponse['programKind'],
    name: row['name'] as string,
    startsOn: row['starts_on'] as string,
    endsOn: row['ends_on'] as string,
    capacity: row['capacity'] as number,
    seated: row['seated'] as number,
  };
}
