import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { isUniqueViolation } from '@incubator/api/sql';
import type { CreateSiteRequest, SetupSiteResponse, UpdateSiteRequest } from '@incubator/contracts';
import { SiteRepository } from './site.repository';
import { SpaceErrors } from './space.errors';

/** Sites of a park: created, edited and archived (an archived site leaves the lists; its history stays). */
@Injectable()
export class SiteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sites: SiteRepository,
  ) {}

  list(organisationId: string, includeArchived = false): Promise<SetupSiteResponse[]> {
    return this.sites.list(organisationId, includeArchived);
  }

  create(caller: Caller, request: CreateSiteRequest): Promise<SetupSiteResponse> {
    return this.dataSource.transaction(async (manager) => {
      const site = await this.sites.insert(manager, caller.organisationId, siteSlug(request.name), request).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw SpaceErrors.site_name_taken({ name: request.name });
        throw error;
      });
      await this.audit.recordBy(manager, caller, { action: 'site.created', entityType: 'site', entityId: site.id, after: { ...site } });
      return site;
    });
  }

  update(caller: Caller, siteId: string, request: UpdateSiteRequest): Promise<SetupSiteResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.sites.forUpdate(manager, caller.organisationId, siteId);
      if (!before) throw SpaceErrors.site_not_found();
      const name = request.name ?? before.name;
      const next = {
        slug: name === before.name ? before.slug : siteSlug(name),
        name,
        address: request.address === undefined ? before.address : request.address,
        city: request.city ?? before.city,
        kind: request.kind ?? before.kind,
      };
      const after = await this.sites.update(manager, siteId, next).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw SpaceErrors.site_name_taken({ name });
        throw error;
      });
      await this.audit.recordBy(manager, caller, { action: 'site.updated', entityType: 'site', entityId: siteId, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  /** Archives (or brings back) a site: it leaves the lists; leases, programs and prices keep pointing at it. */
  setArchived(caller: Caller, siteId: string, archived: boolean): Promise<SetupSiteResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.sites.forUpdate(manager, caller.organisationId, siteId);
      if (!before) throw SpaceErrors.site_not_found();
      const after = await this.sites.setArchived(manager, siteId, archived);
      await this.audit.recordBy(manager, caller, { action: archived ? 'site.archived' : 'site.restored', entityType: 'site', entityId: siteId });
      return after;
    });
  }
}

/** A URL-safe slug from a site's name ("Lille — Bois Blancs" → "lille-bois-blancs"). */
export function siteSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'site';
}
