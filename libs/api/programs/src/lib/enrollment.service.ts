import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import {
  canTransition,
  ENROLLMENT_TRANSITIONS,
  SEATED_STATUSES,
  type CreateEnrollmentRequest,
  type EnrollmentResponse,
  type EnrollmentStatus,
} from '@incubator/contracts';
import { isUniqueViolation } from '@incubator/api/sql';

const SELECT = `
  SELECT e.*, c.name AS cohort_name, p.name AS program_name, s.legal_name AS startup_name,
         coalesce((SELECT json_agg(json_build_object('from', ev.from_status, 'to', ev.to_status, 'at', ev.created_at,
                                                     'by', u.display_name, 'note', ev.note) ORDER BY ev.created_at, ev.id)
                   FROM enrollment_events ev LEFT JOIN users u ON u.id = ev.changed_by WHERE ev.enrollment_id = e.id), '[]') AS history
  FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id JOIN startups s ON s.id = e.startup_id`;

/**
 * A startup's way through a cohort: applied → admitted → active → graduated, or withdrawn. Every move
 * is checked against ENROLLMENT_TRANSITIONS, against the cohort's capacity for seated statuses (under a
 * lock on the cohort, so two admissions can't both take the last seat), recorded in the history and audited.
 */
@Injectable()
export class EnrollmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, filter: { cohortId?: string; startupId?: string }): Promise<EnrollmentResponse[]> {
    const startupId = caller.role === 'startup' ? caller.startupId : filter.startupId;
    const rows = await this.dataSource.query(
      `${SELECT} WHERE e.organisation_id = $1 AND ($2::uuid IS NULL OR e.cohort_id = $2) AND ($3::uuid IS NULL OR e.startup_id = $3)
       ORDER BY e.created_at DESC`,
      [caller.organisationId, filter.cohortId ?? null, startupId ?? null],
    );
    return rows.map(toResponse);
  }

  /** A startup applies to a cohort (status `applied`: no seat taken yet). */
  async create(caller: Caller, request: CreateEnrollmentRequest): Promise<EnrollmentResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [cohort] = await manager.query('SELECT 1 FROM cohorts WHERE id = $1 AND organisation_id = $2', [request.cohortId, caller.organisationId]);
      if (!cohort) throw new NotFoundException('No such cohort in this organisation');
      const [startup] = await manager.query('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [request.startupId, caller.organisationId]);
      if (!startup) throw new NotFoundException('No such startup in this organisation');
      const [row] = await manager
        .query(`INSERT INTO enrollments (organisation_id, cohort_id, startup_id, status) VALUES ($1, $2, $3, 'applied') RETURNING id`, [
          caller.organisationId,
          request.cohortId,
          request.startupId,
        ])
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictException('This startup is already enrolled in this cohort');
          throw error;
        });
      await this.record(manager, caller, row.id, null, 'applied', null);
      return row.id as string;
    });
    return this.get(caller.organisationId, id);
  }

  async transition(caller: Caller, id: string, to: EnrollmentStatus, note?: string): Promise<EnrollmentResponse> {
    await this.dataSource.transaction(async (manager) => {
      const [enrollment] = await manager.query('SELECT * FROM enrollments WHERE id = $1 AND organisation_id = $2', [id, caller.organisationId]);
      if (!enrollment) throw new NotFoundException('No such enrollment');
      // The cohort row is the lock that serialises seat-taking moves in this cohort.
      const [cohort] = await manager.query('SELECT capacity FROM cohorts WHERE id = $1 FOR UPDATE', [enrollment.cohort_id]);
      const [current] = await manager.query('SELECT status FROM enrollments WHERE id = $1', [id]);
      const from = current.status as EnrollmentStatus;
      if (!canTransition(from, to)) {
        const allowed = ENROLLMENT_TRANSITIONS[from];
        throw new UnprocessableEntityException({
          message: `An enrollment cannot go from ${from} to ${to}`,
          fields: { status: [allowed.length ? `from ${from}, status must be one of: ${allowed.join(', ')}` : `${from} is final`] },
        });
      }
      if (SEATED_STATUSES.includes(to) && !SEATED_STATUSES.includes(from)) {
        const [{ seated }] = await manager.query(
          `SELECT count(*)::int AS seated FROM enrollments WHERE cohort_id = $1 AND status IN ('admitted', 'active', 'graduated')`,
          [enrollment.cohort_id],
        );
        if (seated >= cohort.capacity) throw new ConflictException(`The cohort is full (${seated} of ${cohort.capacity} seats taken)`);
      }
      await manager.query('UPDATE enrollments SET status = $2, updated_at = now() WHERE id = $1', [id, to]);
      await this.record(manager, caller, id, from, to, note ?? null);
    });
    return this.get(caller.organisationId, id);
  }

  private async get(organisationId: string, id: string): Promise<EnrollmentResponse> {
    const [row] = await this.dataSource.query(`${SELECT} WHERE e.id = $1 AND e.organisation_id = $2`, [id, organisationId]);
    if (!row) throw new NotFoundException('No such enrollment');
    return toResponse(row);
  }

  private async record(manager: EntityManager, caller: Caller, id: string, from: EnrollmentStatus | null, to: EnrollmentStatus, note: string | null) {
    await manager.query('INSERT INTO enrollment_events (enrollment_id, from_status, to_status, changed_by, note) VALUES ($1, $2, $3, $4, $5)', [
      id,
      from,
      to,
      caller.userId,
      note,
    ]);
    await this.audit.recordBy(manager, caller, {
      action: from ? 'enrollment.transitioned' : 'enrollment.created',
      entityType: 'enrollment',
      entityId: id,
      before: from ? { status: from } : null,
      after: { status: to, note },
    });
  }
}

function toResponse(row: Record<string, unknown>): EnrollmentResponse {
  return {
    id: row['id'] as string,
    cohortId: row['cohort_id'] as string,
    cohortName: row['cohort_name'] as string,
    programName: row['program_name'] as string,
    startupId: row['startup_id'] as string,
    startupName: row['startup_name'] as string,
    status: row['status'] as EnrollmentStatus,
    history: (row['history'] as EnrollmentResponse['history']).map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
  };
}
