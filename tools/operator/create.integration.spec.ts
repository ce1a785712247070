import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const WORKSPACE_ROOT = `${__dirname}/../..`;

/** `npm run operator:create`, run as the README says, against the integration tier's database. */
async function operatorCreate(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/operator/create.ts', ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run operator:create', () => {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] });
  beforeAll(() => db.connect());
  afterAll(() => db.end());

  it('creates a platform operator outside every organisation, idempotently, with the password from the environment', async () => {
    const email = `ops-${randomUUID()}@platform.test`;
    const created = await operatorCreate(['--email', email, '--name', 'Ops'], { OPERATOR_PASSWORD: 'Operator-2026!' });
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain(email);
    expect(created.stdout + created.stderr).not.toContain('Operator-2026!');
    const again = await operatorCreate(['--email', email.toUpperCase(), '--password', 'Operator-2027!']);
    expect(again.code).toBe(0);
    const { rows } = await db.query(
      `SELECT u.display_name, (SELECT count(*)::int FROM memberships m WHERE m.user_id = u.id) AS memberships
       FROM users u JOIN platform_operators p ON p.user_id = u.id WHERE u.email = $1`,
      [email],
    );
    expect(rows).toEqual([{ display_name: 'Platform operator', memberships: 0 }]);
  }, 60_000);

  it('refuses a member of an organisation, a short password and a missing email, and creates nothing', async () => {
    const member = await operatorCreate(['--email', 'admin@demo.test', '--password', 'Operator-2026!']);
    expect(member.code).toBe(1);
    expect(member.stderr).toContain('belongs to an organisation');
    expect((await operatorCreate(['--email', `x-${randomUUID()}@platform.test`, '--password', 'short'])).stderr).toContain('10 to 128');
    expect((await operatorCreate(['--password', 'Operator-2026!'])).stderr).toContain('--email');
    const { rows } = await db.query(`SELECT 1 FROM platform_operators p JOIN users u ON u.id = p.user_id WHERE u.email = 'admin@demo.test'`);
    expect(rows).toEqual([]);
  }, 60_000);
});
