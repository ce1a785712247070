import { INestApplicationContext, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { createServer } from 'node:net';
import { Test } from '@nestjs/testing';
import { BillingJobsModule } from '@incubator/api/billing';
import { ConfigModule } from '@incubator/api/config';
import { DatabaseModule } from '@incubator/api/database';
import { KpiRemindersJobsModule } from '@incubator/api/kpis';
import { QueuesModule } from '@incubator/api/queues';
import { ReportsJobsModule } from '@incubator/api/reports';
import { MailJobsModule } from '@incubator/api/mail';
import { SpaceJobsModule } from '@incubator/api/space';
import { SystemJobsModule } from '@incubator/api/system';
import { AppModule } from '../app/app.module';
import { configureApp } from '../app/configure-app';

/**
 * The real API module, configured exactly as main.ts does, listening on a free port, against the
 * PostgreSQL and Redis of the integration run.
 */
export async function startTestApi(): Promise<{ app: NestExpressApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}/api` };
}

/** The processors the worker app runs, from the same libraries (apps may not import each other). */
@Module({ imports: [ConfigModule, DatabaseModule, QueuesModule, SystemJobsModule, MailJobsModule, SpaceJobsModule, KpiRemindersJobsModule, ReportsJobsModule, BillingJobsModule] })
class TestWorkerModule {}

export async function startTestWorker(): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
  return context.init();
}

/** Polls until the request answers the expected status, returning the last response. */
export async function pollUntil(url: string, status: number, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url, { headers });
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

export const DEMO_PASSWORD = 'Demo-2026!';

/** Signs in through the real endpoint; returns the headers that carry the access token. */
export async function signIn(api: string, email: string, password = DEMO_PASSWORD): Promise<{ authorization: string }> {
  const response = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}
