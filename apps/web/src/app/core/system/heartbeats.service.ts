import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import { HeartbeatRequestedResponse, HeartbeatResponse, PageResponse } from '@incubator/contracts';

/** The platform's heartbeats (API → Redis → worker → PostgreSQL), for the platform operator. */
@Injectable({ providedIn: 'root' })
export class HeartbeatsService {
  private readonly http = inject(HttpClient);

  list(limit = 20): Observable<PageResponse<HeartbeatResponse>> {
    return this.http.get<PageResponse<HeartbeatResponse>>('/api/system/heartbeats', { params: { limit } });
  }

  request(): Observable<HeartbeatRequestedResponse> {
    return this.http.post<HeartbeatRequestedResponse>('/api/system/heartbeats', {});
  }
}
