import { HttpClient, HttpContext, HttpHeaders, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  APPLICATION_FILE_TYPE,
  APPLICATION_SESSION_HEADER,
  ApplicationDetailResponse,
  ApplicationDraftResponse,
  ApplicationFileResponse,
  ApplicationListQuery,
  ApplicationSummaryResponse,
  AssignmentResultResponse,
  CallResponse,
  CallReviewerResponse,
  CallStatus,
  CallSummaryResponse,
  ChangeApplicationStatusRequest,
  CreateCallRequest,
  DecideApplicationRequest,
  DeclareConflictRequest,
  DraftSessionResponse,
  FunnelResponse,
  Locale,
  PublicCallResponse,
  ResumeApplicationRequest,
  ReviewApplicationResponse,
  ReviewAssignmentResponse,
  ReviewerCandidateResponse,
  SaveDraftRequest,
  SaveReviewRequest,
  SetCallReviewersRequest,
  StartApplicationRequest,
  StartApplicationResponse,
  UpdateCallRequest,
} from '@incubator/contracts';
import { Observable, tap } from 'rxjs';
import { SKIP_LOGIN_REDIRECT } from '../auth/api-request';
import { toParams } from '../api/to-params';
import { DraftSessionStore } from './draft-session.store';

export interface CallListQuery {
  cohortId?: string | null;
  programId?: string | null;
  status?: CallStatus | null;
}

const id = encodeURIComponent;

/**
 * Calls for applications (issue 19), in three parts: the managers' calls, pipeline and decisions;
 * the reviewers' assigned applications and scores; the public application form, whose draft is
 * reached with the session a magic link gives (sent as X-Application-Session, never as the
 * member's Authorization).
 */
@Injectable({ providedIn: 'root' })
export class ApplicationsService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(DraftSessionStore);

  // ── Calls (managers) ────────────────────────────────────────────────────────────────────────
  listCalls(query: CallListQuery = {}): Observable<CallSummaryResponse[]> {
    return this.http.get<CallSummaryResponse[]>('/api/calls', { params: toParams(query) });
  }

  getCall(callId: string): Observable<CallResponse> {
    return this.http.get<CallResponse>(`/api/calls/${id(callId)}`);
  }

  createCall(request: CreateCallRequest): Observable<CallResponse> {
    return this.http.post<CallResponse>('/api/calls', request);
  }

  /** Questions and criteria are replaced whole; refused once an application is submitted. */
  updateCall(callId: string, change: UpdateCallRequest): Observable<CallResponse> {
    return this.http.patch<CallResponse>(`/api/calls/${id(callId)}`, change);
  }

  deleteCall(callId: string): Observable<void> {
    return this.http.delete<void>(`/api/calls/${id(callId)}`);
  }

  /** Opening needs at least one criterion. */
  setCallOpen(callId: string, open: boolean): Observable<CallResponse> {
    return this.http.post<CallResponse>(`/api/calls/${id(callId)}/${open ? 'open' : 'close'}`, {});
  }

  listReviewers(callId: string): Observable<CallReviewerResponse[]> {
    return this.http.get<CallReviewerResponse[]>(`/api/calls/${id(callId)}/reviewers`);
  }

  reviewerCandidates(callId: string): Observable<ReviewerCandidateResponse[]> {
    return this.http.get<ReviewerCandidateResponse[]>(`/api/calls/${id(callId)}/reviewer-candidates`);
  }

  setReviewers(callId: string, request: SetCallReviewersRequest): Observable<CallReviewerResponse[]> {
    return this.http.put<CallReviewerResponse[]>(`/api/calls/${id(callId)}/reviewers`, request);
  }

  /** Assigns the submitted applications that have no reviewer yet, per the call's mode. */
  assign(callId: string): Observable<AssignmentResultResponse> {
    return this.http.post<AssignmentResultResponse>(`/api/calls/${id(callId)}/assign`, {});
  }

  listApplications(callId: string, query: ApplicationListQuery = {}): Observable<ApplicationSummaryResponse[]> {
    return this.http.get<ApplicationSummaryResponse[]>(`/api/calls/${id(callId)}/applications`, {
      params: toParams({ ...query, disagreement: query.disagreement ? true : null }),
    });
  }

  exportApplications(
    callId: string,
    format: 'csv' | 'xlsx',
    query: Pick<ApplicationListQuery, 'status' | 'q'> = {},
  ): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/calls/${id(callId)}/applications/export`, {
      params: toParams({ format, ...query }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  callFunnel(callId: string): Observable<FunnelResponse> {
    return this.http.get<FunnelResponse>(`/api/calls/${id(callId)}/funnel`);
  }

  cohortFunnel(cohortId: string): Observable<FunnelResponse> {
    return this.http.get<FunnelResponse>(`/api/cohorts/${id(cohortId)}/application-funnel`);
  }

  // ── Applications (managers) ─────────────────────────────────────────────────────────────────
  getApplication(applicationId: string): Observable<ApplicationDetailResponse> {
    return this.http.get<ApplicationDetailResponse>(`/api/applications/${id(applicationId)}`);
  }

  applicationFile(applicationId: string, questionId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/applications/${id(applicationId)}/files/${id(questionId)}`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  changeStatus(applicationId: string, request: ChangeApplicationStatusRequest): Observable<ApplicationDetailResponse> {
    return this.http.post<ApplicationDetailResponse>(`/api/applications/${id(applicationId)}/status`, request);
  }

  decide(applicationId: string, request: DecideApplicationRequest): Observable<ApplicationDetailResponse> {
    return this.http.post<ApplicationDetailResponse>(`/api/applications/${id(applicationId)}/decision`, request);
  }

  // ── Reviews (reviewers) ─────────────────────────────────────────────────────────────────────
  myReviews(): Observable<ReviewAssignmentResponse[]> {
    return this.http.get<ReviewAssignmentResponse[]>('/api/reviews');
  }

  /** Blind: `otherReviews` is null until my own review is submitted. */
  getReview(applicationId: string): Observable<ReviewApplicationResponse> {
    return this.http.get<ReviewApplicationResponse>(`/api/reviews/${id(applicationId)}`);
  }

  reviewFile(applicationId: string, questionId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/reviews/${id(applicationId)}/files/${id(questionId)}`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  saveReview(applicationId: string, request: SaveReviewRequest): Observable<ReviewApplicationResponse> {
    return this.http.put<ReviewApplicationResponse>(`/api/reviews/${id(applicationId)}`, request);
  }

  submitReview(applicationId: string, request: SaveReviewRequest): Observable<ReviewApplicationResponse> {
    return this.http.post<ReviewApplicationResponse>(`/api/reviews/${id(applicationId)}/submit`, request);
  }

  declareConflict(applicationId: string, request: DeclareConflictRequest): Observable<void> {
    return this.http.post<void>(`/api/reviews/${id(applicationId)}/conflict`, request);
  }

  // ── Public form (no account) ────────────────────────────────────────────────────────────────
  publicCall(organisationSlug: string, callSlug: string, lang: Locale): Observable<PublicCallResponse> {
    return this.http.get<PublicCallResponse>(`/api/public/calls/${id(organisationSlug)}/${id(callSlug)}`, {
      params: toParams({ lang }),
      context: publicContext(),
    });
  }

  /** Mails a magic link; 409 application.duplicate_email / duplicate_siren / call_not_open. */
  startApplication(
    organisationSlug: string,
    callSlug: string,
    request: StartApplicationRequest,
  ): Observable<StartApplicationResponse> {
    return this.http.post<StartApplicationResponse>(
      `/api/public/calls/${id(organisationSlug)}/${id(callSlug)}/applications`,
      request,
      { context: publicContext() },
    );
  }

  /** Mails a new link to the draft of that e-mail, if there is one; the answer is the same either way. */
  resumeApplication(organisationSlug: string, callSlug: string, request: ResumeApplicationRequest): Observable<unknown> {
    return this.http.post(`/api/public/calls/${id(organisationSlug)}/${id(callSlug)}/resume`, request, {
      context: publicContext(),
    });
  }

  /** Trades the single-use token of the mailed link for a draft session, kept for this tab. */
  openSession(token: string): Observable<DraftSessionResponse> {
    return this.http
      .post<DraftSessionResponse>('/api/public/applications/session', { token }, { context: publicContext() })
      .pipe(tap((session) => this.session.save(session)));
  }

  getDraft(): Observable<ApplicationDraftResponse> {
    return this.http.get<ApplicationDraftResponse>('/api/public/applications/draft', this.draftOptions());
  }

  saveDraft(request: SaveDraftRequest): Observable<ApplicationDraftResponse> {
    return this.http.put<ApplicationDraftResponse>('/api/public/applications/draft', request, this.draftOptions());
  }

  /** The raw PDF as the body; the API answers 413 above 10 MB and 415 when it is no PDF. */
  uploadFile(questionId: string, file: File): Observable<ApplicationFileResponse> {
    const options = this.draftOptions();
    return this.http.post<ApplicationFileResponse>(`/api/public/applications/draft/upload/${id(questionId)}`, file, {
      ...options,
      headers: options.headers
        .set('Content-Type', APPLICATION_FILE_TYPE)
        // Header values are Latin-1: the name travels percent-encoded.
        .set('X-File-Name', encodeURIComponent(file.name)),
    });
  }

  deleteFile(questionId: string): Observable<void> {
    return this.http.delete<void>(`/api/public/applications/draft/upload/${id(questionId)}`, this.draftOptions());
  }

  submitDraft(): Observable<ApplicationDraftResponse> {
    return this.http.post<ApplicationDraftResponse>('/api/public/applications/draft/submit', {}, this.draftOptions());
  }

  private draftOptions(): { headers: HttpHeaders; context: HttpContext } {
    const draftSession = this.session.current()?.draftSession ?? '';
    return { headers: new HttpHeaders({ [APPLICATION_SESSION_HEADER]: draftSession }), context: publicContext() };
  }
}

/** An applicant has no account: a 401 means the draft session expired, not "go to the login page". */
function publicContext(): HttpContext {
  return new HttpContext().set(SKIP_LOGIN_REDIRECT, true);
}
