import { HttpClient, HttpHeaders, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateKpiDefinitionRequest,
  KpiAggregatesQuery,
  KpiAggregatesResponse,
  KpiDefinitionResponse,
  KpiImportResult,
  KpiReportListQuery,
  KpiReportResponse,
  LateKpiReport,
  PageResponse,
  SaveKpiReportRequest,
  UpdateKpiReportRequest,
} from '@incubator/contracts';
import { EMPTY, expand, map, Observable, reduce } from 'rxjs';
import { toParams } from '../api/to-params';

export type KpiExportFormat = 'csv' | 'xlsx';

/** KPI definitions, the startups' periodic reports, their validation, import and export, and the ecosystem figures. */
@Injectable({ providedIn: 'root' })
export class KpisService {
  private readonly http = inject(HttpClient);

  definitions(): Observable<KpiDefinitionResponse[]> {
    return this.http.get<KpiDefinitionResponse[]>('/api/kpi-definitions');
  }

  createDefinition(request: CreateKpiDefinitionRequest): Observable<KpiDefinitionResponse> {
    return this.http.post<KpiDefinitionResponse>('/api/kpi-definitions', request);
  }

  /** Newest period first. */
  reports(query: KpiReportListQuery): Observable<PageResponse<KpiReportResponse>> {
    return this.http.get<PageResponse<KpiReportResponse>>('/api/kpi-reports', { params: toParams(query) });
  }

  /**
   * Every report of a period, read page by page (the API answers at most 100 a page); stops after
   * `maxPages` so a huge organisation cannot hold the page forever.
   */
  reportsOfPeriod(period: string, maxPages = 20): Observable<KpiReportResponse[]> {
    const limit = 100;
    const page = (offset: number) => this.reports({ period, limit, offset });
    return page(0).pipe(
      expand((answer) =>
        answer.offset + answer.items.length < answer.total && answer.offset / limit + 1 < maxPages && answer.items.length > 0
          ? page(answer.offset + limit)
          : EMPTY,
      ),
      map((answer) => answer.items),
      reduce((all, items) => [...all, ...items], [] as KpiReportResponse[]),
    );
  }

  report(reportId: string): Observable<KpiReportResponse> {
    return this.http.get<KpiReportResponse>(`/api/kpi-reports/${this.segment(reportId)}`);
  }

  /** 409 when the startup already has a report for the period: update that one instead. */
  create(request: SaveKpiReportRequest): Observable<KpiReportResponse> {
    return this.http.post<KpiReportResponse>('/api/kpi-reports', request);
  }

  update(reportId: string, request: UpdateKpiReportRequest): Observable<KpiReportResponse> {
    return this.http.patch<KpiReportResponse>(`/api/kpi-reports/${this.segment(reportId)}`, request);
  }

  validate(reportId: string): Observable<KpiReportResponse> {
    return this.http.post<KpiReportResponse>(`/api/kpi-reports/${this.segment(reportId)}/validate`, {});
  }

  /** Hands the report back to the startup with what to fix. */
  returnReport(reportId: string, comment: string): Observable<KpiReportResponse> {
    return this.http.post<KpiReportResponse>(`/api/kpi-reports/${this.segment(reportId)}/return`, { comment });
  }

  /** Reports of a month (YYYY-MM) that are missing or not submitted after their due date. */
  late(period: string): Observable<LateKpiReport[]> {
    return this.http.get<LateKpiReport[]>('/api/kpi-reports/late', { params: { period } });
  }

  /** The reports of the days [from, to) as a file, fetched with the access token like every export. */
  exportReports(format: KpiExportFormat, from: string, to: string): Observable<HttpResponse<Blob>> {
    return this.http.get('/api/kpi-reports/export', {
      params: { format, from, to },
      responseType: 'blob',
      observe: 'response',
    });
  }

  /**
   * Sends a CSV file's text as is. A dry run only checks it. Bad lines answer 422 with the same
   * result in the error's body (see `importResultOf`); a file over 2 MB answers 413.
   */
  importCsv(csv: string, dryRun: boolean): Observable<KpiImportResult> {
    return this.http.post<KpiImportResult>('/api/kpi-reports/import', csv, {
      params: { dryRun: String(dryRun) },
      headers: new HttpHeaders({ 'Content-Type': 'text/csv' }),
    });
  }

  /** Figures are null when they are suppressed for the caller. */
  aggregates(query: KpiAggregatesQuery): Observable<KpiAggregatesResponse> {
    return this.http.get<KpiAggregatesResponse>('/api/kpi-aggregates', { params: toParams(query) });
  }

  private segment(id: string): string {
    return encodeURIComponent(id);
  }
}
