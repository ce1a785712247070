import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateSpacePriceRequest, PriceInForceResponse, ProgramKind, SpacePriceResponse } from '@incubator/contracts';
import { PriceListRepository } from './price-list.repository';
import { SpaceErrors } from './space.errors';
import { SpaceReferenceRepository } from './space-references.repository';

/**
 * Dated price lists per site × program kind. A price is in force from its effective date (inclusive)
 * until the next one; prices are only ever added, so the history stays. A lease copies the price in
 * force on its start date when it is written: a later price never changes a stored lease.
 */
@Injectable()
export class PriceListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly prices: PriceListRepository,
    private readonly references: SpaceReferenceRepository,
  ) {}

  list(organisationId: string, siteId?: string): Promise<SpacePriceResponse[]> {
    return this.prices.list(organisationId, siteId ?? null);
  }

  async add(caller: Caller, request: CreateSpacePriceRequest): Promise<SpacePriceResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.references.siteExists(caller.organisationId, request.siteId, manager))) throw SpaceErrors.site_not_found();
      const inserted = await this.prices.insert(manager, caller.organisationId, request);
      if (!inserted) throw SpaceErrors.price_date_taken({ effectiveFrom: request.effectiveFrom });
      await this.audit.recordBy(manager, caller, { action: 'space_price.added', entityType: 'space_price', entityId: inserted, after: { ...request } });
      return inserted;
    });
    return (await this.prices.get(caller.organisationId, id)) as SpacePriceResponse;
  }

  /** The list price the lease form shows for a floor, a kind and a start date. */
  async inForce(organisationId: string, floorId: string, programKind: ProgramKind, on: string): Promise<PriceInForceResponse> {
    const siteId = await this.prices.siteOfFloor(organisationId, floorId);
    if (!siteId) throw SpaceErrors.floor_not_found();
    const price = await this.prices.inForceForFloor(this.dataSource, organisationId, floorId, programKind, on);
    return { siteId, programKind, on, effectiveFrom: price?.effectiveFrom ?? null, monthlyPricePerM2Cents: price?.monthlyPricePerM2Cents ?? null };
  }
}
