/** Programs, cohorts, startups, enrollments and milestones: the incubator and accelerator pipeline. */

export const PROGRAM_KINDS = ['incubator', 'accelerator', 'business_centre'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const SECTORS = [
  'ai',
  'cybersecurity',
  'edtech',
  'fintech',
  'foodtech',
  'greentech',
  'healthtech',
  'industry',
  'media',
  'mobility',
  'retail',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const STAGES = ['idea', 'prototype', 'mvp', 'revenue', 'scale'] as const;
export type Stage = (typeof STAGES)[number];

export const ENROLLMENT_STATUSES = ['applied', 'admitted', 'active', 'graduated', 'withdrawn'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** The only moves an enrollment can make; graduated and withdrawn are final. */
export const ENROLLMENT_TRANSITIONS: Readonly<Record<EnrollmentStatus, readonly EnrollmentStatus[]>> = {
  applied: ['admitted', 'withdrawn'],
  admitted: ['active', 'withdrawn'],
  active: ['graduated', 'withdrawn'],
  graduated: [],
  withdrawn: [],
};

/** Statuses that take a seat in the cohort (capacity counts them). */
export const SEATED_STATUSES: readonly EnrollmentStatus[] = ['admitted', 'active', 'graduated'];

export function canTransition(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return ENROLLMENT_TRANSITIONS[from].includes(to);
}

export const MILESTONE_CATEGORIES = ['product', 'customers', 'revenue', 'funding', 'hiring', 'international', 'other'] as const;
export type MilestoneCategory = (typeof MILESTONE_CATEGORIES)[number];

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'achieved', 'missed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/**
 * A French SIREN: 9 digits whose Luhn checksum is valid (INSEE rule). La Poste's SIREN 356000000
 * is the one historical exception, accepted too.
 */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (value === '356000000') return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(value[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export interface ProgramResponse {
  id: string;
  siteId: string;
  siteName: string;
  kind: ProgramKind;
  name: string;
  description: string | null;
  cohortCount: number;
  /** When the program was archived (ISO timestamp); archived programs leave the lists but keep their history. */
  archivedAt: string | null;
}

/** Rename or re-describe a program (its site and kind are fixed: cohorts and leases hang on them). */
export interface UpdateProgramRequest {
  name?: string;
  /** null clears the description. */
  description?: string | null;
}

export interface CreateProgramRequest {
  siteId: string;
  kind: ProgramKind;
  name: string;
  description?: string;
}

/** Dates are ISO calendar dates (YYYY-MM-DD); a cohort runs over the half-open range [startsOn, endsOn). */
export interface CohortResponse {
  id: string;
  programId: string;
  programName: string;
  programKind: ProgramKind;
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  /** Enrollments that take a seat: admitted, active, graduated. */
  seated: number;
  /** When the cohort was archived (ISO timestamp); archived cohorts leave the lists but keep their history. */
  archivedAt: string | null;
}

export interface CreateCohortRequest {
  programId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
}

export type UpdateCohortRequest = Partial<Omit<CreateCohortRequest, 'programId'>>;

export interface StartupResponse {
  id: string;
  legalName: string;
  /** ISO 3166 alpha-2 country of registration. */
  country: string;
  siren: string | null;
  sector: Sector;
  foundedOn: string | null;
  stage: Stage;
  website: string | null;
  description: string | null;
  teamSize: number;
  /** The startup's current or latest enrollment, if any. */
  currentEnrollment: { id: string; cohortId: string; cohortName: string; programName: string; status: EnrollmentStatus } | null;
  /** True when the startup has graduated from a cohort (alumni). */
  alumni: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateStartupRequest {
  legalName: string;
  country: string;
  /** Required when country is FR. */
  siren?: string;
  sector: Sector;
  foundedOn?: string;
  stage: Stage;
  website?: string;
  description?: string;
  teamSize: number;
}

export type UpdateStartupRequest = Partial<CreateStartupRequest>;

export const STARTUP_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'foundedOn', '-foundedOn'] as const;
export type StartupSort = (typeof STARTUP_SORTS)[number];

export interface StartupListQuery {
  q?: string;
  siteId?: string;
  programId?: string;
  cohortId?: string;
  status?: EnrollmentStatus;
  sector?: Sector;
  stage?: Stage;
  sort?: StartupSort;
  limit?: number;
  offset?: number;
}

export interface EnrollmentHistoryEntry {
  from: EnrollmentStatus | null;
  to: EnrollmentStatus;
  at: string;
  by: string | null;
  note: string | null;
}

export interface EnrollmentResponse {
  id: string;
  cohortId: string;
  cohortName: string;
  programName: string;
  startupId: string;
  startupName: string;
  status: EnrollmentStatus;
  history: EnrollmentHistoryEntry[];
}

export interface CreateEnrollmentRequest {
  cohortId: string;
  startupId: string;
}

export interface TransitionEnrollmentRequest {
  status: EnrollmentStatus;
  note?: string;
}

export interface MilestoneCommentResponse {
  id: string;
  author: string;
  body: string;
  createdAt: string;
}

export interface MilestoneResponse {
  id: string;
  startupId: string;
  title: string;
  category: MilestoneCategory;
  dueOn: string;
  status: MilestoneStatus;
  evidenceNote: string | null;
  evidenceUrl: string | null;
  /** Due before today (organisation time zone) and neither achieved nor missed. */
  overdue: boolean;
  comments: MilestoneCommentResponse[];
  updatedAt: string;
}

export interface CreateMilestoneRequest {
  title: string;
  category: MilestoneCategory;
  dueOn: string;
  status?: MilestoneStatus;
  evidenceNote?: string;
  evidenceUrl?: string;
}

export type UpdateMilestoneRequest = Partial<CreateMilestoneRequest>;

export interface MilestoneCommentRequest {
  body: string;
}

/** Milestone progress of each startup seated in a cohort. */
export interface CohortBoardResponse {
  cohort: CohortResponse;
  startups: Array<{
    startupId: string;
    legalName: string;
    enrollmentStatus: EnrollmentStatus;
    milestones: Record<MilestoneStatus, number>;
    overdue: number;
  }>;
}
