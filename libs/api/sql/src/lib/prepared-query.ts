import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

const names = new Map<string, string>();

/** A stable statement name for a SQL text: the same text always gets the same name. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The DataSource `extra` key set (by the database lib, from DATABASE_POOLING=transaction) when its connections go
 * through a pooler in transaction mode. PgBouncer 1.18 there hands each transaction to any server connection:
 * a statement this client prepared is missing on the next one ("prepared statement … does not exist"), and one
 * another client prepared under the same name is already there ("… already exists"). pg's own parameterised
 * queries use the unnamed statement, which lives only until the next Parse of the same transaction: safe.
 */
export const TRANSACTION_POOLING = 'incubatorTransactionPooling';

/** Whether statements on this DataSource may keep state on their server connection (named prepared statements). */
export function keepsSessionState(dataSource: DataSource): boolean {
  const extra = (dataSource.options as { extra?: Record<string, unknown> }).extra;
  return extra?.[TRANSACTION_POOLING] !== true;
}

/**
 * Runs a read as a named prepared statement on the pool under TypeORM: PostgreSQL parses and plans it
 * once per connection instead of on every call. For hot reads of a fixed shape whose plan does not
 * depend on the values (the access check on every request: 430 → 94 µs). Not where it does: after five
 * runs PostgreSQL may keep a generic plan, 4–7× slower for the startup list (LIKE pattern) and the
 * floor plan (`@>` a date), so those stay unprepared. Not inside a transaction (another connection)
 * nor for text built from unbounded input (one prepared statement per distinct text and connection).
 * Behind a transaction pooler (TRANSACTION_POOLING) the same read runs unnamed: planned on every call, never wrong.
 */
export async function preparedQuery<T = Record<string, unknown>>(dataSource: DataSource, text: string, params: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query(keepsSessionState(dataSource) ? { name: statementName(text), text, values: params } : { text, values: params });
  return result.rows as T[];
}
