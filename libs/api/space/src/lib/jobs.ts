import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '@incubator/api/config';
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

export const OFFER_EXPIRY_SCHEDULER_ID = 'space:expire-offers';

/** Registered by the worker only, so API replicas never fire it. */
@Injectable()
export class OfferExpiryScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Space) private readonly spaceQueue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.spaceQueue.upsertJobScheduler(OFFER_EXPIRY_SCHEDULER_ID, { pattern: this.config.WAITLIST_EXPIRY_CRON, tz: 'UTC' }, { name: SpaceJob.ExpireOffers, data: {} });
  }
}
