import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { LogoContentType, OrganisationSettings, UpdateOrganisationSettingsRequest } from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The organisation's legal identity, settings and logo (permission `organisation:manage`). */
@Injectable({ providedIn: 'root' })
export class OrganisationSettingsService {
  private readonly http = inject(HttpClient);

  get(): Observable<OrganisationSettings> {
    return this.http.get<OrganisationSettings>('/api/organisation/settings');
  }

  update(request: UpdateOrganisationSettingsRequest): Observable<OrganisationSettings> {
    return this.http.put<OrganisationSettings>('/api/organisation/settings', request);
  }

  logo(): Observable<Blob> {
    return this.http.get('/api/organisation/logo', { responseType: 'blob' });
  }

  uploadLogo(contentType: LogoContentType, data: string): Observable<void> {
    return this.http.put<void>('/api/organisation/logo', { contentType, data });
  }

  deleteLogo(): Observable<void> {
    return this.http.delete<void>('/api/organisation/logo');
  }
}
