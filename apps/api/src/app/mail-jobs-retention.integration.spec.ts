import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MailJob, QueueName } from '@incubator/contracts';
import type { MailJobPayload } from '@incubator/contracts';
import { startTestApi, startTestWorker } from '../test/test-app';

/**
 * A mail job holds the mail's text, invitation and reset links included: Redis must not keep it once the
 * worker is done with it (other queues keep their recent jobs for diagnosis).
 */
describe('mail jobs are not kept in Redis (real Redis and worker)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let mail: Queue;

  beforeAll(async () => {
    ({ app } = await startTestApi());
    worker = await startTestWorker();
    mail = app.get<Queue>(getQueueToken(QueueName.Mail));
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  it('removes a sent mail job, link and all, as soon as it is done', async () => {
    const payload: MailJobPayload = { to: 'retention@demo.test', subject: 'Reset', text: 'https://example.test/reset#token=secret', template: 'password-reset' };
    const job = await mail.add(MailJob.Send, payload);
    const gone = Date.now() + 5_000;
    while ((await mail.getJob(job.id as string)) && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await mail.getJob(job.id as string)).toBeUndefined();
    expect(await mail.getJobCounts('completed', 'failed')).toEqual({ completed: 0, failed: 0 });
  });

  it('does not keep a mail job that failed either', () => {
    expect(mail.defaultJobOptions).toMatchObject({ removeOnComplete: true, removeOnFail: true });
  });
});
