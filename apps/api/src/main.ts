import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@incubator/api/config';
import { createDataSource, runMigrations } from '@incubator/api/database';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { serveFromProcesses } from './serve-from-processes';

/**
 * `node main.js` serves the API (from API_PROCESSES processes); `node main.js migrate` applies pending
 * migrations and exits (the container entrypoint runs it once before starting the server).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (process.argv[2] === 'migrate') {
    // Straight to PostgreSQL: the migration lock is a session-level advisory lock (see runMigrations).
    const dataSource = await createDataSource(config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL).initialize();
    const ran = await runMigrations(dataSource);
    console.log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'No pending migrations');
    await dataSource.destroy();
    return;
  }
  if (config.API_PROCESSES > 1 && cluster.isPrimary) return serveFromProcesses(config.API_PROCESSES);
  const app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false }));
  await app.listen(config.API_PORT);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
