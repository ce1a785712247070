import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import type { Caller } from '@incubator/api/identity';
import type { CreateLeaseRequest, CreateWaitlistRequest, LeaseResponse, WaitlistEntryResponse } from '@incubator/contracts';
import { roundUpToModules } from './allocation/grid';
import { LeaseService } from './lease.service';
import { SpaceErrors } from './space.errors';
import { SpaceReferenceRepository } from './space-references.repository';
import { WaitlistRepository } from './waitlist.repository';
import { WaitlistTrigger } from './waitlist-trigger';

/**
 * The office waitlist. Requests wait in priority order; a job (never the request that freed the
 * space) offers free space to the best candidates with a deadline; an accepted offer becomes a lease,
 * an unconfirmed one lapses and the space passes to the next request.
 */
@Injectable()
export class WaitlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trigger: WaitlistTrigger,
    private readonly leases: LeaseService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly requests: WaitlistRepository,
    private readonly references: SpaceReferenceRepository,
  ) {}

  async create(caller: Caller, request: CreateWaitlistRequest): Promise<WaitlistEntryResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.references.startupExists(caller.organisationId, request.startupId, manager))) throw SpaceErrors.startup_not_found();
      // A site of another organisation would otherwise be stored, listed and audited (the composite key refuses it too, as a bare 23503).
      if (request.siteId && !(await this.references.siteExists(caller.organisationId, request.siteId, manager))) throw SpaceErrors.site_not_found();
      const areaM2 = roundUpToModules(request.areaM2);
      const requestId = await this.requests.insertRequest(manager, caller.organisationId, {
        startupId: request.startupId,
        siteId: request.siteId ?? null,
        areaM2,
        startsOn: request.startsOn,
        endsOn: request.endsOn ?? null,
        programKind: request.programKind,
        monthlyPricePerM2Cents: request.monthlyPricePerM2Cents,
      });
      await this.audit.recordBy(manager, caller, { action: 'waitlist.requested', entityType: 'waitlist_request', entityId: requestId, after: { ...request, areaM2 } });
      return requestId;
    });
    await this.trigger.spaceFreed(caller.organisationId);
    return this.get(caller.organisationId, id);
  }

  list(organisationId: string): Promise<WaitlistEntryResponse[]> {
    return this.requests.list(organisationId);
  }

  /**
   * The job: walks waiting requests in priority order and offers each the best free office, if any.
   * Offered modules are held by the open offer, so the next request gets other modules.
   */
  async match(organisationId: string): Promise<number> {
    const waiting = await this.requests.waiting(organisationId);
    let offered = 0;
    for (const request of waiting) {
      const held = await this.requests.heldModuleIds(organisationId);
      const proposals = await this.leases.propose(
        { organisationId },
        { areaM2: request.areaM2, startsOn: request.startsOn, endsOn: request.endsOn ?? undefined, siteId: request.siteId ?? undefined, limit: 20 },
      );
      const best = proposals.find((p) => !p.moduleIds.some((id) => held.includes(id)));
      if (!best) continue;
      await this.dataSource.transaction(async (manager) => {
        if ((await this.requests.lockRequest(manager, request.id)) !== 'waiting') return;
        await this.requests.offer(manager, request.id, best.floorId, best.moduleIds, this.config.WAITLIST_OFFER_TTL_HOURS);
        offered++;
      });
    }
    return offered;
  }

  /**
   * Lapses open offers past their deadline (of one organisation, or all); their space goes to the next
   * request. Returns the organisations touched.
   */
  async expireOffers(organisationId?: string): Promise<string[]> {
    const expired = await this.dataSource.transaction((manager) => this.requests.lapseExpiredOffers(manager, organisationId ?? null));
    const organisations = [...new Set(expired.map((row) => row.organisationId))];
    for (const organisationId of organisations) await this.trigger.spaceFreed(organisationId);
    return organisations;
  }

  /**
   * Confirms an open offer: the offered modules become a lease (409 if they were taken meanwhile). One
   * transaction with the offer row locked: the expiry job, which lapses open offers, waits for it and then
   * finds the offer accepted; a failure leaves no lease behind.
   */
  async accept(caller: Caller, offerId: string): Promise<LeaseResponse> {
    const leaseId = await this.dataSource.transaction(async (manager) => {
      const offer = await this.requests.offerForUpdate(manager, caller.organisationId, offerId);
      if (!offer) throw SpaceErrors.waitlist_offer_not_found();
      if (offer.status === 'accepted') throw SpaceErrors.waitlist_offer_accepted();
      if (offer.status === 'lapsed') throw SpaceErrors.waitlist_offer_lapsed();
      if (offer.expiresAt.getTime() <= Date.now()) throw SpaceErrors.waitlist_offer_expired();
      const id = await this.leases.insert(manager, caller, {
        startupId: offer.startupId,
        moduleIds: offer.moduleIds,
        startsOn: offer.startsOn,
        endsOn: offer.endsOn ?? undefined,
        programKind: offer.programKind,
        monthlyPricePerM2Cents: offer.monthlyPricePerM2Cents,
      });
      await this.requests.accepted(manager, offer, id);
      return id;
    });
    return this.leases.get(caller, leaseId);
  }

  /**
   * Answers a waiting or offered request with a lease the park's team chose (the space page's "Proposer
   * un bureau"): the lease and the request's `accepted` in one transaction, the request's row locked; the
   * lease must be the requesting startup's. An open offer of the request lapses: its modules go to the next.
   */
  async fulfil(caller: Caller, requestId: string, lease: CreateLeaseRequest): Promise<LeaseResponse> {
    const { leaseId, released } = await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lockRequestWithStartup(manager, caller.organisationId, requestId);
      if (!request) throw SpaceErrors.waitlist_request_not_found();
      if (request.status !== 'waiting' && request.status !== 'offered') throw SpaceErrors.waitlist_request_closed({ status: request.status });
      if (lease.startupId !== request.startupId) throw SpaceErrors.waitlist_other_startup();
      const id = await this.leases.insert(manager, caller, lease);
      const freed = await this.requests.fulfilled(manager, requestId);
      await this.audit.recordBy(manager, caller, {
        action: 'waitlist.fulfilled',
        entityType: 'waitlist_request',
        entityId: requestId,
        before: { status: request.status },
        after: { status: 'accepted', leaseId: id },
      });
      return { leaseId: id, released: freed };
    });
    if (released) await this.trigger.spaceFreed(caller.organisationId);
    return this.leases.get(caller, leaseId);
  }

  /** Takes a waiting or offered request off the list (an open offer's modules go to the next request). */
  async cancel(caller: Caller, requestId: string): Promise<WaitlistEntryResponse> {
    const released = await this.dataSource.transaction(async (manager) => {
      const status = await this.requests.lockRequestOf(manager, caller.organisationId, requestId);
      if (!status) throw SpaceErrors.waitlist_request_not_found();
      if (status !== 'waiting' && status !== 'offered') throw SpaceErrors.waitlist_request_closed({ status });
      const freed = await this.requests.cancel(manager, requestId);
      await this.audit.recordBy(manager, caller, { action: 'waitlist.cancelled', entityType: 'waitlist_request', entityId: requestId, before: { status } });
      return freed;
    });
    if (released) await this.trigger.spaceFreed(caller.organisationId);
    return this.get(caller.organisationId, requestId);
  }

  private async get(organisationId: string, id: string): Promise<WaitlistEntryResponse> {
    const entry = (await this.list(organisationId)).find((e) => e.id === id);
    if (!entry) throw SpaceErrors.waitlist_request_not_found();
    return entry;
  }
}
