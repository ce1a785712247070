import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { schedulerId } from '@incubator/api/reports';
import { LEGACY_OFFER_EXPIRY_SCHEDULER_ID } from '@incubator/api/space';
import { HEARTBEAT_SCHEDULER_ID } from '@incubator/api/system';
import { KpisJob, QueueName, ReportsJob, SpaceJob, SystemJob } from '@incubator/contracts';
import type { QueueName as QueueNameType, ScheduleKind } from '@incubator/contracts';
import { WorkerModule } from './worker.module';

describe('worker (real PostgreSQL and Redis)', () => {
  let worker: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    worker = await (await NestFactory.createApplicationContext(WorkerModule, { logger: false })).init();
    queue = worker.get<Queue>(getQueueToken(QueueName.System));
  });

  afterAll(() => worker.close());

  it('registers the repeatable heartbeat once, with the configured cron', async () => {
    const scheduler = await queue.getJobScheduler(HEARTBEAT_SCHEDULER_ID);
    expect(scheduler?.pattern).toBe('*/5 * * * *');
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.filter((s) => s.key === HEARTBEAT_SCHEDULER_ID)).toHaveLength(1);
  });

  it('processes a heartbeat job from the queue into a row', async () => {
    const job = await queue.add(SystemJob.Heartbeat, { source: 'schedule' });
    const dataSource = worker.get(DataSource);
    let rows: Array<{ source: string }> = [];
    for (let attempt = 0; attempt < 100 && rows.length === 0; attempt++) {
      rows = await dataSource.query('SELECT source FROM heartbeats WHERE job_id = $1', [job.id]);
      if (rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(rows).toEqual([{ source: 'schedule' }]);
  });

  it('registers each schedule of an organisation on the queue of the domain that answers it, in its time zone', async () => {
    const [{ id: organisationId }] = await worker.get(DataSource).query(`SELECT id FROM organisations WHERE slug = 'demo'`);
    const queueOf = (name: QueueNameType) => worker.get<Queue>(getQueueToken(name));
    const expected: Array<[ScheduleKind, QueueNameType, string, Record<string, string>]> = [
      ['board_pack', QueueName.Reports, ReportsJob.Fire, { organisationId, kind: 'board_pack' }],
      ['occupancy', QueueName.Reports, ReportsJob.Fire, { organisationId, kind: 'occupancy' }],
      ['kpi_reminders', QueueName.Kpis, KpisJob.SendReminders, { organisationId }],
      ['waitlist_expiry', QueueName.Space, SpaceJob.ExpireOffers, { organisationId }],
    ];
    for (const [kind, name, job, data] of expected) {
      const scheduler = await queueOf(name).getJobScheduler(schedulerId(organisationId, kind));
      expect({ kind, tz: scheduler?.tz, name: scheduler?.name, data: scheduler?.template?.data }).toEqual({ kind, tz: 'Europe/Paris', name: job, data });
    }
    // The reports queue no longer fires other domains' schedules, and space's old global cron is gone.
    expect(await queueOf(QueueName.Reports).getJobScheduler(schedulerId(organisationId, 'kpi_reminders'))).toBeUndefined();
    expect(await queueOf(QueueName.Space).getJobScheduler(LEGACY_OFFER_EXPIRY_SCHEDULER_ID)).toBeUndefined();
  });

  it('fails a job whose name it does not know instead of silently dropping it', async () => {
    const job = await queue.add('no-such-job', {}, { attempts: 1 });
    let state = await job.getState();
    for (let attempt = 0; attempt < 100 && state !== 'failed'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await job.getState();
    }
    expect(state).toBe('failed');
    expect((await queue.getJob(String(job.id)))?.failedReason).toMatch(/Unknown job "no-such-job"/);
  });
});
