import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { StartupRepository } from '@incubator/api/startups';
import {
  canTransition,
  ENROLLMENT_TRANSITIONS,
  SEATED_STATUSES,
  type CreateEnrollmentRequest,
  type EnrollmentResponse,
  type EnrollmentStatus,
} from '@incubator/contracts';
import { isUniqueViolation } from '@incubator/api/sql';
import { EnrollmentRepository } from './enrollment.repository';
import { ProgramErrors } from './program.errors';

/**
 * A startup's way through a cohort: applied → admitted → active → graduated, or withdrawn. Every move
 * is checked against ENROLLMENT_TRANSITIONS, against the cohort's capacity for seated statuses (under a
 * lock on the cohort, so two admissions can't both take the last seat), recorded in the history and audited.
 */
@Injectable()
export class EnrollmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrollments: EnrollmentRepository,
    private readonly startups: StartupRepository,
    private readonly audit: AuditService,
  ) {}

  list(caller: Caller, filter: { cohortId?: string; startupId?: string }): Promise<EnrollmentResponse[]> {
    const startupId = caller.role === 'startup' ? caller.startupId : filter.startupId;
    return this.enrollments.list(caller.organisationId, { cohortId: filter.cohortId ?? null, startupId: startupId ?? null });
  }

  /** A startup applies to a cohort (status `applied`: no seat taken yet). */
  async create(caller: Caller, request: CreateEnrollmentRequest): Promise<EnrollmentResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.enrollments.cohortExists(caller.organisationId, request.cohortId, manager))) throw ProgramErrors.cohort_unknown();
      if (await this.enrollments.cohortArchived(caller.organisationId, request.cohortId, manager)) throw ProgramErrors.cohort_archived();
      if (!(await this.startups.exists(caller.organisationId, request.startupId, manager))) throw ProgramErrors.startup_unknown();
      const id = await this.enrollments.insert(manager, caller.organisationId, request.cohortId, request.startupId).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw ProgramErrors.already_enrolled();
        throw error;
      });
      await this.record(manager, caller, id, null, 'applied', null);
      return id;
    });
    return this.get(caller.organisationId, id);
  }

  async transition(caller: Caller, id: string, to: EnrollmentStatus, note?: string): Promise<EnrollmentResponse> {
    await this.dataSource.transaction(async (manager) => {
      const cohortId = await this.enrollments.cohortOf(manager, caller.organisationId, id);
      if (!cohortId) throw ProgramErrors.enrollment_not_found();
      const cohort = await this.enrollments.lockCohort(manager, cohortId);
      const from = await this.enrollments.status(manager, id);
      if (!canTransition(from, to)) {
        const allowed = ENROLLMENT_TRANSITIONS[from];
        throw allowed.length ? ProgramErrors.transition_refused({ from, to, allowed: allowed.join(', ') }) : ProgramErrors.enrollment_final({ from, to });
      }
      if (SEATED_STATUSES.includes(to) && !SEATED_STATUSES.includes(from)) {
        const seated = await this.enrollments.seated(manager, cohortId);
        if (seated >= cohort.capacity) throw ProgramErrors.cohort_full({ cohortName: cohort.name, seated, capacity: cohort.capacity });
      }
      await this.enrollments.setStatus(manager, id, to);
      await this.record(manager, caller, id, from, to, note ?? null);
    });
    return this.get(caller.organisationId, id);
  }

  private async get(organisationId: string, id: string): Promise<EnrollmentResponse> {
    const enrollment = await this.enrollments.find(organisationId, id);
    if (!enrollment) throw ProgramErrors.enrollment_not_found();
    return enrollment;
  }

  private async record(manager: EntityManager, caller: Caller, id: string, from: EnrollmentStatus | null, to: EnrollmentStatus, note: string | null) {
    await this.enrollments.addEvent(manager, { enrollmentId: id, from, to, changedBy: caller.userId, note });
    await this.audit.recordBy(manager, caller, {
      action: from ? 'enrollment.transitioned' : 'enrollment.created',
      entityType: 'enrollment',
      entityId: id,
      before: from ? { status: from } : null,
      after: { status: to, note },
    });
  }
}
