import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startLocalStack, WORKSPACE_ROOT } from '../stack/local-stack';

/**
 * Starts PostgreSQL and Redis for the integration tier (throwaway, deleted afterwards), migrates the
 * schema and writes the demo data once with the project's own `db:seed` command, and hands the URLs to the tests through the
 * environment. (Jest's module mapper does not apply here, so the migration runs as a command.)
 */
export default async function setup(): Promise<void> {
  process.env['TZ'] = 'UTC';
  const stack = await startLocalStack({ mode: 'throwaway' });
  (globalThis as { __STACK__?: unknown }).__STACK__ = stack;
  process.env['DATABASE_URL'] = stack.databaseUrl;
  process.env['REDIS_URL'] = stack.redisUrl;
  process.env['NODE_ENV'] = 'test';
  process.env['LOG_LEVEL'] ??= 'silent';
  // A killed worker's report job goes to another worker after this long (the default 30 s would slow the test).
  process.env['REPORT_LOCK_MS'] = '3000';
  process.env['JWT_SECRET'] = randomBytes(48).toString('base64url');
  // The tier signs in, exports and reports hundreds of times a minute as the same demo users from 127.0.0.1:
  // lift the route rate limits (rate-limit.integration.spec.ts sets its own low ones to test them).
  for (const limit of ['SIGN_IN', 'PASSWORD_RESET', 'INVITATIONS', 'EXPORTS', 'IMPORTS', 'REPORTS', 'BOARD']) process.env[`RATE_LIMIT_${limit}`] ??= '1000000';
  try {
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/db/cli.ts', 'seed'], {
      cwd: WORKSPACE_ROOT,
      env: process.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
