import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import type { Caller } from '@incubator/api/identity';
import { bilingualError } from '@incubator/contracts';
import type { CreateWaitlistRequest, LeaseResponse, WaitlistEntryResponse } from '@incubator/contracts';
import { roundUpToModules } from './allocation/grid';
import { LeaseService } from './lease.service';
import { WaitlistTrigger } from './waitlist-trigger';

/** Program startups before business-centre tenants, then first come, first served. */
const QUEUE_ORDER = `(r.program_kind = 'business_centre'), r.requested_at, r.id`;

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
  ) {}

  async create(caller: Caller, request: CreateWaitlistRequest): Promise<WaitlistEntryResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [startup] = await manager.query('SELECT 1 FROM startups WHERE id = $1 AND organisation_id = $2', [request.startupId, caller.organisationId]);
      if (!startup) throw new NotFoundException('No such startup in this organisation');
      // A site of another organisation would otherwise be stored, listed and audited (the composite key refuses it too, as a bare 23503).
      if (request.siteId && !(await manager.query('SELECT 1 FROM sites WHERE id = $1 AND organisation_id = $2', [request.siteId, caller.organisationId])).length) {
        throw new NotFoundException(
          bilingualError({ fr: 'Site inconnu dans cette organisation.', en: 'No such site in this organisation.' }, { siteId: { fr: 'site inconnu dans cette organisation', en: 'no such site in this organisation' } }),
        );
      }
      const [row] = await manager.query(
        `INSERT INTO waitlist_requests (organisation_id, startup_id, site_id, area_m2, starts_on, ends_on, program_kind, monthly_price_per_m2_cents)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [caller.organisationId, request.startupId, request.siteId ?? null, roundUpToModules(request.areaM2), request.startsOn, request.endsOn ?? null, request.programKind, request.monthlyPricePerM2Cents],
      );
      await this.audit.recordBy(manager, caller, { action: 'waitlist.requested', entityType: 'waitlist_request', entityId: row.id, after: { ...request, areaM2: roundUpToModules(request.areaM2) } });
      return row.id as string;
    });
    await this.trigger.spaceFreed(caller.organisationId);
    return this.get(caller.organisationId, id);
  }

  async list(organisationId: string): Promise<WaitlistEntryResponse[]> {
    const rows = await this.dataSource.query(
      `SELECT r.*, s.legal_name,
              CASE WHEN r.status = 'waiting' THEN row_number() OVER (PARTITION BY r.status = 'waiting' ORDER BY ${QUEUE_ORDER}) END AS position,
              o.id AS offer_id, o.floor_id, o.module_ids, o.status AS offer_status, o.expires_at, o.lease_id
       FROM waitlist_requests r JOIN startups s ON s.id = r.startup_id
       LEFT JOIN LATERAL (SELECT * FROM waitlist_offers o WHERE o.request_id = r.id ORDER BY o.created_at DESC LIMIT 1) o ON true
       WHERE r.organisation_id = $1 ORDER BY (r.status <> 'waiting'), ${QUEUE_ORDER}`,
      [organisationId],
    );
    return rows.map(toResponse);
  }

  /**
   * The job: walks waiting requests in priority order and offers each the best free office, if any.
   * Offered modules are held by the open offer, so the next request gets other modules.
   */
  async match(organisationId: string): Promise<number> {
    const waiting = await this.dataSource.query(
      `SELECT r.* FROM waitlist_requests r WHERE r.organisation_id = $1 AND r.status = 'waiting' ORDER BY ${QUEUE_ORDER}`,
      [organisationId],
    );
    let offered = 0;
    for (const request of waiting) {
      const held: string[] = (
        await this.dataSource.query(`SELECT unnest(o.module_ids) AS id FROM waitlist_offers o JOIN waitlist_requests r ON r.id = o.request_id WHERE r.organisation_id = $1 AND o.status = 'open'`, [organisationId])
      ).map((row: { id: string }) => row.id);
      const proposals = await this.leases.propose(
        { organisationId },
        { areaM2: request.area_m2, startsOn: request.starts_on, endsOn: request.ends_on ?? undefined, siteId: request.site_id ?? undefined, limit: 20 },
      );
      const best = proposals.find((p) => !p.moduleIds.some((id) => held.includes(id)));
      if (!best) continue;
      await this.dataSource.transaction(async (manager) => {
        const [locked] = await manager.query(`SELECT status FROM waitlist_requests WHERE id = $1 FOR UPDATE`, [request.id]);
        if (locked.status !== 'waiting') return;
        await manager.query(
          `INSERT INTO waitlist_offers (request_id, floor_id, module_ids, expires_at) VALUES ($1, $2, $3::uuid[], now() + make_interval(hours => $4))`,
          [request.id, best.floorId, best.moduleIds, this.config.WAITLIST_OFFER_TTL_HOURS],
        );
        await manager.query(`UPDATE waitlist_requests SET status = 'offered' WHERE id = $1`, [request.id]);
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
    const expired = await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE waitlist_offers o SET status = 'lapsed' FROM waitlist_requests r
         WHERE o.request_id = r.id AND o.status = 'open' AND o.expires_at <= now() AND ($1::uuid IS NULL OR r.organisation_id = $1)
         RETURNING r.id, r.organisation_id`,
        [organisationId ?? null],
      );
      for (const row of rows) await manager.query(`UPDATE waitlist_requests SET status = 'lapsed' WHERE id = $1`, [row.id]);
      return rows as Array<{ id: string; organisation_id: string }>;
    });
    const organisations = [...new Set(expired.map((row) => row.organisation_id))];
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
      const [offer] = await manager.query(
        `SELECT o.*, r.startup_id, r.starts_on, r.ends_on, r.program_kind, r.monthly_price_per_m2_cents
         FROM waitlist_offers o JOIN waitlist_requests r ON r.id = o.request_id WHERE o.id = $1 AND r.organisation_id = $2
         FOR UPDATE OF o`,
        [offerId, caller.organisationId],
      );
      if (!offer) throw new NotFoundException('No such offer');
      if (offer.status !== 'open') throw new GoneException(`This offer is ${offer.status}`);
      if (offer.expires_at.getTime() <= Date.now()) throw new GoneException('This offer has expired');
      const id = await this.leases.insert(manager, caller, {
        startupId: offer.startup_id,
        moduleIds: offer.module_ids,
        startsOn: offer.starts_on,
        endsOn: offer.ends_on ?? undefined,
        programKind: offer.program_kind,
        monthlyPricePerM2Cents: offer.monthly_price_per_m2_cents,
      });
      await manager.query(`UPDATE waitlist_offers SET status = 'accepted', lease_id = $2 WHERE id = $1`, [offerId, id]);
      await manager.query(`UPDATE waitlist_requests SET status = 'accepted' WHERE id = $1`, [offer.request_id]);
      return id;
    });
    return this.leases.get(caller, leaseId);
  }

  private async get(organisationId: string, id: string): Promise<WaitlistEntryResponse> {
    const entry = (await this.list(organisationId)).find((e) => e.id === id);
    if (!entry) throw new NotFoundException('No such waitlist request');
    return entry;
  }
}

function toResponse(row: Record<string, unknown>): WaitlistEntryResponse {
  return {
    id: row['id'] as string,
    startupId: row['startup_id'] as string,
    startupName: row['legal_name'] as string,
    // Rows stored before the rounding rule held the raw request (1 m²): shown as whole modules too.
    areaM2: roundUpToModules(row['area_m2'] as number),
    startsOn: row['starts_on'] as string,
    endsOn: (row['ends_on'] as string | null) ?? null,
    siteId: (row['site_id'] as string | null) ?? null,
    programKind: row['program_kind'] as WaitlistEntryResponse['programKind'],
    status: row['status'] as WaitlistEntryResponse['status'],
    requestedAt: (row['requested_at'] as Date).toISOString(),
    position: row['position'] === null ? null : Number(row['position']),
    offer: row['offer_id']
      ? {
          id: row['offer_id'] as string,
          floorId: row['floor_id'] as string,
          moduleIds: row['module_ids'] as string[],
          status: row['offer_status'] as 'open' | 'accepted' | 'lapsed',
          expiresAt: (row['expires_at'] as Date).toISOString(),
          leaseId: (row['lease_id'] as string | null) ?? null,
        }
      : null,
  };
}
