import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  BoardQuarterResponse,
  QueueCounts,
  ReportKind,
  ReportRunResponse,
  RequestReportRunRequest,
  ScheduleKind,
  ScheduleResponse,
  SetTargetRequest,
  TargetResponse,
  UpdateScheduleRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The board's quarter, report runs and their files, schedules, yearly targets and the job queues. */
@Injectable({ providedIn: 'root' })
export class ReportsService {
  private readonly http = inject(HttpClient);

  boardQuarter(quarter: string): Observable<BoardQuarterResponse> {
    return this.http.get<BoardQuarterResponse>(`/api/board/quarters/${encodeURIComponent(quarter)}`);
  }

  /** Newest first; a board member only gets board packs. */
  runs(kind?: ReportKind): Observable<ReportRunResponse[]> {
    return this.http.get<ReportRunResponse[]>('/api/report-runs', { params: kind ? { kind } : {} });
  }

  run(runId: string): Observable<ReportRunResponse> {
    return this.http.get<ReportRunResponse>(`/api/report-runs/${encodeURIComponent(runId)}`);
  }

  /** Asking again while the period's run is queued or running answers that same run. */
  requestRun(request: RequestReportRunRequest): Observable<ReportRunResponse> {
    return this.http.post<ReportRunResponse>('/api/report-runs', request);
  }

  /** A run's file, fetched with the access token (see fileDownloads). */
  file(runId: string, fileId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/report-runs/${encodeURIComponent(runId)}/files/${encodeURIComponent(fileId)}`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  schedules(): Observable<ScheduleResponse[]> {
    return this.http.get<ScheduleResponse[]>('/api/schedules');
  }

  /** 400 with `fields.cron` when the expression is not a valid cron. */
  updateSchedule(kind: ScheduleKind, request: UpdateScheduleRequest): Observable<ScheduleResponse> {
    return this.http.patch<ScheduleResponse>(`/api/schedules/${encodeURIComponent(kind)}`, request);
  }

  targets(): Observable<TargetResponse[]> {
    return this.http.get<TargetResponse[]>('/api/targets');
  }

  /** Answers every target, the new one included. */
  setTarget(request: SetTargetRequest): Observable<TargetResponse[]> {
    return this.http.put<TargetResponse[]>('/api/targets', request);
  }

  queues(): Observable<QueueCounts[]> {
    return this.http.get<QueueCounts[]>('/api/admin/queues');
  }

  retryJob(queue: string, jobId: string): Observable<void> {
    return this.http.post<void>(
      `/api/admin/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(jobId)}/retry`,
      {},
    );
  }
}
