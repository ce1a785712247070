import { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QueueProcessor } from '@incubator/api/queues';
import { QueueName, SpaceJob } from '@incubator/contracts';
import { ExpireOffersJob } from './expire-offers.job';
import { MatchWaitlistJob } from './match-waitlist.job';

/**
 * The scheduler id offer expiry had when it was one global cron (WAITLIST_EXPIRY_CRON): it is now each
 * organisation's `waitlist_expiry` schedule, and the space worker removes this one at start.
 */
export const LEGACY_OFFER_EXPIRY_SCHEDULER_ID = 'space:expire-offers';

/** The space queue in the worker: waitlist matching and offer expiry, which each organisation's `waitlist_expiry` schedule fires. */
@Processor(QueueName.Space)
export class SpaceProcessor extends QueueProcessor<typeof QueueName.Space> implements OnApplicationBootstrap {
  constructor(
    moduleRef: ModuleRef,
    @InjectQueue(QueueName.Space) private readonly queue: Queue,
  ) {
    super(QueueName.Space, moduleRef, {
      jobs: [MatchWaitlistJob, ExpireOffersJob],
      schedules: { waitlist_expiry: (organisationId) => ({ name: SpaceJob.ExpireOffers, data: { organisationId } }) },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.removeJobScheduler(LEGACY_OFFER_EXPIRY_SCHEDULER_ID);
  }
}
