import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource, runMigrations } from '@incubator/api/database';
import { seedDemoData } from '../../seed/demo-seed';
import { WORKSPACE_ROOT } from '../../stack/local-stack';

/**
 * The deployment's application role (docker/postgres-init/app-role.psql, run by the postgres image on
 * its first start, before the api's first migration): the application reads and writes its rows but an
 * injected statement cannot change or destroy the schema. Replayed here in the order compose runs it.
 */
describe('the least-privilege application role of the deployment', () => {
  const database = `app_role_${randomBytes(4).toString('hex')}`;
  const appPassword = randomBytes(12).toString('hex');
  const owner = new URL(process.env['DATABASE_URL'] as string);
  const urlOf = (user: string, password: string, db: string) =>
    Object.assign(new URL(owner.toString()), { username: user, password, pathname: `/${db}` }).toString();
  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  };
  let app: Client;

  beforeAll(async () => {
    const admin = await connect(owner.toString());
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    // psql quotes :'app_password' as a literal; so does this replay (hex, nothing to escape).
    const script = readFileSync(join(WORKSPACE_ROOT, 'docker/postgres-init/app-role.psql'), 'utf8').replace(":'app_password'", `'${appPassword}'`);
    const asOwner = await connect(urlOf(owner.username, decodeURIComponent(owner.password), database));
    await asOwner.query(script);
    await asOwner.end();
    const migrator = await createDataSource(urlOf(owner.username, decodeURIComponent(owner.password), database)).initialize();
    await runMigrations(migrator);
    await migrator.destroy();
    app = await connect(urlOf('incubator_app', appPassword, database));
  });

  afterAll(async () => {
    await app?.end();
    const admin = await connect(owner.toString());
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query('DROP ROLE IF EXISTS incubator_app');
    await admin.end();
  });

  it('does what the application does: the demo seed writes through it', async () => {
    const dataSource = await createDataSource(urlOf('incubator_app', appPassword, database)).initialize();
    try {
      await seedDemoData(dataSource);
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM organisations');
      expect(count).toBeGreaterThan(0);
    } finally {
      await dataSource.destroy();
    }
  });

  it.each([
    ['create a table', 'CREATE TABLE intruder (id int)'],
    ['alter a table', 'ALTER TABLE organisations ADD COLUMN intruder int'],
    ['drop a table', 'DROP TABLE audit_events'],
    ['empty a table at once', 'TRUNCATE organisations CASCADE'],
    ['switch off the audit triggers', 'ALTER TABLE audit_events DISABLE TRIGGER ALL'],
    ['create a role', 'CREATE ROLE intruder'],
  ])('cannot %s', async (_what, sql) => {
    await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner/);
  });
});
