import type { DataSource } from 'typeorm';
import { preparedQuery } from './prepared-query';

/**
 * Values kept under a key until a version read before each use moves, the least recently used dropped
 * beyond `capacity`. A value is computed after reading the version it is kept under, so it is never
 * older than that version; concurrent misses of one key share one computation; a failed computation
 * is not kept. Values are handed out as they are: callers must not mutate them.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly capacity: number,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.readVersion();
    const cached = this.entries.get(key);
    this.entries.delete(key); // re-inserted last: Map order is the recency order
    if (cached?.version === version) {
      this.entries.set(key, cached);
      return cached.value;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Reads a version counter table (a single row raised by statement triggers in every writing
 * transaction: `space_version`, `directory_version`), as a prepared statement: it runs on every use.
 */
export function versionCounter(dataSource: DataSource, table: 'space_version' | 'directory_version'): () => Promise<string> {
  return async () => {
    const [{ version }] = await preparedQuery<{ version: string }>(dataSource, `SELECT version::text AS version FROM ${table}`, []);
    return version;
  };
}
