import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { MatchWaitlistPayload, QueueName, SpaceJob } from '@incubator/contracts';

/**
 * Asks the worker to offer freed space to the waitlist. Called wherever space frees up (a lease
 * shrinks or ends, a floor is added, an offer lapses): the offers themselves are made by the job.
 */
@Injectable()
export class WaitlistTrigger {
  constructor(@InjectQueue(QueueName.Space) private readonly spaceQueue: Queue<MatchWaitlistPayload>) {}

  async spaceFreed(organisationId: string): Promise<void> {
    // Triggers arriving while a run is pending collapse into that one run.
    await this.spaceQueue.add(SpaceJob.MatchWaitlist, { organisationId }, { deduplication: { id: `waitlist-match:${organisationId}` } });
  }
}
