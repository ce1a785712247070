import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CohortBoardResponse,
  CohortResponse,
  CreateCohortRequest,
  CreateEnrollmentRequest,
  CreateProgramRequest,
  EnrollmentResponse,
  ProgramResponse,
  TransitionEnrollmentRequest,
  UpdateCohortRequest,
  UpdateProgramRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../api/to-params';

export interface EnrollmentQuery {
  cohortId?: string;
  startupId?: string;
}

/**
 * Programs, their cohorts and the enrollments of startups in them. Cohort dates are calendar days and
 * the end is exclusive: a cohort runs over [startsOn, endsOn) (see cohort-dates.ts for the last day).
 */
@Injectable({ providedIn: 'root' })
export class ProgramsService {
  private readonly http = inject(HttpClient);

  /** Archived programs only with `includeArchived`. */
  listPrograms(siteId?: string | null, includeArchived = false): Observable<ProgramResponse[]> {
    return this.http.get<ProgramResponse[]>('/api/programs', { params: toParams({ siteId, includeArchived: includeArchived || null }) });
  }

  /** 409 (at `name`) when the site already has a program of that name. */
  updateProgram(programId: string, change: UpdateProgramRequest): Observable<ProgramResponse> {
    return this.http.patch<ProgramResponse>(`/api/programs/${encodeURIComponent(programId)}`, change);
  }

  /** Archives (or, with `archived` false, restores) a program: it leaves the lists, its history stays. */
  setProgramArchived(programId: string, archived: boolean): Observable<ProgramResponse> {
    return this.http.post<ProgramResponse>(`/api/programs/${encodeURIComponent(programId)}/${archived ? 'archive' : 'restore'}`, {});
  }

  /** Archives (or restores) a cohort: it leaves the lists and takes no new application; its enrollments stay. */
  setCohortArchived(cohortId: string, archived: boolean): Observable<CohortResponse> {
    return this.http.post<CohortResponse>(`/api/cohorts/${encodeURIComponent(cohortId)}/${archived ? 'archive' : 'restore'}`, {});
  }

  /** 409 (at `name`) when the site already has a program of that name. */
  createProgram(request: CreateProgramRequest): Observable<ProgramResponse> {
    return this.http.post<ProgramResponse>('/api/programs', request);
  }

  /** Newest first; every cohort of the organisation without a program. */
  listCohorts(programId?: string | null, includeArchived = false): Observable<CohortResponse[]> {
    return this.http.get<CohortResponse[]>('/api/cohorts', { params: toParams({ programId, includeArchived: includeArchived || null }) });
  }

  /** 400 (at `endsOn`) when it does not end after it starts. */
  createCohort(request: CreateCohortRequest): Observable<CohortResponse> {
    return this.http.post<CohortResponse>('/api/cohorts', request);
  }

  /** 409 (at `capacity`) when the capacity would be below the seats taken. */
  updateCohort(cohortId: string, change: UpdateCohortRequest): Observable<CohortResponse> {
    return this.http.patch<CohortResponse>(`/api/cohorts/${encodeURIComponent(cohortId)}`, change);
  }

  cohortBoard(cohortId: string): Observable<CohortBoardResponse> {
    return this.http.get<CohortBoardResponse>(`/api/cohorts/${encodeURIComponent(cohortId)}/board`);
  }

  /** With their status history; newest first. */
  listEnrollments(query: EnrollmentQuery): Observable<EnrollmentResponse[]> {
    return this.http.get<EnrollmentResponse[]>('/api/enrollments', { params: toParams(query) });
  }

  /** The enrollment starts as `applied`; 409 when the startup is already in the cohort. */
  enroll(request: CreateEnrollmentRequest): Observable<EnrollmentResponse> {
    return this.http.post<EnrollmentResponse>('/api/enrollments', request);
  }

  /** 422 (at `status`) for a move ENROLLMENT_TRANSITIONS forbids, 409 when the cohort is full. */
  transition(enrollmentId: string, request: TransitionEnrollmentRequest): Observable<EnrollmentResponse> {
    return this.http.post<EnrollmentResponse>(
      `/api/enrollments/${encodeURIComponent(enrollmentId)}/transitions`,
      request,
    );
  }
}
