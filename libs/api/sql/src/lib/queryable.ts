import type { EntityManager } from 'typeorm';

/**
 * What a repository method runs its statements on: the DataSource, or the EntityManager of the
 * service's transaction (`dataSource.transaction((manager) => repo.insert(manager, …))`). Rows come back
 * typed by the statement's row interface: `db.query<ProgramRow[]>(sql, params)`.
 */
export type Queryable = Pick<EntityManager, 'query'>;
