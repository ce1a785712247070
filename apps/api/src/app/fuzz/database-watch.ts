import type { DataSource } from 'typeorm';

/**
 * Tells whether a request changed the database, cheaply enough to ask after every request.
 * A write needs a transaction id; reading the next unassigned one costs one round trip. Only when it moved
 * (some transaction wrote, or tried to) is every table's row-version print (ctid changes on any insert,
 * update or delete) recomputed and compared with the one after the previous request.
 * Requests are sent one at a time and the test app runs no worker, so a change belongs to the last request.
 */
export class DatabaseWatch {
  private xid = '';
  private print = '';
  private tables: string[] = [];
  private tenantTables: string[] = [];

  constructor(private readonly db: DataSource) {}

  async start(): Promise<void> {
    const tables: Array<{ table_name: string }> = await this.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    this.tables = tables.map((t) => t.table_name);
    const tenant: Array<{ table_name: string }> = await this.db.query(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name`,
    );
    this.tenantTables = tenant.map((t) => t.table_name);
    this.xid = await this.nextXid();
    this.print = await this.fingerprint();
  }

  private async nextXid(): Promise<string> {
    const [row] = await this.db.query(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xid`);
    return row.xid;
  }

  /** Every table's row versions. */
  async fingerprint(): Promise<string> {
    const [row] = await this.db.query(
      `SELECT md5(${this.tables.map((t) => `coalesce((SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM "${t}"), '')`).join(" || '|' || ")}) AS print`,
    );
    return row.print;
  }

  /** True when the database differs from what it was after the previous call (or start). */
  async changed(): Promise<boolean> {
    const xid = await this.nextXid();
    if (xid === this.xid) return false;
    this.xid = xid;
    const print = await this.fingerprint();
    const changed = print !== this.print;
    this.print = print;
    return changed;
  }

  /** The row versions of one organisation's rows in every table that has organisation_id. */
  async tenantPrint(organisationId: string): Promise<string> {
    const [row] = await this.db.query(
      `SELECT md5(${this.tenantTables
        .map((t) => `coalesce((SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM "${t}" WHERE organisation_id = $1), '')`)
        .join(" || '|' || ")}) AS print`,
      [organisationId],
    );
    return row.print;
  }

  /** Per table, how many of the organisation's rows mention the id in their text (stored references to it). */
  async rowsMentioning(organisationId: string, id: string): Promise<Record<string, number>> {
    const rows: Array<{ t: string; n: number }> = await this.db.query(
      this.tenantTables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}" r WHERE organisation_id = $1 AND r::text LIKE $2`).join(' UNION ALL '),
      [organisationId, `%${id}%`],
    );
    return Object.fromEntries(rows.filter((row) => row.n > 0).map((row) => [row.t, row.n]));
  }
}
