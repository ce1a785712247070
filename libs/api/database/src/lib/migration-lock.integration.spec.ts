import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, runMigrations } from './data-source-options';
import { MIGRATIONS } from './migrations';

/**
 * `docker compose up --scale api=3`: every replica runs `main.js migrate` at the same moment on the same
 * empty database. Each migration must be applied exactly once, and every migrator must succeed.
 */
describe('migrations started by several replicas together', () => {
  const database = `migrate_lock_${randomBytes(4).toString('hex')}`;
  const url = new URL(process.env['DATABASE_URL'] as string);
  const admin = () => new Client({ connectionString: url.toString() });
  const freshUrl = () => Object.assign(new URL(url.toString()), { pathname: `/${database}` }).toString();

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
  });

  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  it('applies each migration once when three migrators start at the same time', async () => {
    const migrators = await Promise.all([1, 2, 3].map(() => createDataSource(freshUrl()).initialize()));
    try {
      const outcomes = await Promise.allSettled(migrators.map((dataSource) => runMigrations(dataSource)));
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
      expect(applied.sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());

      const rows: Array<{ name: string; times: string }> = await migrators[0].query(
        'SELECT name, count(*) AS times FROM migrations GROUP BY name HAVING count(*) > 1',
      );
      expect(rows).toEqual([]);
      // The lock is not left behind: a later migrator finds nothing to do and does not wait.
      expect(await runMigrations(migrators[1])).toEqual([]);
    } finally {
      await Promise.all(migrators.map((dataSource) => dataSource.destroy()));
    }
  });
});
