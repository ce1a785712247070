import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  BuildingResponse,
  CreateBuildingRequest,
  CreateFloorRequest,
  CreateLeaseRequest,
  CreateWaitlistRequest,
  FloorPlanResponse,
  FloorResponse,
  LeaseResponse,
  OccupancyResponse,
  ProposalRequest,
  ProposalResponse,
  RentRollResponse,
  ResizeLeaseRequest,
  WaitlistEntryResponse,
} from '@incubator/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../api/to-params';

export type SpaceExportFormat = 'csv' | 'xlsx';

/** Buildings, floors and their plans, office proposals, leases, occupancy and rent roll. */
@Injectable({ providedIn: 'root' })
export class SpaceService {
  private readonly http = inject(HttpClient);

  buildings(siteId: string): Observable<BuildingResponse[]> {
    return this.http.get<BuildingResponse[]>('/api/space/buildings', { params: { siteId } });
  }

  createBuilding(request: CreateBuildingRequest): Observable<BuildingResponse> {
    return this.http.post<BuildingResponse>('/api/space/buildings', request);
  }

  floors(buildingId: string): Observable<FloorResponse[]> {
    return this.http.get<FloorResponse[]>('/api/space/floors', { params: { buildingId } });
  }

  /** 400 at `fields.layout` when the layout cannot be read. */
  createFloor(request: CreateFloorRequest): Observable<FloorResponse> {
    return this.http.post<FloorResponse>('/api/space/floors', request);
  }

  plan(floorId: string, on: string): Observable<FloorPlanResponse> {
    return this.http.get<FloorPlanResponse>(`/api/space/floors/${encodeURIComponent(floorId)}/plan`, {
      params: { on },
    });
  }

  /** Ranked, best first. */
  propose(request: ProposalRequest): Observable<ProposalResponse[]> {
    return this.http.post<ProposalResponse[]>('/api/space/proposals', request);
  }

  /** 409 `{message, conflictingLeaseId}` when a module is already taken. */
  createLease(request: CreateLeaseRequest): Observable<LeaseResponse> {
    return this.http.post<LeaseResponse>('/api/leases', request);
  }

  /** A new version of the lease from `effectiveOn`. */
  resize(leaseId: string, request: ResizeLeaseRequest): Observable<LeaseResponse> {
    return this.http.post<LeaseResponse>(`/api/leases/${encodeURIComponent(leaseId)}/resize`, request);
  }

  /** Every version; a startup member sees their own startup's only. */
  leases(startupId?: string): Observable<LeaseResponse[]> {
    return this.http.get<LeaseResponse[]>('/api/leases', { params: toParams({ startupId }) });
  }

  occupancy(on: string, siteId?: string): Observable<OccupancyResponse> {
    return this.http.get<OccupancyResponse>('/api/space/occupancy', { params: toParams({ on, siteId }) });
  }

  rentRoll(month: string): Observable<RentRollResponse> {
    return this.http.get<RentRollResponse>('/api/space/rent-roll', { params: { month } });
  }

  /**
   * The occupancy of a day as a file. Fetched here rather than by a plain link, so that the request
   * carries the access token; the response keeps its headers for the file name.
   */
  occupancyExport(on: string, format: SpaceExportFormat): Observable<HttpResponse<Blob>> {
    return this.http.get('/api/space/occupancy/export', {
      params: { on, format },
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** The rent roll of a month (YYYY-MM) as a file, like `occupancyExport`. */
  rentRollExport(month: string, format: SpaceExportFormat): Observable<HttpResponse<Blob>> {
    return this.http.get('/api/space/rent-roll/export', {
      params: { month, format },
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** Waiting requests first, in line order, then the others. */
  waitlist(): Observable<WaitlistEntryResponse[]> {
    return this.http.get<WaitlistEntryResponse[]>('/api/waitlist');
  }

  joinWaitlist(request: CreateWaitlistRequest): Observable<WaitlistEntryResponse> {
    return this.http.post<WaitlistEntryResponse>('/api/waitlist', request);
  }

  /** Takes a waiting or offered request off the list; 409 once it is closed. */
  cancelWaitlist(requestId: string): Observable<WaitlistEntryResponse> {
    return this.http.post<WaitlistEntryResponse>(`/api/waitlist/${encodeURIComponent(requestId)}/cancel`, {});
  }

  /** Answers a waiting or offered request with this lease for its startup: the request is accepted with it (409 once closed). */
  fulfilWaitlist(requestId: string, lease: CreateLeaseRequest): Observable<LeaseResponse> {
    return this.http.post<LeaseResponse>(`/api/waitlist/${encodeURIComponent(requestId)}/lease`, lease);
  }

  /** Turns an open offer into a lease (the page reads the list again); 409 when a module was taken since, 410 once the offer lapsed. */
  acceptOffer(offerId: string): Observable<unknown> {
    return this.http.post(`/api/waitlist/offers/${encodeURIComponent(offerId)}/accept`, {});
  }
}
