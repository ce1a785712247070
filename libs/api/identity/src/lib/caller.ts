import type { OperatorRole, Role } from '@incubator/contracts';

/** What every signed-in caller has, whether a member of an organisation or the platform operator. */
interface SessionCaller {
  userId: string;
  email: string;
  sessionId: string;
  requestId: string | null;
}

/**
 * Who is calling, resolved by the access guard from the access token and the database on every
 * request (so a role change or a deactivation applies at once). Services scope every query with it.
 */
export interface Caller extends SessionCaller {
  organisationId: string;
  role: Role;
  /** Set for startup members: the only startup whose data they may see. */
  startupId: string | null;
}

/**
 * The platform operator: signed in outside every organisation. The guard lets such a caller reach
 * only the routes about their own account (`@Access('account')`) and the operator's permissions
 * (system:operate), so no organisation-scoped service ever receives one.
 */
export interface OperatorCaller extends SessionCaller {
  organisationId: null;
  role: OperatorRole;
  startupId: null;
}

export type AnyCaller = Caller | OperatorCaller;

export function isOperator(caller: AnyCaller): caller is OperatorCaller {
  return caller.role === 'operator';
}
