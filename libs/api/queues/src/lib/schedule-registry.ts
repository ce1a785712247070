import { Injectable } from '@nestjs/common';
import type { JobRequest, ScheduleKind } from '@incubator/contracts';

/** The job a schedule of an organisation enqueues when it fires. */
export type ScheduleTarget = (organisationId: string) => JobRequest;

/**
 * Which domain answers which schedule kind. The schedules themselves (cron, time zone, on or off) are
 * rows an admin edits; each domain registers here, at worker start, the job a firing of its kinds
 * enqueues (space: `waitlist_expiry` → its offer expiry job), and whoever registers the BullMQ job
 * schedulers asks it. A kind is answered by one domain.
 */
@Injectable()
export class ScheduleRegistry {
  private readonly targets = new Map<ScheduleKind, ScheduleTarget>();

  register(kind: ScheduleKind, target: ScheduleTarget): void {
    if (this.targets.has(kind)) throw new Error(`Schedule kind "${kind}" is registered twice`);
    this.targets.set(kind, target);
  }

  /** The job the organisation's schedule of this kind enqueues; a kind no domain registered is a wiring error. */
  job(kind: ScheduleKind, organisationId: string): JobRequest {
    const target = this.targets.get(kind);
    if (!target) throw new Error(`No domain handles schedule kind "${kind}" (is its jobs module in the worker?)`);
    return target(organisationId);
  }
}
