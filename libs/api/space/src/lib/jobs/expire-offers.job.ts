import { Logger } from '@nestjs/common';
import { Job, JobHandler } from '@incubator/api/queues';
import { SpaceJob } from '@incubator/contracts';
import type { ExpireOffersPayload } from '@incubator/contracts';
import { WaitlistService } from '../waitlist.service';

/** Lapses offers past their deadline (of the organisation whose schedule fired) and passes the space on. */
@JobHandler(SpaceJob.ExpireOffers)
export class ExpireOffersJob implements Job<typeof SpaceJob.ExpireOffers> {
  private readonly logger = new Logger(ExpireOffersJob.name);

  constructor(private readonly waitlist: WaitlistService) {}

  async handle({ organisationId }: ExpireOffersPayload): Promise<void> {
    const organisations = await this.waitlist.expireOffers(organisationId);
    if (organisations.length) this.logger.log({ organisations }, 'waitlist offers lapsed');
  }
}
