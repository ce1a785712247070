import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from './data-source-options';

type Query = (sql: string, params?: unknown[]) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Every way the schema lets a row of one organisation point at a row of another, read from the catalog
 * (a tenant table is one with an organisation_id column):
 * - a foreign key between two tenant tables that does not pair organisation_id with organisation_id;
 * - such a key whose ON DELETE SET NULL / SET DEFAULT would also clear organisation_id;
 * - a table without organisation_id that references two or more tenant rows (a link table: nothing
 *   ties its two parents to the same organisation).
 */
async function untenantedReferences(query: Query): Promise<string[]> {
  const keys: Array<{ name: string; child: string; parent: string; child_tenant: boolean; parent_tenant: boolean; scoped: boolean; clears_organisation: boolean }> =
    await query(`
      WITH tenant AS (
        SELECT a.attrelid AS relid, a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attname = 'organisation_id' AND NOT a.attisdropped)
      SELECT k.conname AS name, k.conrelid::regclass::text AS child, k.confrelid::regclass::text AS parent,
             ct.relid IS NOT NULL AS child_tenant, pt.relid IS NOT NULL AS parent_tenant,
             EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS pair(c, p) WHERE pair.c = ct.attnum AND pair.p = pt.attnum) AS scoped,
             k.confdeltype IN ('n', 'd') AND (k.confdelsetcols IS NULL OR ct.attnum = ANY (k.confdelsetcols)) AS clears_organisation
      FROM pg_constraint k
      LEFT JOIN tenant ct ON ct.relid = k.conrelid
      LEFT JOIN tenant pt ON pt.relid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace
      ORDER BY k.conrelid::regclass::text, k.conname`);
  const problems: string[] = [];
  const linked = new Map<string, string[]>();
  for (const key of keys) {
    if (!key.parent_tenant) continue;
    if (!key.child_tenant) linked.set(key.child, [...(linked.get(key.child) ?? []), key.parent]);
    else if (!key.scoped) problems.push(`${key.name}: ${key.child} → ${key.parent} lacks organisation_id`);
    else if (key.clears_organisation) problems.push(`${key.name}: ${key.child} → ${key.parent} would clear organisation_id on delete`);
  }
  for (const [child, parents] of linked) {
    if (parents.length > 1) problems.push(`${child} references ${parents.join(', ')} without organisation_id`);
  }
  return problems;
}

describe('tenant-safe references enforced by PostgreSQL (real PostgreSQL)', () => {
  let db: DataSource;
  let demo: string;
  let other: string;

  beforeAll(async () => {
    db = await createDataSource(process.env['DATABASE_URL'] as string).initialize();
    [{ id: demo }, { id: other }] = await db.query(`SELECT id FROM organisations WHERE slug IN ('demo', 'other') ORDER BY slug`);
  });

  afterAll(() => db.destroy());

  /** Runs the work in a transaction that is always rolled back, so no probe is left behind. */
  async function rolledBack<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      return await work(runner);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** The SQLSTATE an insert fails with, inside a rolled-back transaction (null when it succeeds). */
  const failure = (sql: string, params: unknown[]) =>
    rolledBack(async (runner) => {
      try {
        await runner.query(sql, params);
        return null;
      } catch (error) {
        return (error as { driverError?: { code?: string } }).driverError?.code ?? String(error);
      }
    });

  const idOf = async (table: string, organisationId: string) => (await db.query(`SELECT id FROM ${table} WHERE organisation_id = $1 ORDER BY id LIMIT 1`, [organisationId]))[0].id as string;

  it('every foreign key between tenant tables includes organisation_id, and no link table lacks it', async () => {
    expect(await untenantedReferences((sql, params) => db.query(sql, params))).toEqual([]);
  });

  it('the check reports a key that loses organisation_id, and a new link table without it', async () => {
    const problems = await rolledBack(async (runner) => {
      await runner.query(`ALTER TABLE enrollments DROP CONSTRAINT fk_enrollments_cohort, ADD CONSTRAINT fk_enrollments_cohort FOREIGN KEY (cohort_id) REFERENCES cohorts (id)`);
      await runner.query(`CREATE TABLE probe_links (lease_id uuid REFERENCES leases (id), module_id uuid REFERENCES modules (id))`);
      return untenantedReferences((sql, params) => runner.query(sql, params));
    });
    expect(problems).toEqual(['fk_enrollments_cohort: enrollments → cohorts lacks organisation_id', 'probe_links references leases, modules without organisation_id']);
    // Rolled back: the real schema is whole again.
    expect(await untenantedReferences((sql, params) => db.query(sql, params))).toEqual([]);
  });

  it('refuses a waitlist request of the demo organisation for a site of the other one (23503)', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM waitlist_requests'))[0].n;
    const insert = `INSERT INTO waitlist_requests (organisation_id, startup_id, site_id, area_m2, starts_on, program_kind, monthly_price_per_m2_cents) VALUES ($1, $2, $3, 24, '2031-01-01', 'incubator', 1000)`;
    const demoStartup = await idOf('startups', demo);
    expect(await failure(insert, [demo, demoStartup, await idOf('sites', other)])).toBe('23503');
    // The same insert with a site of its own organisation goes through: the refusal is about the tenant.
    expect(await failure(insert, [demo, demoStartup, await idOf('sites', demo)])).toBeNull();
    expect((await db.query('SELECT count(*)::int AS n FROM waitlist_requests'))[0].n).toBe(before);
  });

  it('refuses an enrollment of a demo startup in a cohort of the other organisation (23503)', async () => {
    const insert = `INSERT INTO enrollments (organisation_id, cohort_id, startup_id, status) VALUES ($1, $2, $3, 'applied')`;
    expect(await failure(insert, [demo, await idOf('cohorts', other), await idOf('startups', demo)])).toBe('23503');
  });

  it('refuses a KPI value pairing a demo report with a definition of the other organisation; fills organisation_id when left out', async () => {
    const report = await idOf('kpi_reports', demo);
    const definition = async (organisationId: string) =>
      (await db.query(`SELECT id FROM kpi_definitions WHERE organisation_id = $1 AND key = 'revenue'`, [organisationId]))[0].id as string;
    // Written as the existing code writes it, without organisation_id.
    const insert = `INSERT INTO kpi_values (report_id, definition_id, value) VALUES ($1, $2, 1)`;
    expect(await failure(insert, [report, await definition(other)])).toBe('23503');
    const own = await definition(demo);
    const filled = await rolledBack(async (runner) => {
      await runner.query(`DELETE FROM kpi_values WHERE report_id = $1 AND definition_id = $2`, [report, own]);
      await runner.query(insert, [report, own]);
      return runner.query(`SELECT organisation_id FROM kpi_values WHERE report_id = $1 AND definition_id = $2`, [report, own]);
    });
    expect(filled).toEqual([{ organisation_id: demo }]);
  });
});
