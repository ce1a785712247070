import type { ProgramKind } from './programs';

/** Modular office space: floors of 24 m² modules on a grid, leases over half-open [startsOn, endsOn) dates. */

export interface BuildingResponse {
  id: string;
  siteId: string;
  name: string;
}

export interface CreateBuildingRequest {
  siteId: string;
  name: string;
}

export interface FloorResponse {
  id: string;
  buildingId: string;
  level: number;
  name: string;
  moduleCount: number;
  leasableM2: number;
}

export interface CreateFloorRequest {
  buildingId: string;
  level: number;
  name: string;
  /** One line per row of the grid: `M` a 24 m² module, `.` corridor or anything not rentable. */
  layout: string;
}

export interface FloorPlanModule {
  id: string;
  col: number;
  row: number;
  retired: boolean;
  /** The lease holding the module on the plan's date, if any. */
  lease: { id: string; startupId: string; startupName: string } | null;
}

export interface FloorPlanResponse {
  floor: FloorResponse;
  /** The day the plan shows (YYYY-MM-DD). */
  on: string;
  columns: number;
  rows: number;
  modules: FloorPlanModule[];
}

export interface ProposalRequest {
  areaM2: number;
  startsOn: string;
  /** Exclusive; omit for an open-ended lease. */
  endsOn?: string;
  siteId?: string;
  buildingId?: string;
  floorId?: string;
  /** Prefer offices near this startup's current one. */
  startupId?: string;
  /** Prices each proposal from the site's list for this kind on `startsOn`; without it the price is null. */
  programKind?: ProgramKind;
  limit?: number;
}

/**
 * Why a proposal ranks where it does, as codes the client words in its language. Proposals rank by
 * outline (compact first), then how little they cut the free space around them, then nearness to the
 * startup's current office.
 */
export type ProposalReason =
  /** One piece: every module touches another by an edge (always true of a proposal). */
  | { code: 'contiguous' }
  /** The shortest outline possible for that many modules (a square rather than a corridor). */
  | { code: 'compact' }
  /** A longer outline than the most compact shape of that many modules, by `extraEdges` module sides. */
  | { code: 'elongated'; extraEdges: number }
  /** The free modules left around it stay in one piece. */
  | { code: 'keeps_free_space_whole' }
  /** The free modules left around it fall into `pieces` separate pieces. */
  | { code: 'splits_free_space'; pieces: number }
  /** Next to the startup's current office (a module shares an edge with it). */
  | { code: 'next_to_current_office' }
  /** On the floor of the startup's current office, `modules` modules away. */
  | { code: 'same_floor_as_current_office'; modules: number }
  /** The startup has an office, on another floor. */
  | { code: 'other_floor_than_current_office' }
  /** Exactly the requested area (a multiple of 24 m²). */
  | { code: 'exact_area' }
  /** `extraM2` m² more than requested: areas are whole 24 m² modules. */
  | { code: 'over_request'; extraM2: number }
  /** Equal to the proposal ranked just above on every criterion (the order between them is arbitrary but stable). */
  | { code: 'tied_with_previous' };

export interface ProposalModule {
  id: string;
  col: number;
  row: number;
  /** The module's name on the plan: column letter and row number, as in a spreadsheet (B4). */
  name: string;
}

export interface ProposalResponse {
  /** 1 = best. */
  rank: number;
  floorId: string;
  floorName: string;
  buildingName: string;
  moduleIds: string[];
  /** The same modules with their names, in reading order. */
  modules: ProposalModule[];
  cells: Array<{ col: number; row: number }>;
  requestedAreaM2: number;
  areaM2: number;
  perimeter: number;
  fragmentation: number;
  distance: number | null;
  /** The list price in force on the start date for the site and the request's kind; null without a kind or a price. */
  monthlyPricePerM2Cents: number | null;
  /** areaM2 × monthlyPricePerM2Cents; null when the price is. */
  monthlyRentCents: number | null;
  reasons: ProposalReason[];
}

/**
 * A module's name on a floor plan, as in a spreadsheet: the column as letters (A … Z, AA …), the row
 * as a number from 1 — column 1, row 3 (from 0) is "B4". Shown on the plan, in proposals and resizes.
 */
export function moduleName(cell: { col: number; row: number }): string {
  let letters = '';
  for (let n = cell.col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${cell.row + 1}`;
}

export interface CreateLeaseRequest {
  startupId: string;
  moduleIds: string[];
  startsOn: string;
  /** Exclusive; omit for an open-ended lease. */
  endsOn?: string;
  programKind: ProgramKind;
  /** Overrides the site's price list, in euro cents per m² and month. */
  monthlyPricePerM2Cents?: number;
}

export interface LeaseResponse {
  id: string;
  startupId: string;
  startupName: string;
  floorId: string;
  moduleIds: string[];
  startsOn: string;
  endsOn: string | null;
  programKind: ProgramKind;
  areaM2: number;
  /** Null for board members: one startup's rent is its own business (the board sees occupancy, not prices). */
  monthlyPricePerM2Cents: number | null;
  /** areaM2 × monthlyPricePerM2Cents, exact in cents; null for board members. */
  monthlyRentCents: number | null;
  previousLeaseId: string | null;
  /** Set once the lease was terminated (it then ends on its endsOn); absent or null otherwise. */
  termination?: LeaseTermination | null;
}

/** Why a lease ended early. */
export const LEASE_TERMINATION_REASONS = ['departure', 'graduation', 'move', 'non_payment', 'other'] as const;
export type LeaseTerminationReason = (typeof LEASE_TERMINATION_REASONS)[number];

export interface LeaseTermination {
  /** When the termination was recorded (ISO timestamp). */
  terminatedAt: string;
  reason: LeaseTerminationReason;
  note: string | null;
}

/** Ends a lease on `endsOn` (exclusive: the last day is the day before), after its start and not after its current end. */
export interface TerminateLeaseRequest {
  endsOn: string;
  reason: LeaseTerminationReason;
  note?: string;
}

/** One dated price of a site's price list: in force from effectiveFrom (inclusive) until the next one. */
export interface SpacePriceResponse {
  id: string;
  siteId: string;
  siteName: string;
  programKind: ProgramKind;
  effectiveFrom: string;
  monthlyPricePerM2Cents: number;
  createdAt: string;
}

export interface CreateSpacePriceRequest {
  siteId: string;
  programKind: ProgramKind;
  effectiveFrom: string;
  monthlyPricePerM2Cents: number;
}

/** The list price in force for a floor's site and a program kind on a day; null when the list has none. */
export interface PriceInForceResponse {
  siteId: string;
  programKind: ProgramKind;
  on: string;
  effectiveFrom: string | null;
  monthlyPricePerM2Cents: number | null;
}

/** Grow or shrink by one module from a date; the old version ends the day before (exclusive end = effectiveOn). */
export interface ResizeLeaseRequest {
  effectiveOn: string;
  addModuleId?: string;
  removeModuleId?: string;
}

export interface OccupancyRow {
  siteName: string;
  buildingName: string;
  floorId: string;
  floorName: string;
  leasableM2: number;
  leasedM2: number;
  /** leasedM2 / leasableM2, 0..1 (0 when nothing is leasable). */
  occupancyRate: number;
  vacantModules: number;
  /** Size, in modules, of the largest contiguous block of free modules on the floor. */
  largestFreeBlockModules: number;
}

export interface OccupancyResponse {
  on: string;
  floors: OccupancyRow[];
  totals: { leasableM2: number; leasedM2: number; occupancyRate: number; vacantModules: number };
  byProgramKind: Array<{ programKind: ProgramKind; leasedM2: number }>;
}

export interface RentRollLine {
  leaseId: string;
  startupId: string;
  startupName: string;
  programKind: ProgramKind;
  areaM2: number;
  monthlyPricePerM2Cents: number;
  /** Days of the month the lease covers. */
  days: number;
  /** areaM2 × price × days / days in month, rounded to the cent (half up). */
  rentCents: number;
}

export interface RentRollResponse {
  /** YYYY-MM */
  month: string;
  daysInMonth: number;
  lines: RentRollLine[];
  totalCents: number;
}

export const WAITLIST_STATUSES = ['waiting', 'offered', 'accepted', 'lapsed', 'cancelled'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export interface CreateWaitlistRequest {
  startupId: string;
  areaM2: number;
  startsOn: string;
  /** Exclusive; omit for open-ended. */
  endsOn?: string;
  siteId?: string;
  programKind: ProgramKind;
  monthlyPricePerM2Cents: number;
}

export interface WaitlistOfferResponse {
  id: string;
  floorId: string;
  moduleIds: string[];
  status: 'open' | 'accepted' | 'lapsed';
  expiresAt: string;
  leaseId: string | null;
}

export interface WaitlistEntryResponse {
  id: string;
  startupId: string;
  startupName: string;
  areaM2: number;
  startsOn: string;
  endsOn: string | null;
  siteId: string | null;
  programKind: ProgramKind;
  status: WaitlistStatus;
  requestedAt: string;
  /** 1 = next in line among waiting requests; null once no longer waiting. */
  position: number | null;
  offer: WaitlistOfferResponse | null;
}
