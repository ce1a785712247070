import { NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '@incubator/api/identity';

/**
 * Passes when the caller may see the startup; otherwise a 404, not a 403, so that the ids of other
 * organisations' startups (or, for a startup member, of other startups) reveal nothing.
 */
export async function assertStartupVisible(db: DataSource | EntityManager, caller: Pick<Caller, 'organisationId' | 'role' | 'startupId'>, startupId: string): Promise<void> {
  if (caller.role === 'startup' && caller.startupId !== startupId) throw new NotFoundException('No such startup');
  const [startup] = await db.query('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [startupId, caller.organisationId]);
  if (!startup) throw new NotFoundException('No such startup');
}
