import { ModuleRef } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { MailJob, QueueName, ReportsJob, SpaceJob } from '@incubator/contracts';
import type { MailJobPayload, ReportRunPayload } from '@incubator/contracts';
import { Job, JobHandler, jobHandlerName } from './job-handler';
import { JobRegistry, QueuedJob } from './job-registry';
import { ScheduleRegistry } from './schedule-registry';

@JobHandler(ReportsJob.Run)
class RunJob implements Job<typeof ReportsJob.Run> {
  readonly runs: string[] = [];
  readonly failures: Array<[string, boolean]> = [];
  async handle({ runId }: ReportRunPayload): Promise<void> {
    this.runs.push(runId);
  }
  async failed({ runId }: ReportRunPayload, _error: Error, final: boolean): Promise<void> {
    this.failures.push([runId, final]);
  }
}

const queued = (name: string, data: QueuedJob['data'], attemptsMade = 0): QueuedJob => ({ id: '1', name, data, timestamp: 0, attemptsMade, opts: { attempts: 3 } });

describe('JobRegistry', () => {
  it('hands a job to the class declared for its name, and a failure to its failed hook', async () => {
    const registry = new JobRegistry(QueueName.Reports);
    const handler = new RunJob();
    registry.register(jobHandlerName(RunJob), handler);
    await registry.dispatch(queued(ReportsJob.Run, { runId: 'r1' }));
    await registry.failed(queued(ReportsJob.Run, { runId: 'r1' }, 1), new Error('boom'));
    await registry.failed(queued(ReportsJob.Run, { runId: 'r1' }, 3), new Error('boom'));
    expect(handler.runs).toEqual(['r1']);
    expect(handler.failures).toEqual([['r1', false], ['r1', true]]);
  });

  it('fails a job whose name it does not know, or that another queue runs', async () => {
    const registry = new JobRegistry(QueueName.Reports);
    registry.register(ReportsJob.Run, new RunJob());
    await expect(registry.dispatch(queued('no-such-job', { runId: 'r1' }))).rejects.toThrow('Unknown job "no-such-job" on queue "reports"');
    const mail: MailJobPayload = { to: 'a@b.test', subject: 's', text: 't' };
    await expect(registry.dispatch(queued(MailJob.Send, mail))).rejects.toThrow('Unknown job "send" on queue "reports"');
    // A job of the queue nobody registered a handler for is as unknown.
    await expect(registry.dispatch(queued(ReportsJob.Fire, { organisationId: 'o', kind: 'board_pack' }))).rejects.toThrow('Unknown job "fire"');
  });

  it('refuses a second handler for a name, and a handler for a job the queue does not run', () => {
    const registry = new JobRegistry(QueueName.Reports);
    registry.register(ReportsJob.Run, new RunJob());
    expect(() => registry.register(ReportsJob.Run, new RunJob())).toThrow('Job "run" on queue "reports" has two handlers');
    expect(() => registry.register(SpaceJob.MatchWaitlist, new RunJob())).toThrow('No job "match-waitlist" runs on queue "reports"');
    expect(() => registry.register('no-such-job', new RunJob())).toThrow('No job "no-such-job"');
    expect(() => registry.register(undefined, new RunJob())).toThrow('No job "undefined"');
  });

  it('makes a job class injectable, with its name as metadata', async () => {
    const moduleRef = await Test.createTestingModule({}).compile();
    expect(await moduleRef.get(ModuleRef).create(RunJob)).toBeInstanceOf(RunJob);
    expect(jobHandlerName(RunJob)).toBe(ReportsJob.Run);
  });
});

describe('ScheduleRegistry', () => {
  it('answers the job a kind enqueues, refuses a kind registered twice and one nobody registered', () => {
    const schedules = new ScheduleRegistry();
    schedules.register('waitlist_expiry', (organisationId) => ({ name: SpaceJob.ExpireOffers, data: { organisationId } }));
    expect(schedules.job('waitlist_expiry', 'o1')).toEqual({ name: SpaceJob.ExpireOffers, data: { organisationId: 'o1' } });
    expect(() => schedules.register('waitlist_expiry', (organisationId) => ({ name: SpaceJob.ExpireOffers, data: { organisationId } }))).toThrow(/registered twice/);
    expect(() => schedules.job('kpi_reminders', 'o1')).toThrow(/No domain handles schedule kind "kpi_reminders"/);
  });
});

describe('the job map (compile-time)', () => {
  it('refuses a payload that is not the job’s', () => {
    const schedules = new ScheduleRegistry();
    // @ts-expect-error the expiry job carries an organisation id, not a run id
    schedules.register('waitlist_expiry', () => ({ name: SpaceJob.ExpireOffers, data: { runId: 'r' } }));
    // @ts-expect-error a report run job needs its run id
    const wrong: Job<typeof ReportsJob.Run> = { handle: async (data: MailJobPayload) => void data };
    expect(wrong).toBeDefined();
  });
});
