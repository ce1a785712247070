import { Injectable, SetMetadata, Type } from '@nestjs/common';
import type { JobName, JobPayloads } from '@incubator/contracts';

/** What a handler may know of the BullMQ job besides its payload (no BullMQ types in the domains). */
export interface JobContext {
  id: string;
  /** When the job was added (ms since the epoch). */
  timestamp: number;
  attemptsMade: number;
}

/**
 * One job's work, in the domain that owns it (Twenty's one class per job): `handle` gets the payload
 * the job map declares for its name. `failed`, when present, hears of each failed attempt, `final` on
 * the last one.
 */
export interface Job<N extends JobName> {
  handle(data: JobPayloads[N], context: JobContext): Promise<void>;
  failed?(data: JobPayloads[N], error: Error, final: boolean): Promise<void>;
}

const JOB_NAME = Symbol('job-name');

/**
 * `@JobHandler(ReportsJob.Run) class ReportRunJob implements Job<typeof ReportsJob.Run>`: names the job a class
 * handles (the class must accept that job's payload) and makes it injectable.
 */
export function JobHandler<N extends JobName>(name: N): (target: Type<Job<N>>) => void {
  return (target) => {
    Injectable()(target);
    SetMetadata(JOB_NAME, name)(target);
  };
}

/** The job name a class was declared for with `@JobHandler`, if any. */
export function jobHandlerName(target: Type<unknown>): unknown {
  return Reflect.getMetadata(JOB_NAME, target);
}
