import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@incubator/api/config';
import { WorkerModule } from './app/worker.module';

/**
 * The BullMQ worker: a Nest application context (no HTTP). On SIGTERM/SIGINT, Nest closes the BullMQ
 * workers, which let the running jobs finish before the process exits.
 */
async function main(): Promise<void> {
  loadConfig(); // fail fast, with the names of the bad variables, before Nest starts anything
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
