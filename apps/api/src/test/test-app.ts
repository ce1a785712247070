import { INestApplication, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer } from 'node:net';
import { Test } from '@nestjs/testing';
import { ConfigModule } from '@incubator/api/config';
import { DatabaseModule } from '@incubator/api/database';
import { QueuesModule } from '@incubator/api/queues';
import { SystemJobsModule } from '@incubator/api/system';
import { AppModule } from '../app/app.module';
import { configureApp } from '../app/configure-app';

/**
 * The real API module, configured exactly as main.ts does, listening on a free port, against the
 * PostgreSQL and Redis of the integration run.
 */
export async function startTestApi(): Promise<{ app: INestApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}/api` };
}

/** The processors the worker app runs, from the same libraries (apps may not import each other). */
@Module({ imports: [ConfigModule, DatabaseModule, QueuesModule, SystemJobsModule] })
class TestWorkerModule {}

export async function startTestWorker(): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
  return context.init();
}

/** Polls until the request answers the expected status, returning the last response. */
export async function pollUntil(url: string, status: number, timeoutMs = 10_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    if (response.status === status || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port nothing listens on (the kernel hands it out, we close it at once). */
export function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
