import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { LeaseOfficeResponse } from '@incubator/contracts';
import { Observable } from 'rxjs';

/** Where a lease's office is (building, floor, plan): the founder cannot read the floor plans themselves. */
@Injectable({ providedIn: 'root' })
export class LeaseOfficeService {
  private readonly http = inject(HttpClient);

  office(leaseId: string): Observable<LeaseOfficeResponse> {
    return this.http.get<LeaseOfficeResponse>(`/api/leases/${encodeURIComponent(leaseId)}/office`);
  }
}
