import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateSpacePriceRequest, LeaseResponse, PriceInForceResponse, ProgramKind, SpacePriceResponse, TerminateLeaseRequest } from '@incubator/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../api/to-params';

/** Dated price lists per site × program kind, and ending a lease early. */
@Injectable({ providedIn: 'root' })
export class PriceListService {
  private readonly http = inject(HttpClient);

  /** Every price with its history: by site, program kind, newest first. */
  list(siteId?: string): Observable<SpacePriceResponse[]> {
    return this.http.get<SpacePriceResponse[]>('/api/space/prices', { params: toParams({ siteId }) });
  }

  /** 409 `space.price_date_taken` when the site already has a price for that kind from that date. */
  add(request: CreateSpacePriceRequest): Observable<SpacePriceResponse> {
    return this.http.post<SpacePriceResponse>('/api/space/prices', request);
  }

  /** The list price a lease on the floor, of the kind, starting `on`, would take (null when none). */
  inForce(floorId: string, programKind: ProgramKind, on: string): Observable<PriceInForceResponse> {
    return this.http.get<PriceInForceResponse>('/api/space/prices/in-force', { params: { floorId, programKind, on } });
  }

  /** Ends the lease on `endsOn` (exclusive) with a reason. */
  terminate(leaseId: string, request: TerminateLeaseRequest): Observable<LeaseResponse> {
    return this.http.post<LeaseResponse>(`/api/leases/${encodeURIComponent(leaseId)}/terminate`, request);
  }
}
