import type { Caller } from '@incubator/api/identity';
import type { Queryable } from '@incubator/api/sql';
import { StartupErrors } from './startup.errors';
import { startupExists } from './startup.repository';

/**
 * Passes when the caller may see the startup; otherwise a 404, not a 403, so that the ids of other
 * organisations' startups (or, for a startup member, of other startups) reveal nothing.
 */
export async function assertStartupVisible(db: Queryable, caller: Pick<Caller, 'organisationId' | 'role' | 'startupId'>, startupId: string): Promise<void> {
  if (caller.role === 'startup' && caller.startupId !== startupId) throw StartupErrors.not_found();
  if (!(await startupExists(db, caller.organisationId, startupId))) throw StartupErrors.not_found();
}
