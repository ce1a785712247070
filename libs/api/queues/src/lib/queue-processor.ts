import { Logger, OnModuleInit, Type } from '@nestjs/common';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import type { Job as BullJob } from 'bullmq';
import { SCHEDULE_KINDS } from '@incubator/contracts';
import type { JobName, JobPayloads, JobsOf, QueueName, ScheduleKind } from '@incubator/contracts';
import type { Job } from './job-handler';
import { jobHandlerName } from './job-handler';
import { JobRegistry } from './job-registry';
import { ScheduleRegistry, ScheduleTarget } from './schedule-registry';

/** What a domain's queue runs: its job classes, and the schedule kinds whose firing it answers. */
export interface QueueJobs<Q extends QueueName> {
  jobs: Array<Type<Job<JobsOf<Q>>>>;
  schedules?: Partial<Record<ScheduleKind, ScheduleTarget>>;
}

/**
 * The worker side of one queue: a domain declares `@Processor(QueueName.Space) class SpaceProcessor
 * extends QueueProcessor<'space'>` with its job classes and schedule kinds, and this dispatches each job
 * to the class declared for its name — no switch, no cast. Job classes are built with the providers of
 * the processor's module (`ModuleRef.create`), not provided themselves, so a domain's Nest module lists
 * only its processor; they hold no resource of their own (a connection is a provider they inject, as
 * MailTransport is), since nothing would close it.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost implements OnModuleInit {
  protected readonly registry: JobRegistry<Q>;
  private readonly logger = new Logger(QueueProcessor.name);

  protected constructor(
    queue: Q,
    private readonly moduleRef: ModuleRef,
    private readonly declared: QueueJobs<Q>,
  ) {
    super();
    this.registry = new JobRegistry(queue);
  }

  async onModuleInit(): Promise<void> {
    for (const type of this.declared.jobs) this.registry.register(jobHandlerName(type), await this.moduleRef.create(type));
    const schedules = this.moduleRef.get(ScheduleRegistry, { strict: false });
    for (const kind of SCHEDULE_KINDS) {
      const target = this.declared.schedules?.[kind];
      if (target) schedules.register(kind, target);
    }
  }

  process(job: BullJob<JobPayloads[JobName]>): Promise<void> {
    return this.registry.dispatch(job);
  }

  /**
   * BullMQ does not await event listeners: a rejection here would be unhandled and end the worker process.
   * It happens when the job failed because PostgreSQL is unreachable (a pooler restarting) and recording the
   * failure needs PostgreSQL too; the job is retried or stays failed in Redis all the same.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: BullJob<JobPayloads[JobName]> | undefined, error: Error): Promise<void> {
    if (!job) return;
    try {
      await this.registry.failed(job, error);
    } catch (recording) {
      this.logger.warn({ jobId: job.id, name: job.name, error: recording instanceof Error ? recording.message : String(recording) }, 'could not record a failed job');
    }
  }
}
