import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { PageResponse, StartupSummary } from '@incubator/contracts';
import { Observable, tap } from 'rxjs';
import { toParams } from '../api/to-params';

export interface StartupQuery {
  limit: number;
  offset: number;
  /** Matches the legal name. */
  q?: string;
}

@Injectable({ providedIn: 'root' })
export class StartupsService {
  private readonly http = inject(HttpClient);
  private readonly known = signal<ReadonlyMap<string, string>>(new Map());

  /** Legal names of the startups listed so far in this session, by id. */
  readonly names = this.known.asReadonly();

  list(query: StartupQuery): Observable<PageResponse<StartupSummary>> {
    return this.http
      .get<PageResponse<StartupSummary>>('/api/startups', { params: toParams(query) })
      .pipe(tap((page) => this.remember(page.items)));
  }

  private remember(startups: StartupSummary[]): void {
    if (startups.some((startup) => this.known().get(startup.id) !== startup.legalName)) {
      this.known.update((names) => new Map([...names, ...startups.map((s) => [s.id, s.legalName] as const)]));
    }
  }
}
