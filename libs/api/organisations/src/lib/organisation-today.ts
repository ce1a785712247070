/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Sql {
  query(text: string, parameters?: unknown[]): Promise<Array<Record<string, string>>>;
}

/** Today's date (YYYY-MM-DD) in the organisation's time zone: what "future" and "late" are measured against. */
export async function organisationToday(db: Sql, organisationId: string): Promise<string> {
  const [row] = await db.query(`SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today FROM organisations WHERE id = $1`, [organisationId]);
  return row['today'];
}
