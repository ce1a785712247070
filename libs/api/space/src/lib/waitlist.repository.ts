import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { ProgramKind, WaitlistEntryResponse, WaitlistOfferResponse, WaitlistStatus } from '@incubator/contracts';
import { roundUpToModules } from './allocation/grid';

/** Program startups before business-centre tenants, then first come, first served. */
const QUEUE_ORDER = `(r.program_kind = 'business_centre'), r.requested_at, r.id`;

interface RequestRow {
  id: string;
  organisation_id: string;
  startup_id: string;
  site_id: string | null;
  area_m2: number;
  starts_on: string;
  ends_on: string | null;
  program_kind: ProgramKind;
  monthly_price_per_m2_cents: number;
  status: WaitlistStatus;
  requested_at: Date;
}

interface EntryRow extends RequestRow {
  legal_name: string;
  /** row_number() is a bigint: a string from pg; null once the request no longer waits. */
  position: string | null;
  offer_id: string | null;
  floor_id: string | null;
  module_ids: string[] | null;
  offer_status: WaitlistOfferResponse['status'] | null;
  expires_at: Date | null;
  lease_id: string | null;
}

interface OfferRow {
  id: string;
  request_id: string;
  floor_id: string;
  module_ids: string[];
  status: WaitlistOfferResponse['status'];
  expires_at: Date;
  lease_id: string | null;
  created_at: Date;
  startup_id: string;
  starts_on: string;
  ends_on: string | null;
  program_kind: ProgramKind;
  monthly_price_per_m2_cents: number;
}

/** A request waiting for space, as the matching job reads it. */
export interface WaitingRequest {
  id: string;
  areaM2: number;
  startsOn: string;
  endsOn: string | null;
  siteId: string | null;
}

/** An offer with what its lease needs from the request. */
export interface WaitlistOffer {
  id: string;
  requestId: string;
  moduleIds: string[];
  status: WaitlistOfferResponse['status'];
  expiresAt: Date;
  startupId: string;
  startsOn: string;
  endsOn: string | null;
  programKind: ProgramKind;
  monthlyPricePerM2Cents: number;
}

/** Every statement on waitlist_requests and waitlist_offers. */
@Injectable()
export class WaitlistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The new request's id; `areaM2` already rounded to whole modules. */
  async insertRequest(
    db: Queryable,
    organisationId: string,
    request: { startupId: string; siteId: string | null; areaM2: number; startsOn: string; endsOn: string | null; programKind: ProgramKind; monthlyPricePerM2Cents: number },
  ): Promise<string> {
    const [row] = await db.query<Array<{ id: string }>>(
      `INSERT INTO waitlist_requests (organisation_id, startup_id, site_id, area_m2, starts_on, ends_on, program_kind, monthly_price_per_m2_cents)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [organisationId, request.startupId, request.siteId, request.areaM2, request.startsOn, request.endsOn, request.programKind, request.monthlyPricePerM2Cents],
    );
    return row.id;
  }

  /** Waiting requests first, in priority order with their position, then the others; each with its latest offer. */
  async list(organisationId: string, db: Queryable = this.dataSource): Promise<WaitlistEntryResponse[]> {
    const rows = await db.query<EntryRow[]>(
      `SELECT r.*, s.legal_name,
              CASE WHEN r.status = 'waiting' THEN row_number() OVER (PARTITION BY r.status = 'waiting' ORDER BY ${QUEUE_ORDER}) END AS position,
              o.id AS offer_id, o.floor_id, o.module_ids, o.status AS offer_status, o.expires_at, o.lease_id
       FROM waitlist_requests r JOIN startups s ON s.id = r.startup_id
       LEFT JOIN LATERAL (SELECT * FROM waitlist_offers o WHERE o.request_id = r.id ORDER BY o.created_at DESC LIMIT 1) o ON true
       WHERE r.organisation_id = $1 ORDER BY (r.status <> 'waiting'), ${QUEUE_ORDER}`,
      [organisationId],
    );
    return rows.map(toEntry);
  }

  async waiting(organisationId: string, db: Queryable = this.dataSource): Promise<WaitingRequest[]> {
    const rows = await db.query<RequestRow[]>(`SELECT r.* FROM waitlist_requests r WHERE r.organisation_id = $1 AND r.status = 'waiting' ORDER BY ${QUEUE_ORDER}`, [organisationId]);
    return rows.map(toWaiting);
  }

  /** The modules the organisation's open offers hold. */
  async heldModuleIds(organisationId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const rows = await db.query<Array<{ id: string }>>(
      `SELECT unnest(o.module_ids) AS id FROM waitlist_offers o JOIN waitlist_requests r ON r.id = o.request_id WHERE r.organisation_id = $1 AND o.status = 'open'`,
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  /** The request's status, its row locked for the transaction. */
  async lockRequest(db: Queryable, requestId: string): Promise<WaitlistStatus> {
    const [locked] = await db.query<Array<{ status: WaitlistStatus }>>(`SELECT status FROM waitlist_requests WHERE id = $1 FOR UPDATE`, [requestId]);
    return locked.status;
  }

  /** Offers the modules to the request until `ttlHours` from now; the request is then `offered`. */
  async offer(db: Queryable, requestId: string, floorId: string, moduleIds: string[], ttlHours: number): Promise<void> {
    await db.query(`INSERT INTO waitlist_offers (request_id, floor_id, module_ids, expires_at) VALUES ($1, $2, $3::uuid[], now() + make_interval(hours => $4))`, [
      requestId,
      floorId,
      moduleIds,
      ttlHours,
    ]);
    await db.query(`UPDATE waitlist_requests SET status = 'offered' WHERE id = $1`, [requestId]);
  }

  /** Lapses the open offers past their deadline (of one organisation, or all) and their requests; returns each lapsed request's organisation. */
  async lapseExpiredOffers(db: Queryable, organisationId: string | null): Promise<Array<{ requestId: string; organisationId: string }>> {
    // An UPDATE … RETURNING answers [rows, affected count].
    const [rows] = await db.query<[Array<{ id: string; organisation_id: string }>, number]>(
      `UPDATE waitlist_offers o SET status = 'lapsed' FROM waitlist_requests r
       WHERE o.request_id = r.id AND o.status = 'open' AND o.expires_at <= now() AND ($1::uuid IS NULL OR r.organisation_id = $1)
       RETURNING r.id, r.organisation_id`,
      [organisationId],
    );
    for (const row of rows) await db.query(`UPDATE waitlist_requests SET status = 'lapsed' WHERE id = $1`, [row.id]);
    return rows.map((row) => ({ requestId: row.id, organisationId: row.organisation_id }));
  }

  /** The organisation's offer with its request's terms, the offer row locked for the transaction. */
  async offerForUpdate(db: Queryable, organisationId: string, offerId: string): Promise<WaitlistOffer | undefined> {
    const [row] = await db.query<OfferRow[]>(
      `SELECT o.*, r.startup_id, r.starts_on, r.ends_on, r.program_kind, r.monthly_price_per_m2_cents
       FROM waitlist_offers o JOIN waitlist_requests r ON r.id = o.request_id WHERE o.id = $1 AND r.organisation_id = $2
       FOR UPDATE OF o`,
      [offerId, organisationId],
    );
    return row && toOffer(row);
  }

  /** The offer became the lease: offer and request are `accepted`. */
  /** The request's status, its row locked for the transaction; undefined when the organisation has no such request. */
  async lockRequestOf(db: Queryable, organisationId: string, requestId: string): Promise<WaitlistStatus | undefined> {
    const [locked] = await db.query<Array<{ status: WaitlistStatus }>>(
      `SELECT status FROM waitlist_requests WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
      [requestId, organisationId],
    );
    return locked?.status;
  }

  /** The request's status and startup, its row locked for the transaction; undefined when the organisation has no such request. */
  async lockRequestWithStartup(db: Queryable, organisationId: string, requestId: string): Promise<{ status: WaitlistStatus; startupId: string } | undefined> {
    const [locked] = await db.query<Array<{ status: WaitlistStatus; startup_id: string }>>(
      `SELECT status, startup_id FROM waitlist_requests WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
      [requestId, organisationId],
    );
    return locked && { status: locked.status, startupId: locked.startup_id };
  }

  /** A request answered by a lease made for it: `accepted`; its open offer, if any, lapses (its modules go to the next request). Returns whether an offer was released. */
  fulfilled(db: Queryable, requestId: string): Promise<boolean> {
    return this.close(db, requestId, 'accepted');
  }

  /** Cancels a request; its open offer, if any, lapses so that its modules are free for the next request. Returns whether an offer was released. */
  cancel(db: Queryable, requestId: string): Promise<boolean> {
    return this.close(db, requestId, 'cancelled');
  }

  /** Closes a request with this status and lapses its open offer; whether there was one. */
  private async close(db: Queryable, requestId: string, status: 'accepted' | 'cancelled'): Promise<boolean> {
    await db.query(`UPDATE waitlist_requests SET status = $2 WHERE id = $1`, [requestId, status]);
    const released = await db.query<Array<{ id: string }>>(
      `UPDATE waitlist_offers SET status = 'lapsed' WHERE request_id = $1 AND status = 'open' RETURNING id`,
      [requestId],
    );
    return released.length > 0;
  }

  async accepted(db: Queryable, offer: Pick<WaitlistOffer, 'id' | 'requestId'>, leaseId: string): Promise<void> {
    await db.query(`UPDATE waitlist_offers SET status = 'accepted', lease_id = $2 WHERE id = $1`, [offer.id, leaseId]);
    await db.query(`UPDATE waitlist_requests SET status = 'accepted' WHERE id = $1`, [offer.requestId]);
  }
}

function toEntry(row: EntryRow): WaitlistEntryResponse {
  return {
    id: row.id,
    startupId: row.startup_id,
    startupName: row.legal_name,
    // Rows stored before the rounding rule held the raw request (1 m²): shown as whole modules too.
    areaM2: roundUpToModules(row.area_m2),
    startsOn: row.starts_on,
    endsOn: row.ends_on ?? null,
    siteId: row.site_id ?? null,
    programKind: row.program_kind,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    position: row.position === null ? null : Number(row.position),
    offer:
      row.offer_id && row.floor_id && row.module_ids && row.offer_status && row.expires_at
        ? { id: row.offer_id, floorId: row.floor_id, moduleIds: row.module_ids, status: row.offer_status, expiresAt: row.expires_at.toISOString(), leaseId: row.lease_id ?? null }
        : null,
  };
}

function toWaiting(row: RequestRow): WaitingRequest {
  return { id: row.id, areaM2: row.area_m2, startsOn: row.starts_on, endsOn: row.ends_on, siteId: row.site_id };
}

function toOffer(row: OfferRow): WaitlistOffer {
  return {
    id: row.id,
    requestId: row.request_id,
    moduleIds: row.module_ids,
    status: row.status,
    expiresAt: row.expires_at,
    startupId: row.startup_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    programKind: row.program_kind,
    monthlyPricePerM2Cents: row.monthly_price_per_m2_cents,
  };
}
