/** Where a startup's office is: for the founder's "Mon bureau", who may not read the floor plans. */
export interface LeaseOfficeModule {
  col: number;
  row: number;
  /** One of the lease's modules. */
  mine: boolean;
  retired: boolean;
}

export interface LeaseOfficeResponse {
  leaseId: string;
  /** Null once the building was archived. */
  buildingName: string | null;
  floorName: string;
  floorLevel: number;
  /** The day the plan shows: today while the lease runs, else its first (or last) day. */
  on: string;
  columns: number;
  rows: number;
  /** Every module of the floor; the other tenants are not named (a startup sees only its own office). */
  modules: LeaseOfficeModule[];
}
