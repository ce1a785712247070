import type { Locale } from './locale';

/** Roles a user holds in one organisation (a user may belong to several organisations). */
export const ROLES = ['admin', 'manager', 'board', 'startup', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The platform operator runs the platform itself (global queues, heartbeats, later the creation of
 * organisations) and belongs to no organisation: not one of ROLES, so nobody can be invited or
 * promoted to it. Operators are created by `npm run operator:create` (and the demo seed).
 */
export const OPERATOR_ROLE = 'operator';
export type OperatorRole = typeof OPERATOR_ROLE;
/** Whoever a session is for: a member of an organisation with their role, or the platform operator. */
export type CallerRole = Role | OperatorRole;

/**
 * Permission names, declared once. Every API route declares one of these (or that it is public);
 * the client uses the same names to decide what to show, the API to decide what to allow.
 */
export const Permission = {
  /** Read the organisation and its sites. */
  OrganisationRead: 'organisation:read',
  /** Edit the organisation's legal identity, logo and settings (admins). */
  OrganisationManage: 'organisation:manage',
  /** List the organisation's members and invitations. */
  UsersRead: 'users:read',
  /** Invite members, change roles, deactivate accounts. */
  UsersManage: 'users:manage',
  /** Read the audit trail. */
  AuditRead: 'audit:read',
  /** Read the organisation's security events (sign-ins, lockouts, role changes, exports…). Admins only. */
  SecurityEventsRead: 'security-events:read',
  /** Operate the platform: every organisation's jobs (BullMQ queues) and the heartbeats. Platform operators only. */
  SystemOperate: 'system:operate',
  /** Create and change programs and cohorts. */
  ProgramsManage: 'programs:manage',
  /** Follow cohorts' progress (cohort boards). */
  ProgramsMonitor: 'programs:monitor',
  /** Read startups' profiles (a startup member: their own only). */
  StartupsRead: 'startups:read',
  /** Register startups and move their enrollments through a cohort. */
  StartupsManage: 'startups:manage',
  /** Edit a startup's profile (a startup member: their own only). */
  StartupsEdit: 'startups:edit',
  /** Read milestones (a startup member: their own only). */
  MilestonesRead: 'milestones:read',
  /** Create and update milestones (a startup member: their own only). */
  MilestonesWrite: 'milestones:write',
  /** Comment on milestones as a reviewer. */
  MilestonesReview: 'milestones:review',
  /** See buildings, floor plans and who occupies which module. */
  SpaceRead: 'space:read',
  /** Create floors, propose offices, create and resize leases. */
  SpaceManage: 'space:manage',
  /** Read leases (a startup member: their own only). */
  LeasesRead: 'leases:read',
  /** Read funding rounds and the investor directory (valuations: not for board members). */
  FundingRead: 'funding:read',
  /** Record and update funding rounds and investors (a startup member: their own rounds only). */
  FundingWrite: 'funding:write',
  /** Read a startup's KPI reports (a startup member: their own only). */
  KpisRead: 'kpis:read',
  /** Fill in and submit KPI reports (a startup member: their own only). */
  KpisReport: 'kpis:report',
  /** Validate or return reports, see who is late, import history, export. */
  KpisValidate: 'kpis:validate',
  /** Define the organisation's and programs' own KPIs. */
  KpisDefine: 'kpis:define',
  /** Read ecosystem aggregates (small groups suppressed for board members). */
  AggregatesRead: 'aggregates:read',
  /** See report runs and download board packs; request a board pack. */
  ReportsRead: 'reports:read',
  /** Request and regenerate every kind of report (occupancy and rent roll included). */
  ReportsManage: 'reports:manage',
  /** See and change the organisation's schedules and yearly targets. */
  SchedulesManage: 'schedules:manage',
  /** Read invoices, credit notes and payments (a startup member: their own only; board members: quarterly totals only). */
  BillingRead: 'billing:read',
  /** Billing settings, customers, mandates, charges, billing runs, issuing, credit notes, payments, exports. */
  BillingManage: 'billing:manage',
  /** Calls for applications: calls, reviewers, the pipeline, ranking, decisions, exports. */
  ApplicationsManage: 'applications:manage',
  /** Score the applications assigned to you (reviewers: only those, blind until their own review is submitted). */
  ApplicationsReview: 'applications:review',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // Everything in their organisation; the platform's queues are everyone's, so not system:operate.
  admin: Object.values(Permission).filter((permission) => permission !== Permission.SystemOperate),
  manager: [
    Permission.OrganisationRead,
    Permission.UsersRead,
    Permission.ProgramsManage,
    Permission.ProgramsMonitor,
    Permission.StartupsRead,
    Permission.StartupsManage,
    Permission.StartupsEdit,
    Permission.MilestonesRead,
    Permission.MilestonesWrite,
    Permission.MilestonesReview,
    Permission.SpaceRead,
    Permission.SpaceManage,
    Permission.LeasesRead,
    Permission.FundingRead,
    Permission.FundingWrite,
    Permission.KpisRead,
    Permission.KpisReport,
    Permission.KpisValidate,
    Permission.KpisDefine,
    Permission.AggregatesRead,
    Permission.ReportsRead,
    Permission.ReportsManage,
    Permission.BillingRead,
    Permission.BillingManage,
    Permission.ApplicationsManage,
  ],
  board: [
    Permission.OrganisationRead,
    Permission.ProgramsMonitor,
    Permission.StartupsRead,
    Permission.MilestonesRead,
    Permission.SpaceRead,
    Permission.LeasesRead,
    Permission.FundingRead,
    Permission.AggregatesRead,
    Permission.ReportsRead,
  ],
  startup: [
    Permission.OrganisationRead,
    Permission.StartupsRead,
    Permission.StartupsEdit,
    Permission.MilestonesRead,
    Permission.MilestonesWrite,
    Permission.LeasesRead,
    Permission.FundingRead,
    Permission.FundingWrite,
    Permission.KpisRead,
    Permission.KpisReport,
    Permission.BillingRead,
  ],
  // External jury (mentors, partners): only the applications assigned to them.
  reviewer: [Permission.OrganisationRead, Permission.ApplicationsReview],
};

/** The operator holds only what concerns the whole platform: nothing of any organisation's data. */
export const OPERATOR_PERMISSIONS: readonly Permission[] = [Permission.SystemOperate];

export function permissionsOf(role: CallerRole): readonly Permission[] {
  return role === OPERATOR_ROLE ? OPERATOR_PERMISSIONS : ROLE_PERMISSIONS[role];
}

export function roleCan(role: CallerRole, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}

/** The part of the client each role lands in after signing in. */
export const HOME_AREA: Readonly<Record<CallerRole, 'admin' | 'manage' | 'board' | 'startup' | 'operator' | 'review'>> = {
  operator: 'operator',
  admin: 'admin',
  manager: 'manage',
  board: 'board',
  startup: 'startup',
  reviewer: 'review',
};

/** Password rules shared by the API's validation and the client's forms. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
}

/** The signed-in user, in the organisation the session is for (none for the platform operator). */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  /** Null for the platform operator, who belongs to no organisation. */
  organisation: OrganisationSummary | null;
  role: CallerRole;
  /** Set for startup members: the one startup they belong to. */
  startupId: string | null;
  permissions: Permission[];
}

export interface LoginRequest {
  email: string;
  password: string;
  /** Which organisation to sign in to, for users who belong to several; defaults to the first. */
  organisationSlug?: string;
}

/**
 * Answer of login, refresh and invitation acceptance. The refresh token is set only as an httpOnly
 * cookie scoped to /api/auth, never in the body, so no script in the page can read it.
 */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: AuthUser;
  /** Only when this answer completes an MFA enrolment at sign-in: shown once, never again. */
  recoveryCodes?: string[];
}

/**
 * Answer of a sign-in whose password was right but which needs a second step: `verify` asks for a
 * TOTP or recovery code, `enrol` (the organisation requires MFA of this role) for an enrolment first.
 * No session exists until that step succeeds.
 */
export interface MfaChallengeResponse {
  mfa: 'verify' | 'enrol';
  challengeToken: string;
  /** Seconds until the challenge expires. */
  expiresIn: number;
}

export type LoginResponse = SessionResponse | MfaChallengeResponse;

export function isMfaChallenge(response: LoginResponse): response is MfaChallengeResponse {
  return 'challengeToken' in response;
}

/** Second step of a sign-in: a code of the authenticator app, or one of the recovery codes. */
export interface MfaVerifyRequest {
  challengeToken: string;
  code?: string;
  recoveryCode?: string;
}

export interface MfaChallengeRequest {
  challengeToken: string;
}

export interface MfaChallengeConfirmRequest {
  challengeToken: string;
  code: string;
}

/** A started enrolment: the secret (for typing in), the otpauth URI and the same as a QR code. */
export interface MfaEnrolmentResponse {
  secret: string;
  otpauthUri: string;
  /** data:image/png;base64,… */
  qrCodeDataUrl: string;
}

export interface MfaConfirmRequest {
  code: string;
}

/** The recovery codes, in clear this once only (stored hashed). */
export interface MfaRecoveryCodesResponse {
  recoveryCodes: string[];
}

export interface MfaDisableRequest {
  password: string;
  /** A code of the authenticator app or a recovery code. */
  code: string;
}

export interface MfaStatusResponse {
  enabled: boolean;
  /** The organisation requires MFA of this role: it cannot be disabled. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** Which roles of the organisation must use MFA (admin and manager at most). */
export const MFA_POLICY_ROLES = ['admin', 'manager'] as const satisfies readonly Role[];
export interface MfaPolicy {
  requiredRoles: (typeof MFA_POLICY_ROLES)[number][];
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** One of the signed-in user's live sessions ("my sessions"). */
export interface SessionSummary {
  id: string;
  /** Null for a platform operator's session. */
  organisation: OrganisationSummary | null;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  ip: string | null;
  /** The session of the request that lists them. */
  current: boolean;
}

export interface RefreshRequest {
  /** Optional when the refresh cookie is sent. */
  refreshToken?: string;
}

export interface InviteRequest {
  email: string;
  role: Role;
  /** Required when role is `startup`. */
  startupId?: string;
  /** Language of the invitation email; defaults to the organisation's. */
  locale?: Locale;
}

export interface InvitationResponse {
  id: string;
  email: string;
  role: Role;
  startupId: string | null;
  /** ISO 8601 instants, UTC. */
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** What the invitation page shows before the invitee sets a password (looked up by token). */
export interface InvitationPreview {
  email: string;
  role: Role;
  organisationName: string;
  expiresAt: string;
  /** True when the email already has an account: accepting adds the membership, keeps the password. */
  existingAccount: boolean;
}

/** POST /auth/invitations/preview: the token in the body, never in a URL that servers log. */
export interface InvitationPreviewRequest {
  token: string;
}

export interface AcceptInvitationRequest {
  token: string;
  /** Required for a new account; ignored when the account exists. */
  displayName?: string;
  /** Required for a new account; ignored when the account exists (then `password` must match). */
  password: string;
  locale?: Locale;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface MemberResponse {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  startupId: string | null;
  isActive: boolean;
  lastLoginAt: string | null;
  joinedAt: string;
}

export interface UpdateMemberRequest {
  role?: Role;
  startupId?: string | null;
  isActive?: boolean;
}

export interface StartupSummary {
  id: string;
  legalName: string;
}

export interface AuditEventResponse {
  id: string;
  actor: { id: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  createdAt: string;
}

/** One security event of the organisation (GET /api/security-events). */
export interface SecurityEventResponse {
  id: string;
  /** e.g. `sign-in.failed`, `member.role-changed`, `export.downloaded`. */
  type: string;
  user: { id: string; email: string } | null;
  /** The address given, for events of an account that may not exist (a failed sign-in). */
  email: string | null;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
  occurredAt: string;
}

export interface SiteResponse {
  id: string;
  slug: string;
  name: string;
  city: string;
  address: string | null;
}

export interface OrganisationResponse {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultLocale: Locale;
  sites: SiteResponse[];
}
