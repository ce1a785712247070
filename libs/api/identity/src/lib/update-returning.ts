import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE … RETURNING and gives the returned rows. (For UPDATE and DELETE, TypeORM's
 * `query()` answers `[rows, affectedCount]` rather than the rows, an easy trap.)
 */
export async function updateReturning<T = Record<string, unknown>>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await manager.query(sql, params)) as [T[], number];
  return rows;
}
