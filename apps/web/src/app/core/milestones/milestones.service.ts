import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateMilestoneRequest,
  MilestoneCommentRequest,
  MilestoneCommentResponse,
  MilestoneResponse,
  UpdateMilestoneRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';

/** A startup's milestones and the reviewers' comments on them (a startup member: their own startup). */
@Injectable({ providedIn: 'root' })
export class MilestonesService {
  private readonly http = inject(HttpClient);

  /** By due date, overdue ones flagged. */
  list(startupId: string): Observable<MilestoneResponse[]> {
    return this.http.get<MilestoneResponse[]>(this.base(startupId));
  }

  create(startupId: string, request: CreateMilestoneRequest): Observable<MilestoneResponse> {
    return this.http.post<MilestoneResponse>(this.base(startupId), request);
  }

  update(startupId: string, milestoneId: string, change: UpdateMilestoneRequest): Observable<MilestoneResponse> {
    return this.http.patch<MilestoneResponse>(`${this.base(startupId)}/${encodeURIComponent(milestoneId)}`, change);
  }

  comment(
    startupId: string,
    milestoneId: string,
    request: MilestoneCommentRequest,
  ): Observable<MilestoneCommentResponse> {
    return this.http.post<MilestoneCommentResponse>(
      `${this.base(startupId)}/${encodeURIComponent(milestoneId)}/comments`,
      request,
    );
  }

  private base(startupId: string): string {
    return `/api/startups/${encodeURIComponent(startupId)}/milestones`;
  }
}
