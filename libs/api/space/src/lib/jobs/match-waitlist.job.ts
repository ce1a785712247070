import { Logger } from '@nestjs/common';
import { Job, JobHandler } from '@incubator/api/queues';
import { SpaceJob } from '@incubator/contracts';
import type { MatchWaitlistPayload } from '@incubator/contracts';
import { WaitlistService } from '../waitlist.service';

/** Offers freed space to the best waiting requests of an organisation. */
@JobHandler(SpaceJob.MatchWaitlist)
export class MatchWaitlistJob implements Job<typeof SpaceJob.MatchWaitlist> {
  private readonly logger = new Logger(MatchWaitlistJob.name);

  constructor(private readonly waitlist: WaitlistService) {}

  async handle({ organisationId }: MatchWaitlistPayload): Promise<void> {
    const offered = await this.waitlist.match(organisationId);
    this.logger.log({ organisationId, offered }, 'waitlist matched');
  }
}
