import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { HEARTBEAT_SCHEDULER_ID } from '@incubator/api/system';
import { QueueName, SystemJob } from '@incubator/contracts';
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
