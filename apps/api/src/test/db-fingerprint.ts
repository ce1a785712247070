import type { DataSource } from 'typeorm';

/**
 * Every table's row versions in one hash: ctid changes on any insert, update or delete, so two equal
 * fingerprints mean no row of any table was written in between (the migrations table excepted).
 */
export async function fingerprint(db: DataSource): Promise<string> {
  const tables: Array<{ table_name: string }> = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
  );
  const [row] = await db.query(
    `SELECT md5(${tables.map((t) => `coalesce((SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM "${t.table_name}"), '')`).join(" || '|' || ")}) AS print`,
  );
  return row.print;
}
