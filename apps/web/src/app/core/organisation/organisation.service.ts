import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { OrganisationResponse } from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The signed-in user's organisation and its sites (permission `organisation:read`). */
@Injectable({ providedIn: 'root' })
export class OrganisationService {
  private readonly http = inject(HttpClient);

  get(): Observable<OrganisationResponse> {
    return this.http.get<OrganisationResponse>('/api/organisation');
  }
}
