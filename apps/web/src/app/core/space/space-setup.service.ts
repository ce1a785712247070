import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  BuildingResponse,
  CreateFloorRequest,
  CreateSiteRequest,
  FloorGridResponse,
  FloorResponse,
  FloorUpdateResponse,
  SetupBuildingResponse,
  SetupSiteResponse,
  UpdateFloorRequest,
  UpdateSiteRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The space set-up: sites, buildings and floors created, edited and archived; floor grids painted. */
@Injectable({ providedIn: 'root' })
export class SpaceSetupService {
  private readonly http = inject(HttpClient);

  sites(includeArchived = false): Observable<SetupSiteResponse[]> {
    return this.http.get<SetupSiteResponse[]>('/api/space/sites', { params: { includeArchived } });
  }
  createSite(request: CreateSiteRequest): Observable<SetupSiteResponse> {
    return this.http.post<SetupSiteResponse>('/api/space/sites', request);
  }
  updateSite(id: string, request: UpdateSiteRequest): Observable<SetupSiteResponse> {
    return this.http.patch<SetupSiteResponse>(`/api/space/sites/${id}`, request);
  }
  archiveSite(id: string, archived: boolean): Observable<SetupSiteResponse> {
    return this.http.post<SetupSiteResponse>(`/api/space/sites/${id}/${archived ? 'archive' : 'restore'}`, {});
  }
  buildings(siteId: string): Observable<SetupBuildingResponse[]> {
    return this.http.get<SetupBuildingResponse[]>('/api/space/setup/buildings', { params: { siteId } });
  }
  createBuilding(siteId: string, name: string): Observable<BuildingResponse> {
    return this.http.post<BuildingResponse>('/api/space/buildings', { siteId, name });
  }
  renameBuilding(id: string, name: string): Observable<SetupBuildingResponse> {
    return this.http.patch<SetupBuildingResponse>(`/api/space/buildings/${id}`, { name });
  }
  archiveBuilding(id: string): Observable<SetupBuildingResponse> {
    return this.http.post<SetupBuildingResponse>(`/api/space/buildings/${id}/archive`, {});
  }
  floors(buildingId: string): Observable<FloorResponse[]> {
    return this.http.get<FloorResponse[]>('/api/space/floors', { params: { buildingId } });
  }
  createFloor(request: CreateFloorRequest): Observable<FloorResponse> {
    return this.http.post<FloorResponse>('/api/space/floors', request);
  }
  grid(floorId: string): Observable<FloorGridResponse> {
    return this.http.get<FloorGridResponse>(`/api/space/floors/${floorId}/grid`);
  }
  saveGrid(floorId: string, request: UpdateFloorRequest): Observable<FloorUpdateResponse> {
    return this.http.put<FloorUpdateResponse>(`/api/space/floors/${floorId}/grid`, request);
  }
  archiveFloor(floorId: string): Observable<void> {
    return this.http.post<void>(`/api/space/floors/${floorId}/archive`, {});
  }
}
