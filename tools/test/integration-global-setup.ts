import { execFileSync } from 'node:child_process';
import { startLocalStack, WORKSPACE_ROOT } from '../stack/local-stack';

/**
 * Starts PostgreSQL and Redis for the integration tier (throwaway, deleted afterwards), migrates the
 * schema once with the project's own migration command, and hands the URLs to the tests through the
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
  try {
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/db/cli.ts', 'migrate'], {
      cwd: WORKSPACE_ROOT,
      env: process.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
