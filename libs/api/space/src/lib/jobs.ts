import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { MatchWaitlistPayload, QueueName, SpaceJob } from '@incubator/contracts';
import { WaitlistService } from './waitlist.service';

/** The space queue in the worker: waitlist matching and offer expiry. */
@Processor(QueueName.Space)
export class SpaceProcessor extends WorkerHost {
  private readonly logger = new Logger(SpaceProcessor.name);

  constructor(private readonly waitlist: WaitlistService) {
    super();
  }

  async process(job: Job<MatchWaitlistPayload>): Promise<void> {
    switch (job.name) {
      case SpaceJob.MatchWaitlist: {
        const offered = await this.waitlist.match(job.data.organisationId);
        this.logger.log({ organisationId: job.data.organisationId, offered }, 'waitlist matched');
        return;
      }
      case SpaceJob.ExpireOffers: {
        const organisations = await this.waitlist.expireOffers();
        if (organisations.length) this.logger.log({ organisations }, 'waitlist offers lapsed');
        return;
      }
      default:
        throw new Error(`Unknown job "${job.name}" on queue "${QueueName.Space}"`);
    }
  }
}

/**
 * The scheduler id offer expiry had when it was one global cron (WAITLIST_EXPIRY_CRON): it is now each
 * organisation's `waitlist_expiry` schedule, and the reports worker removes this one at start.
 */
export const LEGACY_OFFER_EXPIRY_SCHEDULER_ID = 'space:expire-offers';
