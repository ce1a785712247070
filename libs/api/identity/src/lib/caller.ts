import type { Role } from '@incubator/contracts';

/**
 * Who is calling, resolved by the access guard from the access token and the database on every
 * request (so a role change or a deactivation applies at once). Services scope every query with it.
 */
export interface Caller {
  userId: string;
  email: string;
  organisationId: string;
  role: Role;
  /** Set for startup members: the only startup whose data they may see. */
  startupId: string | null;
  sessionId: string;
  requestId: string | null;
}
