import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateOrganisationRequest, InvitationResponse, InviteOrganisationAdminRequest, OperatorOrganisation } from '@incubator/contracts';
import { Observable } from 'rxjs';

export interface CreatedOrganisation {
  organisation: OperatorOrganisation;
  invitation: InvitationResponse;
}

/** The platform operator's organisations (permission `system:operate`). */
@Injectable({ providedIn: 'root' })
export class OperatorOrganisationsService {
  private readonly http = inject(HttpClient);

  list(): Observable<OperatorOrganisation[]> {
    return this.http.get<OperatorOrganisation[]>('/api/operator/organisations');
  }

  create(request: CreateOrganisationRequest): Observable<CreatedOrganisation> {
    return this.http.post<CreatedOrganisation>('/api/operator/organisations', request);
  }

  inviteAdmin(organisationId: string, request: InviteOrganisationAdminRequest): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`/api/operator/organisations/${organisationId}/invitations`, request);
  }

  suspend(organisationId: string): Observable<OperatorOrganisation> {
    return this.http.post<OperatorOrganisation>(`/api/operator/organisations/${organisationId}/suspend`, {});
  }

  reactivate(organisationId: string): Observable<OperatorOrganisation> {
    return this.http.post<OperatorOrganisation>(`/api/operator/organisations/${organisationId}/reactivate`, {});
  }
}
