import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import {
  CreateStartupRequest,
  PageResponse,
  StartupListQuery,
  StartupResponse,
  StartupSummary,
  UpdateStartupRequest,
} from '@incubator/contracts';
import { Observable, tap } from 'rxjs';
import { toParams } from '../api/to-params';

export interface StartupQuery extends StartupListQuery {
  limit: number;
  offset: number;
}

export type ExportFormat = 'csv' | 'xlsx';

/** The filters of the list, without paging: an export takes every page. */
export type StartupExportQuery = Omit<StartupListQuery, 'limit' | 'offset'>;

/** Startups' profiles (a startup member: their own only). */
@Injectable({ providedIn: 'root' })
export class StartupsService {
  private readonly http = inject(HttpClient);
  private readonly known = signal<ReadonlyMap<string, string>>(new Map());

  /** Legal names of the startups listed so far in this session, by id. */
  readonly names = this.known.asReadonly();

  /** `q` matches the legal name; the enrollment filters match any of the startup's enrollments. */
  list(query: StartupQuery): Observable<PageResponse<StartupResponse>> {
    return this.http
      .get<PageResponse<StartupResponse>>('/api/startups', { params: toParams(query) })
      .pipe(tap((page) => this.remember(page.items)));
  }

  get(startupId: string): Observable<StartupResponse> {
    return this.http.get<StartupResponse>(`/api/startups/${encodeURIComponent(startupId)}`);
  }

  /** 400 at `siren` when it is invalid, 409 at `siren` when another startup has it. */
  create(request: CreateStartupRequest): Observable<StartupResponse> {
    return this.http.post<StartupResponse>('/api/startups', request);
  }

  update(startupId: string, change: UpdateStartupRequest): Observable<StartupResponse> {
    return this.http.patch<StartupResponse>(`/api/startups/${encodeURIComponent(startupId)}`, change);
  }

  /**
   * The whole filtered list as a file. Fetched here rather than by a plain link, so that the request
   * carries the access token; the response keeps its headers for the file name.
   */
  export(format: ExportFormat, query: StartupExportQuery): Observable<HttpResponse<Blob>> {
    return this.http.get('/api/startups/export', {
      params: toParams({ ...query, format }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  private remember(startups: StartupSummary[]): void {
    if (startups.some((startup) => this.known().get(startup.id) !== startup.legalName)) {
      this.known.update((names) => new Map([...names, ...startups.map((s) => [s.id, s.legalName] as const)]));
    }
  }
}
