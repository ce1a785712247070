/** Setting up a park's space: sites, buildings and floors edited and archived, floor plans painted on a grid. */

export const SITE_KINDS = ['campus', 'business_centre', 'other'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export interface SetupSiteResponse {
  id: string;
  slug: string;
  name: string;
  address: string | null;
  city: string;
  kind: SiteKind;
  /** When it left the lists (ISO timestamp); its leases, programs and prices still point at it. */
  archivedAt: string | null;
}

export interface CreateSiteRequest {
  name: string;
  address?: string | null;
  city: string;
  kind: SiteKind;
}

export type UpdateSiteRequest = Partial<CreateSiteRequest>;

export interface SetupBuildingResponse {
  id: string;
  siteId: string;
  name: string;
  archivedAt: string | null;
}

export interface UpdateBuildingRequest {
  name: string;
}

/** One cell of the editor's grid: a 24 m² rentable module, a corridor, or anything else not rentable. */
export type FloorCellKind = 'module' | 'corridor' | 'blocked';

/** The character of each kind in a layout line (`M`, `.`, `#`). */
export const FLOOR_CELL_CHARS: Record<FloorCellKind, string> = { module: 'M', corridor: '.', blocked: '#' };

export interface FloorZone {
  col: number;
  row: number;
  zone: string;
}

export interface FloorGridModule {
  id: string;
  col: number;
  row: number;
  /** Under a current or future lease: the editor cannot take it away. */
  leasedBy: string | null;
}

export interface FloorGridResponse {
  id: string;
  buildingId: string;
  level: number;
  name: string;
  /** One line per row: `M` module, `.` corridor, `#` not rentable; every line as long as the widest. */
  layout: string;
  zones: FloorZone[];
  modules: FloorGridModule[];
  archivedAt: string | null;
}

export interface UpdateFloorRequest {
  name: string;
  level: number;
  layout: string;
  zones?: FloorZone[];
}

export interface FloorUpdateResponse {
  added: number;
  retired: number;
  moduleCount: number;
}
