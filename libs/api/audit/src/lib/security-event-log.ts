import { Injectable } from '@nestjs/common';
import type { PageResponse, SecurityEventResponse } from '@incubator/contracts';
import { SecurityEventRepository } from './security-event.repository';
import type { SecurityEventType } from './security-events.service';

export interface SecurityEventFilter {
  type?: SecurityEventType;
  limit: number;
  offset: number;
}

/** Reads an organisation's security events for its admins, newest first (writing is SecurityEvents'). */
@Injectable()
export class SecurityEventLog {
  constructor(private readonly events: SecurityEventRepository) {}

  async list(organisationId: string, filter: SecurityEventFilter): Promise<PageResponse<SecurityEventResponse>> {
    const { items, total } = await this.events.page(organisationId, filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }
}
