import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  StartupContactRequest,
  StartupContactResponse,
  StartupImportResult,
  UpdateStartupContactRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the import expects for a chosen file: XLSX by extension or type, CSV otherwise. */
export function importContentType(file: Pick<File, 'name' | 'type'>): string {
  return file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

/** Startups from a CSV/XLSX file, and the contacts on a startup's profile. */
@Injectable({ providedIn: 'root' })
export class StartupImportService {
  private readonly http = inject(HttpClient);

  /** A 422 carries the result with every bad line; 413 when the file is over 2 MB. */
  importFile(file: File, options: { dryRun: boolean; invite: boolean }): Observable<StartupImportResult> {
    return this.http.post<StartupImportResult>('/api/startups/import', file, {
      params: { dryRun: String(options.dryRun), invite: String(options.invite) },
      headers: new HttpHeaders({ 'Content-Type': importContentType(file) }),
    });
  }

  contacts(startupId: string): Observable<StartupContactResponse[]> {
    return this.http.get<StartupContactResponse[]>(`/api/startups/${encodeURIComponent(startupId)}/contacts`);
  }

  createContact(startupId: string, request: StartupContactRequest): Observable<StartupContactResponse> {
    return this.http.post<StartupContactResponse>(`/api/startups/${encodeURIComponent(startupId)}/contacts`, request);
  }

  updateContact(startupId: string, contactId: string, change: UpdateStartupContactRequest): Observable<StartupContactResponse> {
    return this.http.patch<StartupContactResponse>(
      `/api/startups/${encodeURIComponent(startupId)}/contacts/${encodeURIComponent(contactId)}`,
      change,
    );
  }

  deleteContact(startupId: string, contactId: string): Observable<void> {
    return this.http.delete<void>(`/api/startups/${encodeURIComponent(startupId)}/contacts/${encodeURIComponent(contactId)}`);
  }
}
